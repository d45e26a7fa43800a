#include "query/tokenizer.hpp"

#include "query/parser.hpp"

#include <cctype>
#include <string>

namespace wa::query {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_non_ascii(char c) { return (static_cast<unsigned char>(c) & 0x80U) != 0; }

/// PN_CHARS_U, with any non-ASCII character taken as a name character.
bool starts_name(char c) { return is_ascii_letter(c) || c == '_' || is_non_ascii(c); }
/// PN_CHARS (and '.' where a name may hold one inside).
bool continues_name(char c) { return starts_name(c) || is_digit(c) || c == '-'; }

/// A character that may follow a backslash in a local name (PN_LOCAL_ESC).
bool is_local_escape(char c) {
  return std::string_view("_~.-!$&'()*+,;=/?#@%").find(c) != std::string_view::npos;
}

char32_t hex_value(std::string_view digits) {
  char32_t value = 0;
  for (char c : digits) {
    value =
        value * 16 + static_cast<char32_t>(is_digit(c) ? c - '0' : (std::tolower(c) - 'a' + 10));
  }
  return value;
}

} // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool Token::is_keyword(std::string_view keyword) const {
  if (kind != Kind::name || text.size() != keyword.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != keyword[i]) return false;
  }
  return true;
}

std::string Token::describe() const {
  switch (kind) {
  case Kind::end: return "the end of the query";
  case Kind::iri: return "<" + text + ">";
  case Kind::variable: return "?" + text;
  case Kind::blank_label: return "_:" + text;
  case Kind::lang_tag: return "@" + text;
  case Kind::string: return "a string";
  case Kind::nil: return "()";
  case Kind::anon: return "[]";
  default: return "'" + text + "'";
  }
}

std::size_t Tokenizer::column_of(std::size_t offset) const {
  std::size_t column = 1;
  for (std::size_t i = line_start_; i < offset && i < text_.size(); ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0U) != 0x80U) ++column;
  }
  return column;
}

void Tokenizer::fail(std::size_t offset, const std::string& message) const {
  throw SyntaxError(line_, column_of(offset), message);
}

void Tokenizer::advance(std::size_t count) {
  for (std::size_t i = 0; i < count && at_ < text_.size(); ++i, ++at_) {
    if (text_[at_] == '\n') {
      ++line_;
      line_start_ = at_ + 1;
    }
  }
}

void Tokenizer::skip_space_and_comments() {
  while (at_ < text_.size()) {
    const char c = text_[at_];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      advance(1);
    } else if (c == '#') {
      while (at_ < text_.size() && text_[at_] != '\n')
        ++at_;
    } else {
      return;
    }
  }
}

Token Tokenizer::next() {
  skip_space_and_comments();
  Token token;
  token.line = line_;
  token.column = column_of(at_);
  token.offset = at_;
  if (at_ >= text_.size()) {
    token.end = at_;
    return token;
  }
  const char c = text_[at_];
  Token read;
  if (c == '<') {
    read = iri_or_less(token);
  } else if (c == '"' || c == '\'') {
    read = string_literal(token);
  } else if (is_digit(c) || (c == '.' && at_ + 1 < text_.size() && is_digit(text_[at_ + 1]))) {
    read = number(token);
  } else if ((c == '?' || c == '$') && at_ + 1 < text_.size() && (continues_name(text_[at_ + 1]))) {
    read = variable(token);
  } else if (c == '_' && at_ + 1 < text_.size() && text_[at_ + 1] == ':') {
    read = blank_label(token);
  } else if (c == '@') {
    read = lang_tag(token);
  } else if (starts_name(c) || c == ':') {
    read = name_or_prefixed(token);
  } else {
    read = punctuation(token);
  }
  read.end = at_;
  return read;
}

Token Tokenizer::iri_or_less(Token token) {
  std::string iri;
  for (std::size_t i = at_ + 1; i < text_.size(); ++i) {
    const char c = text_[i];
    if (c == '>') {
      advance(i + 1 - at_);
      token.kind = Token::Kind::iri;
      token.text = std::move(iri);
      return token;
    }
    if (c == '\\' && i + 1 < text_.size() && (text_[i + 1] == 'u' || text_[i + 1] == 'U')) {
      const std::size_t digits = text_[i + 1] == 'u' ? 4 : 8;
      if (i + 2 + digits > text_.size()) break;
      const std::string_view hex = text_.substr(i + 2, digits);
      for (char h : hex)
        if (!is_hex(h)) fail(i, "a bad \\u escape in an IRI");
      append_utf8(iri, hex_value(hex));
      i += 1 + digits;
      continue;
    }
    if (static_cast<unsigned char>(c) <= 0x20 ||
        std::string_view("<\"{}|^`\\").find(c) != std::string_view::npos) {
      break;
    }
    iri += c;
  }
  return punctuation(token); // '<' or '<=' as an operator
}

std::string Tokenizer::string_escape(std::size_t at, std::size_t& length) const {
  const char c = at + 1 < text_.size() ? text_[at + 1] : '\0';
  length = 2;
  switch (c) {
  case 't': return "\t";
  case 'b': return "\b";
  case 'n': return "\n";
  case 'r': return "\r";
  case 'f': return "\f";
  case '"': return "\"";
  case '\'': return "'";
  case '\\': return "\\";
  case 'u':
  case 'U': {
    const std::size_t digits = c == 'u' ? 4 : 8;
    if (at + 2 + digits > text_.size())
      fail(at,
           "a \\" + std::string(1, c) + " escape needs " + std::to_string(digits) + " hex digits");
    const std::string_view hex = text_.substr(at + 2, digits);
    for (char h : hex)
      if (!is_hex(h)) fail(at, "a bad \\" + std::string(1, c) + " escape");
    const char32_t code_point = hex_value(hex);
    if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) {
      fail(at, "the escape \\" + std::string(1, c) + std::string(hex) + " is not a character");
    }
    std::string out;
    append_utf8(out, code_point);
    length = 2 + digits;
    return out;
  }
  default: fail(at, "an unknown escape '\\" + std::string(1, c) + "' in a string");
  }
}

Token Tokenizer::string_literal(Token token) {
  const char quote = text_[at_];
  const bool long_form = text_.substr(at_, 3) == std::string(3, quote);
  const std::size_t open = long_form ? 3 : 1;
  std::string value;
  std::size_t i = at_ + open;
  for (;;) {
    if (i >= text_.size()) fail(at_, "a string that is never closed");
    const char c = text_[i];
    if (long_form ? text_.substr(i, 3) == std::string(3, quote) : c == quote) break;
    if (!long_form && (c == '\n' || c == '\r')) fail(i, "a line break in a short string");
    if (c == '\\') {
      std::size_t length = 0;
      value += string_escape(i, length);
      i += length;
      continue;
    }
    value += c;
    ++i;
  }
  advance(i + open - at_);
  token.kind = Token::Kind::string;
  token.text = std::move(value);
  return token;
}

Token Tokenizer::number(Token token) {
  std::size_t i = at_;
  while (i < text_.size() && is_digit(text_[i]))
    ++i;
  token.kind = Token::Kind::integer;
  if (i < text_.size() && text_[i] == '.' && i + 1 < text_.size() && is_digit(text_[i + 1])) {
    ++i;
    while (i < text_.size() && is_digit(text_[i]))
      ++i;
    token.kind = Token::Kind::decimal;
  }
  auto exponent_at = [&](std::size_t e) {
    if (e >= text_.size() || (text_[e] != 'e' && text_[e] != 'E')) return std::size_t{0};
    std::size_t d = e + 1;
    if (d < text_.size() && (text_[d] == '+' || text_[d] == '-')) ++d;
    if (d >= text_.size() || !is_digit(text_[d])) return std::size_t{0};
    while (d < text_.size() && is_digit(text_[d]))
      ++d;
    return d;
  };
  if (std::size_t end = exponent_at(i); end != 0) {
    i = end;
    token.kind = Token::Kind::double_;
  } else if (token.kind == Token::Kind::integer && i < text_.size() && text_[i] == '.') {
    if (std::size_t after = exponent_at(i + 1); after != 0) { // "1.e5"
      i = after;
      token.kind = Token::Kind::double_;
    }
  }
  token.text = std::string(text_.substr(at_, i - at_));
  advance(i - at_);
  return token;
}

Token Tokenizer::variable(Token token) {
  std::size_t i = at_ + 1;
  while (i < text_.size() &&
         (continues_name(text_[i]) || static_cast<unsigned char>(text_[i]) == 0xB7))
    ++i;
  token.kind = Token::Kind::variable;
  token.text = std::string(text_.substr(at_ + 1, i - at_ - 1));
  if (token.text.front() == '-') fail(at_, "a variable name cannot start with '-'");
  advance(i - at_);
  return token;
}

Token Tokenizer::blank_label(Token token) {
  std::size_t i = at_ + 2;
  if (i >= text_.size() || !(starts_name(text_[i]) || is_digit(text_[i]))) {
    fail(at_, "a blank node label needs a name after '_:'");
  }
  while (i < text_.size() && (continues_name(text_[i]) || text_[i] == '.'))
    ++i;
  while (text_[i - 1] == '.')
    --i;
  token.kind = Token::Kind::blank_label;
  token.text = std::string(text_.substr(at_ + 2, i - at_ - 2));
  advance(i - at_);
  return token;
}

Token Tokenizer::lang_tag(Token token) {
  std::size_t i = at_ + 1;
  while (i < text_.size() && is_ascii_letter(text_[i]))
    ++i;
  if (i == at_ + 1) fail(at_, "a language tag needs letters after '@'");
  while (i + 1 < text_.size() && text_[i] == '-' &&
         (is_ascii_letter(text_[i + 1]) || is_digit(text_[i + 1]))) {
    ++i;
    while (i < text_.size() && (is_ascii_letter(text_[i]) || is_digit(text_[i])))
      ++i;
  }
  token.kind = Token::Kind::lang_tag;
  token.text = std::string(text_.substr(at_ + 1, i - at_ - 1));
  advance(i - at_);
  return token;
}

std::string Tokenizer::local_part() {
  std::string local;
  std::size_t i = at_;
  std::size_t last_good = at_; // the local name may not end with '.'
  std::string at_last_good;
  bool first = true;
  while (i < text_.size()) {
    const char c = text_[i];
    bool plain_dot = false;
    if (c == '%' && i + 2 < text_.size() && is_hex(text_[i + 1]) && is_hex(text_[i + 2])) {
      local += text_.substr(i, 3);
      i += 3;
    } else if (c == '\\' && i + 1 < text_.size() && is_local_escape(text_[i + 1])) {
      local += text_[i + 1];
      i += 2;
    } else if (continues_name(c) || c == ':' || (c == '.' && !first) ||
               static_cast<unsigned char>(c) == 0xB7) {
      local += c;
      plain_dot = c == '.';
      ++i;
    } else {
      break;
    }
    first = false;
    if (!plain_dot) {
      last_good = i;
      at_last_good = local;
    }
  }
  advance(last_good - at_);
  return at_last_good;
}

Token Tokenizer::name_or_prefixed(Token token) {
  std::size_t i = at_;
  while (i < text_.size() && (continues_name(text_[i]) || text_[i] == '.' ||
                              static_cast<unsigned char>(text_[i]) == 0xB7))
    ++i;
  while (i > at_ && text_[i - 1] == '.')
    --i;
  const std::string run(text_.substr(at_, i - at_));
  if (i < text_.size() && text_[i] == ':') {
    if (!run.empty() && (run.front() == '_' || is_digit(run.front()))) {
      fail(at_, "a prefix cannot start with '" + std::string(1, run.front()) + "'");
    }
    advance(i + 1 - at_);
    token.kind = Token::Kind::prefixed_name;
    token.text = run + ":" + local_part();
    return token;
  }
  advance(i - at_);
  token.kind = Token::Kind::name;
  token.text = run;
  return token;
}

Token Tokenizer::punctuation(Token token) {
  const char c = text_[at_];
  if (c == '(' || c == '[') {
    std::size_t i = at_ + 1;
    while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\r' ||
                                text_[i] == '\n' || text_[i] == '#')) {
      if (text_[i] == '#') {
        while (i < text_.size() && text_[i] != '\n')
          ++i;
      } else {
        ++i;
      }
    }
    if (i < text_.size() && text_[i] == (c == '(' ? ')' : ']')) {
      advance(i + 1 - at_);
      token.kind = c == '(' ? Token::Kind::nil : Token::Kind::anon;
      token.text = c == '(' ? "()" : "[]";
      return token;
    }
  }
  static const std::string_view doubles[] = {"^^", "!=", "<=", ">=", "&&", "||"};
  for (std::string_view pair : doubles) {
    if (text_.substr(at_, 2) == pair) {
      advance(2);
      token.kind = Token::Kind::punctuation;
      token.text = std::string(pair);
      return token;
    }
  }
  if (std::string_view("{}()[].,;*/|^?+-!=<>").find(c) == std::string_view::npos) {
    fail(at_, "an unexpected character '" + std::string(1, c) + "'");
  }
  advance(1);
  token.kind = Token::Kind::punctuation;
  token.text = std::string(1, c);
  return token;
}

} // namespace wa::query
