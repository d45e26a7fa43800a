#include "agenda/text.hpp"

#include <cctype>

namespace wa::agenda {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// Letters of the scripts the agenda uses: ASCII, Latin-1 and Latin Extended-A/B
/// (é, ë, ç, ...). Punctuation such as curly quotes and dashes is not a letter.
bool is_word_code_point(char32_t cp) {
  if (cp < 0x80) {
    return std::isalnum(static_cast<unsigned char>(cp)) != 0;
  }
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

char32_t decode_at(std::string_view text, std::size_t start, std::size_t length) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[start + i]); };
  switch (length) {
  case 1: return byte(0);
  case 2: return ((byte(0) & 0x1FU) << 6U) | (byte(1) & 0x3FU);
  case 3: return ((byte(0) & 0x0FU) << 12U) | ((byte(1) & 0x3FU) << 6U) | (byte(2) & 0x3FU);
  default:
    return ((byte(0) & 0x07U) << 18U) | ((byte(1) & 0x3FU) << 12U) | ((byte(2) & 0x3FU) << 6U) |
           (byte(3) & 0x3FU);
  }
}

std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0U) == 0xC0U) return 2;
  if ((lead & 0xF0U) == 0xE0U) return 3;
  return 4;
}

} // namespace

std::string trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_space(text[begin]))
    ++begin;
  while (end > begin && is_space(text[end - 1]))
    --end;
  return std::string(text.substr(begin, end - begin));
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == separator) {
      parts.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

std::string join(const std::vector<std::string>& parts, std::string_view glue) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += glue;
    out += parts[i];
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string ascii_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool word_char_at(std::string_view text, std::size_t position) {
  if (position >= text.size()) {
    return false;
  }
  std::size_t length = sequence_length(static_cast<unsigned char>(text[position]));
  if (position + length > text.size()) {
    return false;
  }
  return is_word_code_point(decode_at(text, position, length));
}

bool word_char_before(std::string_view text, std::size_t position) {
  if (position == 0 || position > text.size()) {
    return false;
  }
  std::size_t start = position - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0U) == 0x80U) {
    --start;
  }
  return is_word_code_point(decode_at(text, start, position - start));
}

bool on_word_boundaries(std::string_view text, std::size_t position, std::size_t length) {
  return !word_char_before(text, position) && !word_char_at(text, position + length);
}

} // namespace wa::agenda
