#include "store/engine_store.hpp"

#include "engine/evaluator.hpp"
#include "query/parser.hpp"

#include <algorithm>

namespace wa::store {

namespace {

bool uses_service(const query::Pattern& pattern);

bool expression_uses_service(const query::Expression& expression) {
  if (!expression) return false;
  if (expression->pattern && uses_service(expression->pattern)) return true;
  return std::any_of(expression->args.begin(), expression->args.end(), expression_uses_service);
}

bool uses_service(const query::Pattern& pattern) {
  if (!pattern) return false;
  if (pattern->kind == query::PatternNode::Kind::service) return true;
  return std::any_of(pattern->children.begin(), pattern->children.end(), uses_service) ||
         std::any_of(pattern->expressions.begin(), pattern->expressions.end(),
                     expression_uses_service) ||
         std::any_of(
             pattern->aggregates.begin(), pattern->aggregates.end(),
             [](const query::Aggregate& a) { return expression_uses_service(a.argument); }) ||
         std::any_of(pattern->order.begin(), pattern->order.end(), [](const auto& condition) {
           return expression_uses_service(condition.expression);
         });
}

/// FROM and FROM NAMED select among the dataset's own graphs; anything else
/// would ask the endpoint to fetch a document, which it never does.
/// `by_protocol`: the graphs came from default-graph-uri and named-graph-uri.
void check_dataset_clauses(const query::Query& query, const IndexedDataset& dataset,
                           bool by_protocol) {
  auto check = [&](const std::string& iri, const char* clause) {
    auto id = dataset.dictionary().find(rdf::Term::iri(iri));
    const auto& graphs = dataset.named_graphs();
    if (id && std::binary_search(graphs.begin(), graphs.end(), *id)) return;
    throw QueryRefused(400, std::string(clause) + " <" + iri +
                                "> is not a graph of this dataset: the endpoint does not "
                                "fetch documents; name one of its graphs, or use GRAPH");
  };
  for (const std::string& iri : query.from)
    check(iri, by_protocol ? "default-graph-uri" : "FROM");
  for (const std::string& iri : query.from_named)
    check(iri, by_protocol ? "named-graph-uri" : "FROM NAMED");
}

} // namespace

EngineStore::EngineStore(std::shared_ptr<const IndexedDataset> dataset, std::string base_iri,
                         EngineLimits limits)
    : dataset_(std::move(dataset)), base_(std::move(base_iri)), limits_(limits) {}

IndexedDataset EngineStore::index_of(const agenda::Dataset& dataset) {
  return builder_of(dataset).build();
}

DatasetBuilder EngineStore::builder_of(const agenda::Dataset& dataset) {
  DatasetBuilder builder;
  for (const agenda::DatasetPart& part : dataset.parts) {
    const std::string graph = dataset.graph_iri(part.name);
    builder.add_graph(graph);
    part.model.for_each_triple([&](rdf::Triple&& triple) { builder.add(triple, graph); });
  }
  builder.default_graph_is_union();
  return builder;
}

namespace {

/// The query, its dataset clauses replaced by the request's protocol dataset
/// if it names one, checked against the endpoint's policy.
query::Query parsed(const std::string& text, const std::string& base, const IndexedDataset& dataset,
                    const ProtocolDataset& protocol_dataset) {
  query::Query query;
  try {
    query = query::parse_query(text, {base});
  } catch (const query::SyntaxError& error) {
    throw QueryRefused(400, error.what());
  }
  if (!protocol_dataset.empty()) {
    query.from = protocol_dataset.default_graphs;
    query.from_named = protocol_dataset.named_graphs;
  }
  if (uses_service(query.pattern)) {
    throw QueryRefused(400, "SERVICE is not allowed: this endpoint never opens a network "
                            "connection because a query asks it to");
  }
  check_dataset_clauses(query, dataset, !protocol_dataset.empty());
  return query;
}

engine::EvaluationOptions evaluation_options(const EngineLimits& limits, std::size_t row_limit) {
  engine::EvaluationOptions options;
  options.deadline = std::chrono::steady_clock::now() + limits.deadline;
  options.deadline_limit = limits.deadline;
  options.memory_budget_bytes = limits.memory_budget_bytes;
  options.row_limit = row_limit;
  options.optimize = limits.optimize;
  return options;
}

} // namespace

rdf::QueryResult EngineStore::query(const std::string& text, std::size_t row_limit,
                                    const ProtocolDataset& dataset) {
  const query::Query query = parsed(text, base_, *dataset_, dataset);
  try {
    return engine::evaluate(query, *dataset_, evaluation_options(limits_, row_limit));
  } catch (const engine::QueryTimeout& timeout) {
    throw QueryRefused(504, timeout.what());
  } catch (const engine::MemoryBudgetExceeded& budget) {
    throw QueryRefused(503, budget.what());
  }
}

std::string EngineStore::explain(const std::string& text, const ProtocolDataset& dataset) {
  const query::Query query = parsed(text, base_, *dataset_, dataset);
  return engine::explain(query, *dataset_, evaluation_options(limits_, 0));
}

} // namespace wa::store
