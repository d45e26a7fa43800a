// The entry points of the engine, and the query forms: SELECT bindings, ASK,
// CONSTRUCT (a template instantiated per solution) and DESCRIBE (each
// resource's triples, with the blank nodes they lead to).
#include "engine/evaluator.hpp"

#include "engine/optimizer.hpp"
#include "engine/query_run.hpp"
#include "query/variables.hpp"

#include <set>

namespace wa::engine {

QueryRun::QueryRun(const query::Query& query, const store::IndexedDataset& dataset,
                   const EvaluationOptions& options)
    : query_(query), dataset_(dataset), options_(options), cancellation_(options),
      terms_(dataset.dictionary()), functions_(query.base, std::chrono::system_clock::now()) {
  collect_variables();
  choose_dataset();
}

void QueryRun::add_slot(const std::string& name) { slots_.emplace(name, slots_.size()); }

void QueryRun::start_solution(RowView row) {
  IdHash hash;
  for (std::size_t i = 0; i < row.size(); ++i)
    hash.add(assigned_[i] ? 0 : row[i]);
  functions_.start_solution(hash.value());
}

void QueryRun::mark_assigned(const query::Pattern& pattern) {
  if (!pattern) return;
  if (pattern->kind == query::PatternNode::Kind::extend) assigned_[slot(pattern->variable)] = true;
  for (const query::Pattern& child : pattern->children)
    mark_assigned(child);
}

void QueryRun::collect_variables() {
  query::for_each_variable(query_.pattern, [this](const std::string& name) { add_slot(name); });
  for (const std::string& name : query_.variables)
    add_slot(name);
  for (const query::TriplePattern& triple : query_.construct_template) {
    for (const auto* position : {&triple.subject, &triple.predicate, &triple.object})
      query::for_each_variable(*position, [this](const std::string& name) { add_slot(name); });
  }
  for (const query::TermOrVariable& target : query_.describe)
    query::for_each_variable(target, [this](const std::string& name) { add_slot(name); });
  assigned_.assign(slots_.size(), false);
  mark_assigned(query_.pattern);
}

/// FROM and FROM NAMED pick the query's dataset among the stored graphs (13.2).
void QueryRun::choose_dataset() {
  if (query_.from.empty() && query_.from_named.empty()) {
    default_graph_.graphs = {no_term};
    named_graphs_ = dataset_.named_graphs();
    return;
  }
  for (const std::string& iri : query_.from) {
    if (auto id = dataset_.dictionary().find(rdf::Term::iri(iri)))
      default_graph_.graphs.push_back(*id);
  }
  for (const std::string& iri : query_.from_named) {
    if (auto id = dataset_.dictionary().find(rdf::Term::iri(iri))) named_graphs_.push_back(*id);
  }
  std::sort(named_graphs_.begin(), named_graphs_.end());
  named_graphs_.erase(std::unique(named_graphs_.begin(), named_graphs_.end()), named_graphs_.end());
}

std::size_t QueryRun::row_bytes() const { return sizeof(Row) + slots_.size() * sizeof(TermId); }

void QueryRun::hold(std::size_t rows) { cancellation_.check_room(rows * row_bytes()); }

Rows QueryRun::solutions() { return evaluate(query_.pattern, empty_row(), default_graph_); }

rdf::QueryResult QueryRun::result() {
  const Rows rows = solutions();
  switch (query_.form) {
  case query::Query::Form::ask: {
    rdf::QueryResult answer;
    answer.form = rdf::QueryResult::Form::boolean;
    answer.boolean = !rows.empty();
    return answer;
  }
  case query::Query::Form::construct: return graph_result(rows);
  case query::Query::Form::describe: return description(rows);
  default: return bindings(rows);
  }
}

rdf::QueryResult QueryRun::bindings(const Rows& rows) {
  rdf::QueryResult answer;
  answer.variables = query_.variables;
  for (RowView row : rows) {
    if (answer.rows.size() >= options_.row_limit) {
      answer.truncated = true;
      break;
    }
    cancellation_.check();
    rdf::QueryResult::Row out;
    for (const std::string& name : query_.variables) {
      const TermId id = row[slot(name)];
      out.push_back(id == no_term ? std::nullopt : std::optional<rdf::Term>(terms_.term(id)));
    }
    answer.rows.push_back(std::move(out));
  }
  return answer;
}

namespace {

bool valid_triple(const rdf::Triple& triple) {
  return !triple.subject.is_literal() && triple.predicate.is_iri();
}

} // namespace

rdf::QueryResult QueryRun::graph_result(const Rows& rows) {
  rdf::QueryResult answer;
  answer.form = rdf::QueryResult::Form::graph;
  std::set<rdf::Triple> seen;
  std::size_t solution = 0;
  for (RowView row : rows) {
    ++solution;
    auto instantiate = [&](const query::TermOrVariable& position) -> std::optional<rdf::Term> {
      if (const auto* variable = std::get_if<query::Variable>(&position)) {
        const TermId id = row[slot(variable->name)];
        if (id == no_term) return std::nullopt;
        return terms_.term(id);
      }
      const rdf::Term& term = std::get<rdf::Term>(position);
      if (term.is_blank())
        return rdf::Term::blank("c" + std::to_string(solution) + "_" + term.value);
      return term;
    };
    for (const query::TriplePattern& pattern : query_.construct_template) {
      cancellation_.check();
      auto s = instantiate(pattern.subject);
      auto p = instantiate(pattern.predicate);
      auto o = instantiate(pattern.object);
      if (!s || !p || !o) continue;
      rdf::Triple triple{*s, *p, *o};
      if (!valid_triple(triple) || !seen.insert(triple).second) continue;
      if (answer.triples.size() >= options_.row_limit) {
        answer.truncated = true;
        return answer;
      }
      cancellation_.charge(sizeof(rdf::Triple) * 3);
      answer.triples.push_back(std::move(triple));
    }
  }
  return answer;
}

/// DESCRIBE: every triple of the default graph about each resource, and,
/// through blank-node objects, the triples that describe those.
rdf::QueryResult QueryRun::description(const Rows& rows) {
  std::vector<TermId> resources;
  for (const query::TermOrVariable& target : query_.describe) {
    if (const auto* variable = std::get_if<query::Variable>(&target)) {
      for (RowView row : rows)
        if (row[slot(variable->name)] != no_term) resources.push_back(row[slot(variable->name)]);
    } else if (auto id = terms_.dataset_id(std::get<rdf::Term>(target))) {
      resources.push_back(*id);
    }
  }
  rdf::QueryResult answer;
  answer.form = rdf::QueryResult::Form::graph;
  std::set<TermId> described;
  while (!resources.empty()) {
    const TermId resource = resources.back();
    resources.pop_back();
    if (!described.insert(resource).second || !terms_.in_dataset(resource)) continue;
    for_each_triple(dataset_, default_graph_, resource, no_term, no_term, cancellation_,
                    [&](TermId s, TermId p, TermId o) {
                      if (answer.triples.size() >= options_.row_limit) {
                        answer.truncated = true;
                        return;
                      }
                      answer.triples.push_back({terms_.term(s), terms_.term(p), terms_.term(o)});
                      if (terms_.term(o).is_blank()) resources.push_back(o);
                    });
  }
  return answer;
}

rdf::QueryResult evaluate(const query::Query& query, const store::IndexedDataset& dataset,
                          const EvaluationOptions& options) {
  if (!options.optimize) return QueryRun(query, dataset, options).result();
  const query::Query rewritten = optimized(query);
  return QueryRun(rewritten, dataset, options).result();
}

std::string explain(const query::Query& query, const store::IndexedDataset& dataset,
                    const EvaluationOptions& options) {
  if (!options.optimize) return QueryRun(query, dataset, options).explain();
  const query::Query rewritten = optimized(query);
  return QueryRun(rewritten, dataset, options).explain();
}

} // namespace wa::engine
