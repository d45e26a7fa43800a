#include "engine/expr/strings.hpp"

#include "engine/expr/functions.hpp"

#include <algorithm>
#include <unicode/ucasemap.h>
#include <unicode/utypes.h>

#include <cctype>
#include <memory>
#include <vector>

namespace wa::engine {

bool is_string_literal(const rdf::Term& term) { return term.is_literal() && term.datatype.empty(); }

const rdf::Term& string_argument(const rdf::Term& term) {
  if (!is_string_literal(term)) throw ExpressionError("not a string: " + term.to_ntriples());
  return term;
}

void check_compatible(const rdf::Term& first, const rdf::Term& second) {
  string_argument(first);
  string_argument(second);
  if (!second.language.empty() && second.language != first.language) {
    throw ExpressionError("incompatible language tags");
  }
}

rdf::Term string_like(const rdf::Term& like, std::string value) {
  return rdf::Term::literal(std::move(value), like.language);
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;
  return count;
}

std::size_t byte_offset(std::string_view text, std::size_t index) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
      if (seen == index) return i;
      ++seen;
    }
  }
  return text.size();
}

namespace {

using CaseMapping = int32_t (*)(const UCaseMap*, char*, int32_t, const char*, int32_t, UErrorCode*);

/// ICU's case mapper of the root locale (SPARQL's LCASE and UCASE are not
/// language-sensitive), one per thread, closed with it.
const UCaseMap* root_case_map() {
  struct Close {
    void operator()(UCaseMap* map) const { ucasemap_close(map); }
  };
  thread_local const std::unique_ptr<UCaseMap, Close> map = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCaseMap, Close> opened(ucasemap_open("", 0, &status));
    if (U_FAILURE(status)) throw ExpressionError("ICU cannot map case");
    return opened;
  }();
  return map.get();
}

/// Maps UTF-8 to UTF-8 with no UTF-16 round trip; grows the buffer if the
/// mapping makes the text longer ("ß" to "SS").
std::string map_case(std::string_view text, CaseMapping mapping) {
  std::string out(text.size() + text.size() / 2 + 16, '\0');
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = mapping(root_case_map(), out.data(), static_cast<int32_t>(out.size()),
                                   text.data(), static_cast<int32_t>(text.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(static_cast<std::size_t>(length));
      continue;
    }
    if (U_FAILURE(status)) throw ExpressionError("not valid UTF-8");
    out.resize(static_cast<std::size_t>(length));
    return out;
  }
  throw ExpressionError("case mapping failed");
}

/// Text of ASCII only maps case the ASCII way in every Unicode locale-free
/// mapping: such text (most of the agenda's) needs no ICU at all.
bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string ascii_mapped(std::string_view text, int (*mapping)(int)) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(mapping(static_cast<unsigned char>(c)));
  return out;
}

} // namespace

std::string upper_case(std::string_view text) {
  return is_ascii(text)
             ? ascii_mapped(text, [](int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; })
             : map_case(text, ucasemap_utf8ToUpper);
}
std::string lower_case(std::string_view text) {
  return is_ascii(text)
             ? ascii_mapped(text, [](int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; })
             : map_case(text, ucasemap_utf8ToLower);
}

std::optional<bool> ascii_lower_case_contains(std::string_view text, std::string_view needle) {
  if (!is_ascii(text)) return std::nullopt;
  auto lower_equals = [](char from_text, char from_needle) {
    return (from_text >= 'A' && from_text <= 'Z' ? static_cast<char>(from_text + 32) : from_text) ==
           from_needle;
  };
  return std::search(text.begin(), text.end(), needle.begin(), needle.end(), lower_equals) !=
         text.end();
}

std::string encode_for_uri(std::string_view text) {
  static const char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += hex[byte >> 4U];
      out += hex[byte & 0xFU];
    }
  }
  return out;
}

bool language_matches(std::string_view tag, std::string_view range) {
  if (range == "*") return !tag.empty();
  if (range.size() > tag.size()) return false;
  for (std::size_t i = 0; i < range.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tag[i])) !=
        std::tolower(static_cast<unsigned char>(range[i])))
      return false;
  }
  return range.size() == tag.size() || tag[range.size()] == '-';
}

} // namespace wa::engine
