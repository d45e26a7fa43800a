#define PCRE2_CODE_UNIT_WIDTH 8
#include "engine/expr/regex.hpp"

#include "engine/expr/functions.hpp"

#include <pcre2.h>

#include <memory>

namespace wa::engine {

namespace {

struct CodeFree {
  void operator()(pcre2_code* code) const { pcre2_code_free(code); }
};
struct MatchDataFree {
  void operator()(pcre2_match_data* data) const { pcre2_match_data_free(data); }
};
struct MatchContextFree {
  void operator()(pcre2_match_context* context) const { pcre2_match_context_free(context); }
};
using Code = std::unique_ptr<pcre2_code, CodeFree>;
using MatchData = std::unique_ptr<pcre2_match_data, MatchDataFree>;
using MatchContext = std::unique_ptr<pcre2_match_context, MatchContextFree>;

/// XPath's x flag: whitespace is removed outside character classes.
std::string without_whitespace(std::string_view pattern) {
  std::string out;
  int depth = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      continue;
    }
    if (c == '[') ++depth;
    if (c == ']' && depth > 0) --depth;
    if (depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) continue;
    out += c;
  }
  return out;
}

Code compile(std::string_view pattern, std::string_view flags) {
  uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY;
  std::string source(pattern);
  for (char flag : flags) {
    switch (flag) {
    case 's': options |= PCRE2_DOTALL; break;
    case 'm': options |= PCRE2_MULTILINE; break;
    case 'i': options |= PCRE2_CASELESS; break;
    case 'q': options |= PCRE2_LITERAL; break;
    case 'x': source = without_whitespace(source); break;
    default:
      throw ExpressionError(std::string("an unknown regular expression flag '") + flag + "'");
    }
  }
  if ((options & PCRE2_LITERAL) != 0) {
    // A literal pattern allows few other options; the rest mean nothing to it.
    options &= PCRE2_LITERAL | PCRE2_UTF | PCRE2_CASELESS;
  }
  int error = 0;
  PCRE2_SIZE offset = 0;
  Code code(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(source.data()), source.size(), options,
                          &error, &offset, nullptr));
  if (!code) throw ExpressionError("an invalid regular expression");
  return code;
}

/// Limits per match: a pattern that backtracks catastrophically is an error, not a hang.
MatchContext limited_context() {
  MatchContext context(pcre2_match_context_create(nullptr));
  pcre2_set_match_limit(context.get(), 1000000);
  pcre2_set_depth_limit(context.get(), 10000);
  pcre2_set_heap_limit(context.get(), 64 * 1024);
  return context;
}

int match(const Code& code, std::string_view text, std::size_t start, const MatchData& data,
          const MatchContext& context) {
  const int result = pcre2_match(code.get(), reinterpret_cast<PCRE2_SPTR>(text.data()), text.size(),
                                 start, 0, data.get(), context.get());
  if (result < 0 && result != PCRE2_ERROR_NOMATCH)
    throw ExpressionError("the regular expression failed");
  return result;
}

/// Appends the XPath replacement for one match: $N groups, \$ and \\.
void append_replacement(std::string& out, std::string_view replacement, std::string_view text,
                        const PCRE2_SIZE* offsets, int groups) {
  for (std::size_t i = 0; i < replacement.size(); ++i) {
    const char c = replacement[i];
    if (c == '\\') {
      if (i + 1 >= replacement.size() || (replacement[i + 1] != '$' && replacement[i + 1] != '\\'))
        throw ExpressionError("a '\\' in a replacement must escape '$' or '\\'");
      out += replacement[++i];
    } else if (c == '$') {
      if (i + 1 >= replacement.size() || replacement[i + 1] < '0' || replacement[i + 1] > '9')
        throw ExpressionError("a '$' in a replacement must name a group");
      const int group = replacement[++i] - '0';
      if (group < groups && offsets[2 * group] != PCRE2_UNSET) {
        out += text.substr(offsets[2 * group], offsets[2 * group + 1] - offsets[2 * group]);
      }
    } else {
      out += c;
    }
  }
}

} // namespace

bool regex_matches(std::string_view text, std::string_view pattern, std::string_view flags) {
  Code code = compile(pattern, flags);
  MatchData data(pcre2_match_data_create_from_pattern(code.get(), nullptr));
  return match(code, text, 0, data, limited_context()) >= 0;
}

std::string regex_replace(std::string_view text, std::string_view pattern,
                          std::string_view replacement, std::string_view flags) {
  Code code = compile(pattern, flags);
  MatchData data(pcre2_match_data_create_from_pattern(code.get(), nullptr));
  MatchContext context = limited_context();
  if (match(code, "", 0, data, context) >= 0) {
    throw ExpressionError("REPLACE with a pattern that matches the empty string");
  }
  std::string out;
  std::size_t at = 0;
  while (at <= text.size()) {
    const int groups = match(code, text, at, data, context);
    if (groups < 0) break;
    const PCRE2_SIZE* offsets = pcre2_get_ovector_pointer(data.get());
    out += text.substr(at, offsets[0] - at);
    append_replacement(out, replacement, text, offsets, groups);
    at = offsets[1] > offsets[0] ? offsets[1] : offsets[1] + 1;
  }
  if (at < text.size()) out += text.substr(at);
  return out;
}

} // namespace wa::engine
