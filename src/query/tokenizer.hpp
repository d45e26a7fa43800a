// The terminals of the SPARQL 1.1 grammar (section 19.8), read from query
// text one at a time with their line and column: the only lexer of the
// project's query path.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace wa::query {

struct Token {
  enum class Kind {
    end,
    iri,           ///< IRIREF: text is the IRI between < >, escapes decoded
    prefixed_name, ///< PNAME_LN / PNAME_NS: text "prefix:local", local escapes decoded
    blank_label,   ///< BLANK_NODE_LABEL: text without "_:"
    variable,      ///< VAR1 / VAR2: text without ? or $
    lang_tag,      ///< LANGTAG: text without @
    integer,       ///< INTEGER (unsigned)
    decimal,       ///< DECIMAL (unsigned)
    double_,       ///< DOUBLE (unsigned)
    string,        ///< any STRING_LITERAL form: text decoded
    name,          ///< a keyword or function name (A-Z letters, digits, _), as written
    nil,           ///< ( WS* )
    anon,          ///< [ WS* ]
    punctuation,   ///< { } ( ) [ ] . , ; * / | ^ ? + - ! = != < > <= >= && || ^^
  };
  Kind kind = Kind::end;
  std::string text;
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t offset = 0; ///< byte offset of the token's first character
  std::size_t end = 0;    ///< byte offset just past it

  [[nodiscard]] bool is(std::string_view punctuation_text) const {
    return kind == Kind::punctuation && text == punctuation_text;
  }
  /// A keyword, compared without regard to case.
  [[nodiscard]] bool is_keyword(std::string_view keyword) const;
  /// How the token reads in a message: 'SELECT', '}', "end of query".
  [[nodiscard]] std::string describe() const;
};

class Tokenizer {
public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  /// The next token; throws SyntaxError (parser.hpp) on text that is no token.
  Token next();

private:
  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_ = 1;
  std::size_t line_start_ = 0;

  void skip_space_and_comments();
  [[nodiscard]] std::size_t column_of(std::size_t offset) const;
  [[noreturn]] void fail(std::size_t offset, const std::string& message) const;
  void advance(std::size_t count);

  Token iri_or_less(Token token);
  Token string_literal(Token token);
  Token number(Token token);
  Token variable(Token token);
  Token blank_label(Token token);
  Token lang_tag(Token token);
  Token name_or_prefixed(Token token);
  Token punctuation(Token token);
  std::string local_part();
  std::string string_escape(std::size_t at, std::size_t& length) const;
};

/// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code_point);

} // namespace wa::query
