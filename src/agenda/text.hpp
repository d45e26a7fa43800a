// Small text helpers for the importer: trimming, splitting, and the word
// boundaries used when matching aliases in UTF-8 text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wa::agenda {

[[nodiscard]] std::string trim(std::string_view text);
[[nodiscard]] std::vector<std::string> split(std::string_view text, char separator);
[[nodiscard]] std::string join(const std::vector<std::string>& parts, std::string_view glue);

/// ASCII case folding, for keywords, media types and IRI schemes (which are
/// ASCII by definition); bytes of UTF-8 sequences are left as they are.
[[nodiscard]] std::string ascii_lower(std::string_view text);
[[nodiscard]] std::string ascii_upper(std::string_view text);

/// True when the code point that ends just before `position` is a letter or digit.
[[nodiscard]] bool word_char_before(std::string_view text, std::size_t position);
/// True when the code point that starts at `position` is a letter or digit.
[[nodiscard]] bool word_char_at(std::string_view text, std::size_t position);
/// True when text[position, position+length) stands as a word of its own.
[[nodiscard]] bool on_word_boundaries(std::string_view text, std::size_t position,
                                      std::size_t length);

} // namespace wa::agenda
