// A SPARQL query as a sequence of tokens, for the checks that must hold for
// every query before it reaches an engine whose parser we do not control
// (the full-SPARQL backend). The tokens follow the grammar's terminals, so a
// keyword inside a string, an IRI or a comment is never mistaken for one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wa::store {

struct QueryToken {
  enum class Kind {
    word,          ///< a keyword, function name, `a`, `true`, a number
    prefixed_name, ///< pfx:local (also `pfx:` alone)
    iri,           ///< <...>, text without the brackets
    variable,      ///< ?v or $v, text without the sigil
    string,        ///< any of the four string forms, text as written
    language_tag,  ///< @nl, text without the @
    punctuation,   ///< { } ( ) . , ; = != < > <= >= && || ! ^^ * / + - | ^ ...
  };
  Kind kind;
  std::string text;
  int line;

  [[nodiscard]] bool is_word(std::string_view upper_case) const;
  [[nodiscard]] bool is(std::string_view punctuation) const {
    return kind == Kind::punctuation && text == punctuation;
  }
};

/// Splits a query into tokens; throws std::invalid_argument naming the line
/// of an unterminated string or IRI.
[[nodiscard]] std::vector<QueryToken> tokenize_query(std::string_view query);

/// The index just past the group that opens at tokens[open] (one of "(", "{",
/// "["), or tokens.size() when the group is never closed.
[[nodiscard]] std::size_t group_end(const std::vector<QueryToken>& tokens, std::size_t open);
/// The index of the bracket that opens the group closed at tokens[close] (one
/// of ")", "}", "]"), or tokens.size() when none does.
[[nodiscard]] std::size_t group_start(const std::vector<QueryToken>& tokens, std::size_t close);

} // namespace wa::store
