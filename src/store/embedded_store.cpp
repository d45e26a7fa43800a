#include "store/embedded_store.hpp"

#include "rdf/namespaces.hpp"
#include "store/query_guard.hpp"
#include "store/query_text.hpp"

#include <algorithm>
#include <stdexcept>

namespace wa::store {

namespace {

std::optional<rdf::Term> empty_value(EmptyAggregate::Value value) {
  switch (value) {
  case EmptyAggregate::Value::zero: return rdf::Term::typed("0", ns::term(ns::xsd, "integer"));
  case EmptyAggregate::Value::empty_string: return rdf::Term::literal("");
  case EmptyAggregate::Value::unbound: break;
  }
  return std::nullopt;
}

/// SPARQL's one row over no solutions: COUNT, SUM and AVG 0, GROUP_CONCAT "",
/// MIN, MAX and SAMPLE unbound.
rdf::QueryResult::Row row_over_no_solutions(const QueryPlan& plan,
                                            const std::vector<std::string>& variables) {
  rdf::QueryResult::Row row;
  for (const std::string& variable : variables) {
    auto aggregate = std::ranges::find(plan.empty_row, variable, &EmptyAggregate::variable);
    row.push_back(aggregate == plan.empty_row.end() ? std::nullopt : empty_value(aggregate->value));
  }
  return row;
}

} // namespace

EmbeddedStore::EmbeddedStore(const agenda::Dataset& dataset) : base_(dataset.base) {
  for (const agenda::DatasetPart& part : dataset.parts) {
    const std::string graph = dataset.graph_iri(part.name);
    for (const rdf::Triple& triple : part.model.triples()) {
      redland_.add(triple, graph);
    }
  }
}

bool EmbeddedStore::has_solution(const std::string& text) {
  std::optional<std::string> ask = where_clause_as_ask(text);
  if (!ask) {
    throw QueryRefused(400, "cannot find the WHERE clause of this grouped query");
  }
  std::optional<rdf::QueryResult> answer = redland_.run(*ask, base_, 1);
  if (!answer || answer->form != rdf::QueryResult::Form::boolean) {
    throw QueryRefused(500, "the embedded SPARQL engine could not check the WHERE clause");
  }
  return answer->boolean;
}

rdf::QueryResult EmbeddedStore::query(const std::string& query_text, std::size_t row_limit) {
  // Rasqal's lexer rejects a comment on the last line unless a line break ends it.
  const std::size_t last_line = query_text.rfind('\n');
  const bool comment_at_end =
      query_text.find('#', last_line == std::string::npos ? 0 : last_line) != std::string::npos;
  const std::string text = comment_at_end ? query_text + "\n" : query_text;
  QueryPlan plan = check_query(text, base_);
  const bool solutions = !plan.grouped || has_solution(text);
  std::optional<rdf::QueryResult> answer = redland_.run(text, base_, row_limit);
  if (!answer) {
    throw QueryRefused(400, "the embedded SPARQL engine cannot run this query");
  }
  if (answer->form == rdf::QueryResult::Form::bindings && answer->rows.empty()) {
    answer->variables = plan.variables; // librdf names no variables when no row came
  }
  if (plan.grouped && !solutions) {
    answer->rows.clear(); // Rasqal invents a group when nothing matches
    answer->truncated = false;
  }
  if (plan.implicit_group && answer->rows.empty()) {
    answer->rows.push_back(row_over_no_solutions(plan, answer->variables));
  }
  return std::move(*answer);
}

} // namespace wa::store
