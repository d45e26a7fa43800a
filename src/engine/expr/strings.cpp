#include "engine/expr/strings.hpp"

#include "engine/expr/functions.hpp"

#include <algorithm>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <cctype>
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

using CaseMapping = int32_t (*)(UChar*, int32_t, const UChar*, int32_t, const char*, UErrorCode*);

/// Full Unicode case mapping with ICU's root locale (ß -> SS).
std::string map_case(std::string_view text, CaseMapping mapping) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, text.data(), static_cast<int32_t>(text.size()), &status);
  status = U_ZERO_ERROR;
  std::vector<UChar> wide(static_cast<std::size_t>(length) + 1);
  u_strFromUTF8(wide.data(), length + 1, nullptr, text.data(), static_cast<int32_t>(text.size()),
                &status);
  if (U_FAILURE(status)) throw ExpressionError("not valid UTF-8");
  std::vector<UChar> mapped(static_cast<std::size_t>(length) * 3 + 8);
  status = U_ZERO_ERROR;
  const int32_t mapped_length =
      mapping(mapped.data(), static_cast<int32_t>(mapped.size()), wide.data(), length, "", &status);
  if (U_FAILURE(status)) throw ExpressionError("case mapping failed");
  std::string out(static_cast<std::size_t>(mapped_length) * 4 + 4, '\0');
  int32_t out_length = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &out_length, mapped.data(),
              mapped_length, &status);
  if (U_FAILURE(status)) throw ExpressionError("case mapping failed");
  out.resize(static_cast<std::size_t>(out_length));
  return out;
}

/// Text of ASCII only maps case the ASCII way in every Unicode locale-free
/// mapping: such text (most of the agenda's) skips ICU's UTF-16 round trip.
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
             : map_case(text, u_strToUpper);
}
std::string lower_case(std::string_view text) {
  return is_ascii(text)
             ? ascii_mapped(text, [](int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; })
             : map_case(text, u_strToLower);
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
