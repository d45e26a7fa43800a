#include "store/grammar_rules.hpp"

#include "store/query_guard.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace wa::store {

namespace {

using Tokens = std::vector<QueryToken>;

[[noreturn]] void syntax_error(const QueryToken& token, const std::string& rule) {
  throw QueryRefused(400, "syntax error: " + rule + " (line " + std::to_string(token.line) + ")");
}

bool is_blank_label(const QueryToken& token) {
  return token.kind == QueryToken::Kind::prefixed_name && token.text.starts_with("_:");
}

/// No blank node in tokens [begin, end) of an expression, outside the graph
/// patterns of EXISTS { ... }, which may hold them.
void check_expression_tokens(const Tokens& tokens, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (tokens[i].is("{")) {
      i = group_end(tokens, i) - 1;
    } else if (is_blank_label(tokens[i]) || tokens[i].is("[")) {
      syntax_error(tokens[i], "a blank node in an expression (blank nodes belong in triple "
                              "patterns)");
    }
  }
}

void check_blank_nodes_in_expressions(const Tokens& tokens) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const bool expression =
        (tokens[i].is_word("FILTER") || tokens[i].is_word("BIND") || tokens[i].is_word("HAVING")) &&
        tokens[i + 1].is("(");
    if (expression) check_expression_tokens(tokens, i + 1, group_end(tokens, i + 1));
  }
}

/// Where a blank node label stands: a group, and which basic graph pattern
/// of that group (a sub-group, OPTIONAL, UNION, MINUS, GRAPH, SERVICE, BIND
/// or VALUES ends one; a FILTER does not).
struct Place {
  int group;
  int pattern;
  auto operator<=>(const Place&) const = default;
};

bool ends_a_basic_graph_pattern(const QueryToken& token) {
  return token.is_word("OPTIONAL") || token.is_word("UNION") || token.is_word("MINUS") ||
         token.is_word("GRAPH") || token.is_word("SERVICE") || token.is_word("BIND") ||
         token.is_word("VALUES");
}

/// The first token of the WHERE clause's patterns: a CONSTRUCT template's
/// labels stand for new blank nodes and are not part of it.
std::size_t start_of_patterns(const Tokens& tokens) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].is_word("CONSTRUCT") && tokens[i + 1].is("{")) return group_end(tokens, i + 1);
    if (tokens[i].is_word("SELECT") || tokens[i].is_word("ASK") || tokens[i].is_word("DESCRIBE") ||
        tokens[i].is_word("CONSTRUCT")) {
      return i;
    }
  }
  return tokens.size();
}

void check_blank_labels_across_patterns(const Tokens& tokens) {
  std::vector<Place> open_groups = {{0, 0}};
  int groups = 0;
  std::map<std::string, Place> first_place;
  for (std::size_t i = start_of_patterns(tokens); i < tokens.size(); ++i) {
    const QueryToken& token = tokens[i];
    if (token.is("{")) {
      ++open_groups.back().pattern;
      open_groups.push_back({++groups, 0});
    } else if (token.is("}") && open_groups.size() > 1) {
      open_groups.pop_back();
      ++open_groups.back().pattern;
    } else if (ends_a_basic_graph_pattern(token)) {
      ++open_groups.back().pattern;
    } else if (is_blank_label(token)) {
      auto [known, fresh] = first_place.try_emplace(token.text, open_groups.back());
      if (!fresh && known->second != open_groups.back()) {
        syntax_error(token,
                     "the blank node label " + token.text + " is used in two basic graph patterns");
      }
    }
  }
}

/// Each SELECT clause: no variable projected twice, and none both projected
/// and bound by (... AS ?v), nor a blank node in its expressions.
void check_projections(const Tokens& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].is_word("SELECT")) continue;
    std::set<std::string> projected;
    for (std::size_t j = i + 1; j < tokens.size(); ++j) {
      const QueryToken& token = tokens[j];
      if (token.is("{") || token.is_word("WHERE") || token.is_word("FROM")) break;
      std::size_t named = j;
      if (token.is("(")) {
        const std::size_t end = group_end(tokens, j);
        check_expression_tokens(tokens, j, end);
        named = end >= 2 ? end - 2 : j; // "( expression AS ?v )"
        j = end - 1;
      }
      if (tokens[named].kind != QueryToken::Kind::variable) continue;
      if (!projected.insert(tokens[named].text).second) {
        syntax_error(tokens[named], "?" + tokens[named].text + " is projected twice");
      }
    }
  }
}

} // namespace

void check_grammar_rules(const std::vector<QueryToken>& tokens) {
  check_blank_nodes_in_expressions(tokens);
  check_blank_labels_across_patterns(tokens);
  check_projections(tokens);
}

} // namespace wa::store
