#include "store/embedded_store.hpp"

#include "rdf/namespaces.hpp"
#include "store/query_guard.hpp"
#include "store/query_text.hpp"
#include "store/solution_order.hpp"

#include <map>

#include <algorithm>
#include <stdexcept>

namespace wa::store {

namespace {

/// Enough to read a whole answer that the store sorts itself; the worker's
/// memory cap bounds it in practice.
constexpr std::size_t every_row = 10'000'000;

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

/// Which predicates have at most one object per subject (functional) or one
/// subject per object (inverse functional) in this dataset.
PredicateStats predicate_stats(const agenda::Dataset& dataset) {
  std::map<std::string, std::map<rdf::Term, std::size_t>> objects_per_subject;
  std::map<std::string, std::map<rdf::Term, std::size_t>> subjects_per_object;
  dataset.for_each_distinct_triple([&](const rdf::Triple& triple) {
    ++objects_per_subject[triple.predicate.value][triple.subject];
    ++subjects_per_object[triple.predicate.value][triple.object];
  });
  PredicateStats stats;
  auto at_most_one = [](const std::map<rdf::Term, std::size_t>& counts) {
    return std::ranges::all_of(counts, [](const auto& entry) { return entry.second <= 1; });
  };
  for (const auto& [predicate, counts] : objects_per_subject) {
    if (at_most_one(counts)) stats.functional.insert(predicate);
  }
  for (const auto& [predicate, counts] : subjects_per_object) {
    if (at_most_one(counts)) stats.inverse_functional.insert(predicate);
  }
  return stats;
}

bool has_zero_offset(const rdf::Term& term) {
  return term.is_literal() && !term.datatype.empty() &&
         (term.value.ends_with("+00:00") || term.value.ends_with("-00:00"));
}

} // namespace

EmbeddedStore::EmbeddedStore(const agenda::Dataset& dataset)
    : base_(dataset.base), stats_(predicate_stats(dataset)) {
  for (const agenda::DatasetPart& part : dataset.parts) {
    const std::string graph = dataset.graph_iri(part.name);
    part.model.for_each_triple([&](const rdf::Triple& triple) {
      redland_.add(triple, graph);
      if (has_zero_offset(triple.object)) zero_offset_literals_.insert(triple.object);
    });
  }
}

void EmbeddedStore::restore_zero_offsets(rdf::QueryResult& answer) const {
  if (zero_offset_literals_.empty()) return;
  auto restore = [this](rdf::Term& term) {
    if (!has_zero_offset(term) || !term.value.ends_with("-00:00") ||
        zero_offset_literals_.contains(term)) {
      return;
    }
    rdf::Term written = term;
    written.value.replace(written.value.size() - 6, 6, "+00:00");
    if (zero_offset_literals_.contains(written)) term = written;
  };
  for (rdf::QueryResult::Row& row : answer.rows) {
    for (std::optional<rdf::Term>& value : row) {
      if (value) restore(*value);
    }
  }
  for (rdf::Triple& triple : answer.triples)
    restore(triple.object);
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

rdf::QueryResult EmbeddedStore::query(const std::string& query_text, std::size_t row_limit,
                                      const ProtocolDataset& dataset) {
  if (!dataset.empty()) throw protocol_dataset_refused("embedded");
  // Rasqal's lexer rejects a comment on the last line unless a line break ends it.
  const std::size_t last_line = query_text.rfind('\n');
  const bool comment_at_end =
      query_text.find('#', last_line == std::string::npos ? 0 : last_line) != std::string::npos;
  const std::string text = comment_at_end ? query_text + "\n" : query_text;
  QueryPlan plan = check_query(text, base_, &stats_);
  const bool solutions = !plan.grouped || has_solution(text);
  // With an ORDER BY on projected variables the store sorts, so it reads every
  // row and applies OFFSET and LIMIT itself, after sorting.
  const bool sorts_itself = !plan.order.empty();
  std::optional<rdf::QueryResult> answer =
      sorts_itself ? redland_.run(without_limit_and_offset(text), base_, every_row)
                   : redland_.run(text, base_, row_limit);
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
  restore_zero_offsets(*answer);
  if (sorts_itself && answer->form == rdf::QueryResult::Form::bindings) {
    order_rows(*answer, plan.order, plan.offset, plan.limit);
    answer->truncated = answer->rows.size() > row_limit;
    if (answer->truncated) answer->rows.resize(row_limit);
  }
  return std::move(*answer);
}

} // namespace wa::store
