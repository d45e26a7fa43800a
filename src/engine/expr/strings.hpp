// String values as SPARQL's string functions see them (17.4.3): a literal's
// lexical form with its language tag, counted in Unicode code points.
#pragma once

#include "rdf/term.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace wa::engine {

/// A simple literal, or one with a language tag (xsd:string is simple here).
[[nodiscard]] bool is_string_literal(const rdf::Term& term);
/// Throws ExpressionError unless the term is a string literal.
const rdf::Term& string_argument(const rdf::Term& term);
/// Arguments compatible as 17.4.3.1.2 says: the second simple, or both with one tag.
void check_compatible(const rdf::Term& first, const rdf::Term& second);
/// A string result with the language tag of `like`.
[[nodiscard]] rdf::Term string_like(const rdf::Term& like, std::string value);

[[nodiscard]] std::size_t code_points(std::string_view text);
/// The byte offset of code point `index` (the size for an index past the end).
[[nodiscard]] std::size_t byte_offset(std::string_view text, std::size_t index);
[[nodiscard]] std::string upper_case(std::string_view text);
[[nodiscard]] std::string lower_case(std::string_view text);
/// CONTAINS(LCASE(text), needle) without making the lower-cased copy, for
/// text of ASCII only; nullopt for other text, whose lower case only ICU
/// knows (it may even be ASCII: the Kelvin sign's is "k").
[[nodiscard]] std::optional<bool> ascii_lower_case_contains(std::string_view text,
                                                            std::string_view needle);
[[nodiscard]] std::string encode_for_uri(std::string_view text);
/// RFC 4647 basic filtering: does the language tag match the range?
[[nodiscard]] bool language_matches(std::string_view tag, std::string_view range);

} // namespace wa::engine
