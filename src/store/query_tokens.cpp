#include "store/query_tokens.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace wa::store {

namespace {

bool is_word_byte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return std::isalnum(byte) != 0 || c == '_' || byte >= 0x80;
}

/// Bytes of a prefix or local name beyond those of a word (PN_CHARS, PLX).
bool is_pname_byte(char c) {
  return is_word_byte(c) || c == '-' || c == '.' || c == ':' || c == '%' || c == '\\';
}

/// The characters an IRIREF may not hold (SPARQL 1.1, production [139]).
bool ends_iri(char c) {
  return c == '<' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`' ||
         c == '\\' || static_cast<unsigned char>(c) <= 0x20;
}

class Tokenizer {
public:
  explicit Tokenizer(std::string_view query) : text_(query) {}

  std::vector<QueryToken> run() {
    while (skip_space_and_comments()) {
      read_token();
    }
    return std::move(tokens_);
  }

private:
  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
  std::vector<QueryToken> tokens_;

  [[nodiscard]] char peek(std::size_t ahead = 0) const {
    return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0';
  }

  void advance(std::size_t count) {
    for (std::size_t i = 0; i < count && at_ < text_.size(); ++i, ++at_) {
      if (text_[at_] == '\n') ++line_;
    }
  }

  /// False at the end of the text.
  bool skip_space_and_comments() {
    while (at_ < text_.size()) {
      if (std::isspace(static_cast<unsigned char>(peek())) != 0) {
        advance(1);
      } else if (peek() == '#') {
        while (at_ < text_.size() && peek() != '\n')
          advance(1);
      } else {
        return true;
      }
    }
    return false;
  }

  void emit(QueryToken::Kind kind, std::size_t begin, std::size_t end, int line) {
    tokens_.push_back({kind, std::string(text_.substr(begin, end - begin)), line});
  }

  void read_token() {
    const char c = peek();
    if (c == '"' || c == '\'') {
      read_string(c);
    } else if (c == '<' && read_iri()) {
      return;
    } else if ((c == '?' || c == '$') && is_word_byte(peek(1))) {
      read_variable();
    } else if (c == '@' && std::isalpha(static_cast<unsigned char>(peek(1))) != 0) {
      read_language_tag();
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0) {
      read_number();
    } else if (is_word_byte(c) || c == ':') {
      read_name();
    } else {
      read_punctuation();
    }
  }

  std::size_t end_of(std::size_t from, bool (*belongs)(char)) const {
    std::size_t end = from;
    while (end < text_.size() && belongs(text_[end]))
      ++end;
    return end;
  }

  void emit_until(QueryToken::Kind kind, std::size_t begin, std::size_t end) {
    emit(kind, begin, end, line_);
    advance(end - at_);
  }

  void read_variable() {
    emit_until(QueryToken::Kind::variable, at_ + 1, end_of(at_ + 1, is_word_byte));
  }

  void read_language_tag() {
    emit_until(QueryToken::Kind::language_tag, at_ + 1, end_of(at_ + 1, [](char c) {
                 return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
               }));
  }

  void read_number() {
    std::size_t end = end_of(
        at_, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.'; });
    while (end > at_ + 1 && text_[end - 1] == '.')
      --end; // the dot that ends a triple
    if (end < text_.size() && (text_[end] == 'e' || text_[end] == 'E')) {
      std::size_t exponent = end + 1;
      if (exponent < text_.size() && (text_[exponent] == '+' || text_[exponent] == '-')) ++exponent;
      end =
          end_of(exponent, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    }
    emit_until(QueryToken::Kind::word, at_, end);
  }

  /// A prefixed name if a colon follows the prefix; otherwise a word, which
  /// holds no '-' or '.' (so "x-SERVICE" is three tokens, as for the engine).
  void read_name() {
    const std::size_t prefix_end =
        end_of(at_, [](char c) { return is_word_byte(c) || c == '-' || c == '.'; });
    if (prefix_end < text_.size() && text_[prefix_end] == ':') {
      std::size_t end = end_of(prefix_end + 1, is_pname_byte);
      while (end > prefix_end + 1 && text_[end - 1] == '.')
        --end;
      emit_until(QueryToken::Kind::prefixed_name, at_, end);
      return;
    }
    emit_until(QueryToken::Kind::word, at_, end_of(at_, is_word_byte));
  }

  /// An IRIREF if the text allows one here; otherwise '<' is an operator.
  bool read_iri() {
    std::size_t end = at_ + 1;
    while (end < text_.size() && text_[end] != '>' && !ends_iri(text_[end]))
      ++end;
    if (end >= text_.size() || text_[end] != '>') return false;
    emit(QueryToken::Kind::iri, at_ + 1, end, line_);
    advance(end + 1 - at_);
    return true;
  }

  void read_string(char quote) {
    const int line = line_;
    const std::size_t begin = at_;
    const bool long_form = peek(1) == quote && peek(2) == quote;
    if (!long_form && peek(1) == quote) { // the empty string
      advance(2);
      emit(QueryToken::Kind::string, begin, at_, line);
      return;
    }
    advance(long_form ? 3 : 1);
    while (at_ < text_.size()) {
      const char c = peek();
      if (c == '\\') {
        advance(2);
      } else if (c == quote && (!long_form || (peek(1) == quote && peek(2) == quote))) {
        advance(long_form ? 3 : 1);
        emit(QueryToken::Kind::string, begin, at_, line);
        return;
      } else if (!long_form && (c == '\n' || c == '\r')) {
        break;
      } else {
        advance(1);
      }
    }
    throw std::invalid_argument("unterminated string starting on line " + std::to_string(line));
  }

  void read_punctuation() {
    static constexpr std::string_view pairs[] = {"&&", "||", "!=", "<=", ">=", "^^"};
    const std::string_view two = text_.substr(at_, 2);
    const bool is_pair = std::ranges::find(pairs, two) != std::end(pairs);
    const std::size_t length = is_pair ? 2 : 1;
    emit(QueryToken::Kind::punctuation, at_, at_ + length, line_);
    advance(length);
  }
};

} // namespace

bool QueryToken::is_word(std::string_view upper_case) const {
  return kind == Kind::word && text.size() == upper_case.size() &&
         std::ranges::equal(text, upper_case, [](char a, char b) {
           return std::toupper(static_cast<unsigned char>(a)) == b;
         });
}

std::vector<QueryToken> tokenize_query(std::string_view query) { return Tokenizer(query).run(); }

namespace {

std::string_view closing_of(std::string_view opening) {
  if (opening == "(") return ")";
  if (opening == "[") return "]";
  return "}";
}

std::string_view opening_of(std::string_view closing) {
  if (closing == ")") return "(";
  if (closing == "]") return "[";
  return "{";
}

} // namespace

std::size_t group_end(const std::vector<QueryToken>& tokens, std::size_t open) {
  const std::string_view opening = tokens[open].text;
  const std::string_view closing = closing_of(opening);
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (tokens[i].is(opening)) ++depth;
    if (tokens[i].is(closing) && --depth == 0) return i + 1;
  }
  return tokens.size();
}

std::size_t group_start(const std::vector<QueryToken>& tokens, std::size_t close) {
  const std::string_view closing = tokens[close].text;
  const std::string_view opening = opening_of(closing);
  int depth = 0;
  for (std::size_t i = close + 1; i-- > 0;) {
    if (tokens[i].is(closing)) ++depth;
    if (tokens[i].is(opening) && --depth == 0) return i;
  }
  return tokens.size();
}

} // namespace wa::store
