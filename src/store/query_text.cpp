#include "store/query_text.hpp"

#include "agenda/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace wa::store {

namespace {

/// Walks a query's text token by token, skipping comments, strings and IRIs,
/// which may contain anything (braces, keywords, '#').
class Scanner {
public:
  explicit Scanner(std::string_view text) : text_(text) {}

  [[nodiscard]] std::size_t position() const { return at_; }
  [[nodiscard]] bool done() {
    skip_space_and_comments();
    return at_ >= text_.size();
  }

  /// The next token: a word (letters, digits, '_', ':', '-'), or one character.
  /// Strings and IRIs come back whole.
  std::string_view next() {
    skip_space_and_comments();
    if (at_ >= text_.size()) return {};
    const std::size_t start = at_;
    const char c = text_[at_];
    if (c == '"' || c == '\'') {
      skip_string(c);
    } else if (c == '<' && looks_like_iri()) {
      at_ = text_.find('>', at_);
      at_ = at_ == std::string_view::npos ? text_.size() : at_ + 1;
    } else if (is_word(c)) {
      while (at_ < text_.size() && is_word(text_[at_]))
        ++at_;
    } else {
      ++at_;
    }
    return text_.substr(start, at_ - start);
  }

private:
  std::string_view text_;
  std::size_t at_ = 0;

  static bool is_word(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == ':' || c == '-' ||
           (static_cast<unsigned char>(c) >= 0x80);
  }

  void skip_space_and_comments() {
    while (at_ < text_.size()) {
      if (std::isspace(static_cast<unsigned char>(text_[at_])) != 0) {
        ++at_;
      } else if (text_[at_] == '#') {
        while (at_ < text_.size() && text_[at_] != '\n')
          ++at_;
      } else {
        break;
      }
    }
  }

  /// An IRI reference has no spaces before its '>'; a less-than sign does.
  [[nodiscard]] bool looks_like_iri() const {
    for (std::size_t i = at_ + 1; i < text_.size(); ++i) {
      if (text_[i] == '>') return true;
      if (std::isspace(static_cast<unsigned char>(text_[i])) != 0 || text_[i] == '<') return false;
    }
    return false;
  }

  void skip_string(char quote) {
    const bool triple = text_.substr(at_, 3) == std::string(3, quote);
    at_ += triple ? 3 : 1;
    while (at_ < text_.size()) {
      if (text_[at_] == '\\') {
        at_ += 2;
      } else if (triple && text_.substr(at_, 3) == std::string(3, quote)) {
        at_ += 3;
        return;
      } else if (!triple && text_[at_] == quote) {
        ++at_;
        return;
      } else {
        ++at_;
      }
    }
  }
};

/// Moves the scanner past BASE <iri> and PREFIX name: <iri> declarations and
/// returns the first keyword after them.
std::string skip_prologue(Scanner& scanner) {
  while (!scanner.done()) {
    std::string keyword = agenda::ascii_upper(scanner.next());
    if (keyword == "BASE") {
      scanner.next();
    } else if (keyword == "PREFIX") {
      scanner.next();
      scanner.next();
    } else {
      return keyword;
    }
  }
  return {};
}

} // namespace

std::string first_keyword(std::string_view query) {
  Scanner scanner(query);
  return skip_prologue(scanner);
}

bool is_update(std::string_view query) {
  static constexpr std::array<std::string_view, 10> update_keywords = {
      "INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"};
  const std::string keyword = first_keyword(query);
  for (std::string_view update : update_keywords) {
    if (keyword == update) return true;
  }
  return false;
}

std::string without_limit_and_offset(std::string_view query) {
  std::string out(query);
  Scanner scanner(query);
  int depth = 0;
  while (!scanner.done()) {
    std::string_view token = scanner.next();
    const std::size_t end = scanner.position();
    if (token == "{") ++depth;
    if (token == "}") --depth;
    const std::string keyword = agenda::ascii_upper(token);
    if (depth == 0 && (keyword == "LIMIT" || keyword == "OFFSET")) {
      const std::size_t start = end - token.size();
      std::string_view number = scanner.next();
      if (!number.empty() && std::isdigit(static_cast<unsigned char>(number.front())) != 0) {
        std::fill(out.begin() + static_cast<std::ptrdiff_t>(start),
                  out.begin() + static_cast<std::ptrdiff_t>(scanner.position()), ' ');
      }
    }
  }
  return out;
}

std::optional<std::string> where_clause_as_ask(std::string_view query) {
  Scanner scanner(query);
  if (skip_prologue(scanner) != "SELECT") return std::nullopt;
  const std::size_t select_end = scanner.position();
  const std::size_t select_start = select_end - 6;
  // The WHERE clause is the first top-level group after SELECT (sub-selects
  // are refused before this is used, and a projection has no braces).
  std::size_t open = std::string_view::npos;
  int depth = 0;
  while (!scanner.done()) {
    std::string_view token = scanner.next();
    if (token == "{") {
      if (depth++ == 0) open = scanner.position() - 1;
    } else if (token == "}" && depth > 0 && --depth == 0) {
      return std::string(query.substr(0, select_start)) + "ASK " +
             std::string(query.substr(open, scanner.position() - open));
    }
  }
  return std::nullopt;
}

} // namespace wa::store
