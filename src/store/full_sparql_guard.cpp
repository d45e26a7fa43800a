#include "store/full_sparql_guard.hpp"

#include "agenda/text.hpp"
#include "query/parser.hpp"
#include "store/store.hpp"

#include <algorithm>
#include <array>
#include <functional>

namespace wa::store {

namespace {

using query::ExpressionNode;
using query::PathNode;
using query::PatternNode;
using EKind = ExpressionNode::Kind;
using PKind = PatternNode::Kind;

/// Relative IRIs resolve against it while the query is checked; Virtuoso
/// resolves them itself against the dataset's base (VirtuosoStore).
constexpr std::string_view placeholder_base = "http://base.invalid/";
constexpr std::string_view xsd_boolean = "http://www.w3.org/2001/XMLSchema#boolean";

[[noreturn]] void refuse(const std::string& message) { throw QueryRefused(400, message); }

/// Everything a query holds, visited once: every pattern node (EXISTS groups
/// included), every expression, every constant term and function IRI.
struct QueryWalk {
  std::function<void(const PatternNode&)> on_pattern = [](const PatternNode&) {};
  std::function<void(const ExpressionNode&)> on_expression = [](const ExpressionNode&) {};
  std::function<void(const query::Term&)> on_term = [](const query::Term&) {};

  void position(const query::TermOrVariable& position) const {
    if (const auto* term = std::get_if<query::Term>(&position)) on_term(*term);
  }

  void path(const query::Path& path) const {
    if (!path) return;
    if (path->kind == PathNode::Kind::link) on_term(path->iri);
    std::ranges::for_each(path->forward, on_term);
    std::ranges::for_each(path->inverse, on_term);
    for (const query::Path& part : path->parts)
      this->path(part);
  }

  void expression(const query::Expression& expression) const {
    if (!expression) return;
    on_expression(*expression);
    if (expression->kind == EKind::constant) on_term(expression->term);
    if (expression->kind == EKind::function_call) on_term(query::Term::iri(expression->name));
    for (const query::Expression& argument : expression->args)
      this->expression(argument);
    pattern(expression->pattern);
  }

  void pattern(const query::Pattern& pattern) const {
    if (!pattern) return;
    on_pattern(*pattern);
    for (const query::TriplePattern& triple : pattern->triples) {
      position(triple.subject);
      position(triple.predicate);
      position(triple.object);
    }
    if (pattern->kind == PKind::path) {
      position(pattern->path_subject);
      this->path(pattern->path);
      position(pattern->path_object);
    }
    if (pattern->kind == PKind::graph || pattern->kind == PKind::service)
      position(pattern->graph_name);
    for (const query::ValuesRow& row : pattern->rows)
      for (const auto& value : row)
        if (value) on_term(*value);
    for (const query::Expression& expression : pattern->expressions)
      this->expression(expression);
    for (const query::Aggregate& aggregate : pattern->aggregates)
      this->expression(aggregate.argument);
    for (const query::OrderCondition& condition : pattern->order)
      this->expression(condition.expression);
    for (const query::Pattern& child : pattern->children)
      this->pattern(child);
  }

  void whole(const query::Query& query) const {
    pattern(query.pattern);
    for (const query::TriplePattern& triple : query.construct_template) {
      position(triple.subject);
      position(triple.predicate);
      position(triple.object);
    }
    std::ranges::for_each(query.describe, [this](const auto& target) { position(target); });
  }
};

query::Query parsed(std::string_view text) {
  try {
    return query::parse_query(text, {std::string(placeholder_base)});
  } catch (const query::SyntaxError& error) {
    refuse(error.what());
  }
}

/// Virtuoso's own namespaces: SQL built-ins (bif:, sql:) and its system
/// vocabularies, which hold functions that read files or the database.
bool is_engine_internal(std::string_view iri) {
  const std::string text = agenda::ascii_lower(iri);
  return text.starts_with("bif:") || text.starts_with("sql:") ||
         text.starts_with("http://www.openlinksw.com/");
}

void check_term(const query::Term& term) {
  if (term.is_iri() && is_engine_internal(term.value)) {
    refuse("<" + term.value +
           "> is refused: the engine's internal functions and vocabularies are not open to "
           "queries");
  }
  if (term.is_literal() && term.datatype == xsd_boolean) {
    refuse("boolean constants are refused on this backend: Virtuoso 7.2 cannot tell true and "
           "false from the integers 1 and 0, so it would match and compare them wrongly");
  }
}

void check_expression(const ExpressionNode& expression) {
  if (expression.kind == EKind::builtin && expression.name == "SAMETERM") {
    refuse("sameTerm() is refused on this backend: Virtuoso 7.2 leaves it unbound or false "
           "after a join; for IRIs, = gives the same answer");
  }
}

void check_pattern(const PatternNode& pattern) {
  if (pattern.kind == PKind::service) {
    refuse("SERVICE is refused: this endpoint never makes outbound requests");
  }
}

bool repeats(const query::Path& path) {
  if (!path) return false;
  if (path->kind == PathNode::Kind::zero_or_more || path->kind == PathNode::Kind::one_or_more)
    return true;
  return std::ranges::any_of(path->parts, repeats);
}

/// SELECT DISTINCT at the top (under OFFSET/LIMIT), with no other projection
/// (sub-query) and no grouping anywhere below it.
bool is_plain_select_distinct(const query::Query& query, std::size_t projections, bool grouped) {
  query::Pattern top = query.pattern;
  while (top && top->kind == PKind::slice)
    top = top->children[0];
  return top && top->kind == PKind::distinct && projections == 1 && !grouped;
}

/// Virtuoso 7.2 returns a node reached along a + or * path once per route
/// instead of once. Only forms that drop duplicates anyway are safe.
void check_repeating_paths(const query::Query& query) {
  bool repeating = false;
  std::size_t projections = 0;
  bool grouped = false;
  QueryWalk walk;
  walk.on_pattern = [&](const PatternNode& pattern) {
    repeating = repeating || (pattern.kind == PKind::path && repeats(pattern.path));
    projections += pattern.kind == PKind::project ? 1 : 0;
    grouped = grouped || pattern.kind == PKind::group;
  };
  walk.whole(query);
  if (!repeating || query.form != query::Query::Form::select) return;
  if (!is_plain_select_distinct(query, projections, grouped)) {
    refuse("a + or * property path is refused here on this backend: Virtuoso 7.2 returns a node "
           "once per route that reaches it. Use SELECT DISTINCT (without aggregates or "
           "sub-queries), ASK or CONSTRUCT");
  }
}

bool is_boolean_valued(const ExpressionNode& expression) {
  static constexpr std::array builtins = {"ISIRI",     "ISURI",     "ISBLANK",     "ISLITERAL",
                                          "ISNUMERIC", "REGEX",     "LANGMATCHES", "SAMETERM",
                                          "CONTAINS",  "STRSTARTS", "STRENDS"};
  switch (expression.kind) {
  case EKind::logical_or:
  case EKind::logical_and:
  case EKind::logical_not:
  case EKind::equal:
  case EKind::not_equal:
  case EKind::less:
  case EKind::greater:
  case EKind::less_or_equal:
  case EKind::greater_or_equal:
  case EKind::in:
  case EKind::not_in:
  case EKind::bound:
  case EKind::exists:
  case EKind::not_exists: return true;
  case EKind::builtin:
    return std::ranges::any_of(builtins, [&](const char* name) { return expression.name == name; });
  default: return false;
  }
}

/// Variables bound by (EXPR AS ?v) or BIND(EXPR AS ?v) where EXPR is boolean.
std::set<std::string> boolean_variables(const query::Query& query) {
  std::set<std::string> variables;
  QueryWalk walk;
  walk.on_pattern = [&](const PatternNode& pattern) {
    if (pattern.kind == PKind::extend && !pattern.expressions.empty() && pattern.expressions[0] &&
        is_boolean_valued(*pattern.expressions[0])) {
      variables.insert(pattern.variable);
    }
  };
  walk.whole(query);
  return variables;
}

FullSparqlPlan::Form form_of(query::Query::Form form) {
  switch (form) {
  case query::Query::Form::ask: return FullSparqlPlan::Form::ask;
  case query::Query::Form::construct: return FullSparqlPlan::Form::construct;
  case query::Query::Form::describe: return FullSparqlPlan::Form::describe;
  default: return FullSparqlPlan::Form::select;
  }
}

} // namespace

FullSparqlPlan check_full_sparql(std::string_view text) {
  const query::Query query = parsed(text);
  if (!query.from.empty() || !query.from_named.empty()) {
    refuse("FROM and FROM NAMED are not supported on this backend: the dataset is fixed. The "
           "default graph is the union of all parts; use GRAPH <...> to query one part");
  }
  QueryWalk walk;
  walk.on_pattern = check_pattern;
  walk.on_expression = check_expression;
  walk.on_term = check_term;
  walk.whole(query);
  check_repeating_paths(query);
  FullSparqlPlan plan;
  plan.form = form_of(query.form);
  plan.boolean_variables = boolean_variables(query);
  plan.declares_base = query.base != placeholder_base;
  return plan;
}

} // namespace wa::store
