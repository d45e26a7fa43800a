#include "store/full_sparql_guard.hpp"

#include "agenda/text.hpp"
#include "store/grammar_rules.hpp"
#include "store/query_guard.hpp"
#include "store/query_text.hpp"
#include "store/query_tokens.hpp"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace wa::store {

namespace {

using Tokens = std::vector<QueryToken>;

constexpr std::string_view xsd_boolean = "http://www.w3.org/2001/XMLSchema#boolean";

[[noreturn]] void refuse(const QueryToken& token, const std::string& message) {
  throw QueryRefused(400, message + " (line " + std::to_string(token.line) + ")");
}

/// Virtuoso's own namespaces: SQL built-ins (bif:, sql:) and its system
/// vocabularies, which hold functions that read files or the database.
bool is_engine_internal(std::string_view iri) {
  const std::string text = agenda::ascii_lower(iri);
  return text.starts_with("bif:") || text.starts_with("sql:") ||
         text.starts_with("http://www.openlinksw.com/");
}

bool is_update_keyword(const QueryToken& token) {
  static constexpr std::array keywords = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE",
                                          "ADD",    "MOVE",   "COPY", "WITH",  "USING"};
  return std::ranges::any_of(keywords, [&](const char* keyword) { return token.is_word(keyword); });
}

void check_token(const QueryToken& token) {
  using Kind = QueryToken::Kind;
  if (token.kind == Kind::word) {
    if (is_update_keyword(token)) {
      refuse(token,
             "SPARQL Update (" + token.text + ") is not accepted: this endpoint is read-only");
    }
    if (token.is_word("SERVICE")) {
      refuse(token, "SERVICE is refused: this endpoint never makes outbound requests");
    }
    if (token.is_word("FROM")) {
      refuse(token, "FROM and FROM NAMED are not supported: the dataset is fixed. The default "
                    "graph is the union of all parts; use GRAPH <...> to query one part");
    }
    if (token.is_word("DEFINE")) {
      refuse(token, "engine pragmas (DEFINE) are not accepted");
    }
  }
  if (token.is_word("TRUE") || token.is_word("FALSE") ||
      (token.kind == Kind::iri && token.text == xsd_boolean) ||
      (token.kind == Kind::prefixed_name && token.text.ends_with(":boolean"))) {
    refuse(token,
           "boolean constants are refused on this backend: Virtuoso 7.2 cannot tell true "
           "and false from the integers 1 and 0, so it would match and compare them wrongly");
  }
  if (token.is_word("SAMETERM")) {
    refuse(token, "sameTerm() is refused on this backend: Virtuoso 7.2 leaves it unbound or "
                  "false after a join; for IRIs, = gives the same answer");
  }
  if (token.kind == Kind::iri && is_engine_internal(token.text)) {
    refuse(token, "<" + token.text +
                      "> is refused: the engine's internal functions and "
                      "vocabularies are not open to queries");
  }
  if (token.kind == Kind::prefixed_name) {
    const std::string prefix = agenda::ascii_lower(token.text.substr(0, token.text.find(':')));
    if (prefix == "bif" || prefix == "sql") {
      refuse(token, token.text + " is refused: the engine's SQL built-ins are not open to queries");
    }
  }
}

FullSparqlPlan::Form query_form(const Tokens& tokens) {
  for (const QueryToken& token : tokens) {
    if (token.is_word("SELECT")) return FullSparqlPlan::Form::select;
    if (token.is_word("ASK")) return FullSparqlPlan::Form::ask;
    if (token.is_word("CONSTRUCT")) return FullSparqlPlan::Form::construct;
    if (token.is_word("DESCRIBE")) return FullSparqlPlan::Form::describe;
  }
  throw QueryRefused(400, "syntax error: no SELECT, ASK, CONSTRUCT or DESCRIBE in the query");
}

bool is_boolean_builtin(const QueryToken& token) {
  static constexpr std::array names = {
      "BOUND",       "ISIRI",    "ISURI",    "ISBLANK",   "ISLITERAL", "ISNUMERIC", "REGEX",
      "LANGMATCHES", "SAMETERM", "CONTAINS", "STRSTARTS", "STRENDS",   "EXISTS",    "NOT"};
  return std::ranges::any_of(names, [&](const char* name) { return token.is_word(name); });
}

bool is_boolean_operator(const QueryToken& token) {
  static constexpr std::array operators = {"=", "!=", "<", ">", "<=", ">=", "&&", "||"};
  return std::ranges::any_of(operators, [&](const char* op) { return token.is(op); }) ||
         token.is_word("IN");
}

/// Tokens [begin, end) form an expression whose value is always a boolean.
bool is_boolean_expression(const Tokens& tokens, std::size_t begin, std::size_t end) {
  if (begin >= end) return false;
  if (tokens[begin].is("!")) return true;
  int depth = 0;
  for (std::size_t i = begin; i < end; ++i) {
    if (tokens[i].is("(")) ++depth;
    if (tokens[i].is(")")) --depth;
    if (depth == 0 && is_boolean_operator(tokens[i])) return true;
  }
  if (tokens[begin].is_word("EXISTS") || tokens[begin].is_word("NOT")) return true;
  // A single call: NAME ( ... ) spanning the whole expression.
  return is_boolean_builtin(tokens[begin]) && begin + 1 < end && tokens[begin + 1].is("(") &&
         tokens[end - 1].is(")") && group_start(tokens, end - 1) == begin + 1;
}

/// Every "( EXPR AS ?v )" in a projection or a BIND, where EXPR is boolean.
std::set<std::string> boolean_variables(const Tokens& tokens) {
  std::set<std::string> variables;
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (!tokens[i].is_word("AS") || tokens[i + 1].kind != QueryToken::Kind::variable ||
        !tokens[i + 2].is(")")) {
      continue;
    }
    const std::size_t open = group_start(tokens, i + 2);
    if (open < i && is_boolean_expression(tokens, open + 1, i)) {
      variables.insert(tokens[i + 1].text);
    }
  }
  return variables;
}

bool is_path_step(const QueryToken& token) {
  return token.kind == QueryToken::Kind::iri || token.kind == QueryToken::Kind::prefixed_name ||
         token.is_word("A");
}

/// A '+' or '*' after a predicate (or a parenthesised path of predicates):
/// a property path of arbitrary length.
bool repeats_a_path(const Tokens& tokens, std::size_t at) {
  if (at == 0 || !(tokens[at].is("+") || tokens[at].is("*"))) return false;
  if (is_path_step(tokens[at - 1])) return true;
  if (!tokens[at - 1].is(")")) return false;
  const std::size_t open = group_start(tokens, at - 1);
  if (open >= at || (open > 0 && tokens[open - 1].kind == QueryToken::Kind::word)) return false;
  return std::all_of(tokens.begin() + static_cast<std::ptrdiff_t>(open) + 1,
                     tokens.begin() + static_cast<std::ptrdiff_t>(at) - 1,
                     [](const QueryToken& token) {
                       return is_path_step(token) || token.kind == QueryToken::Kind::punctuation;
                     });
}

bool is_aggregate(const QueryToken& token) {
  static constexpr std::array names = {"COUNT", "SUM",    "AVG",         "MIN",
                                       "MAX",   "SAMPLE", "GROUP_CONCAT"};
  return std::ranges::any_of(names, [&](const char* name) { return token.is_word(name); });
}

/// Virtuoso 7.2 returns a node reached along a + or * path once per route
/// instead of once. Only forms that drop duplicates anyway are safe.
void check_repeating_paths(const Tokens& tokens, FullSparqlPlan::Form form) {
  for (std::size_t at = 0; at < tokens.size(); ++at) {
    if (!repeats_a_path(tokens, at)) continue;
    if (form == FullSparqlPlan::Form::ask || form == FullSparqlPlan::Form::construct ||
        form == FullSparqlPlan::Form::describe) {
      return;
    }
    const auto select = std::ranges::find_if(
        tokens, [](const QueryToken& token) { return token.is_word("SELECT"); });
    const bool distinct = select + 1 < tokens.end() && (select + 1)->is_word("DISTINCT");
    const bool one_select = std::ranges::count_if(tokens, [](const QueryToken& token) {
                              return token.is_word("SELECT");
                            }) == 1;
    if (!distinct || !one_select || std::ranges::any_of(tokens, is_aggregate)) {
      refuse(tokens[at], "a + or * property path is refused here on this backend: Virtuoso 7.2 "
                         "returns a node once per route that reaches it. Use SELECT DISTINCT "
                         "(without aggregates or sub-queries), ASK or CONSTRUCT");
    }
    return;
  }
}

} // namespace

FullSparqlPlan check_full_sparql(std::string_view query) {
  if (is_update(query)) {
    throw QueryRefused(400, "SPARQL Update is not accepted: this endpoint is read-only.");
  }
  Tokens tokens;
  try {
    tokens = tokenize_query(query);
  } catch (const std::invalid_argument& error) {
    throw QueryRefused(400, std::string("syntax error: ") + error.what());
  }
  std::ranges::for_each(tokens, check_token);
  check_grammar_rules(tokens);
  FullSparqlPlan plan;
  plan.form = query_form(tokens);
  check_repeating_paths(tokens, plan.form);
  plan.boolean_variables = boolean_variables(tokens);
  plan.declares_base =
      std::ranges::any_of(tokens, [](const QueryToken& token) { return token.is_word("BASE"); });
  return plan;
}

} // namespace wa::store
