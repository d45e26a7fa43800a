// Evaluating a parsed query over an indexed dataset: the algebra is planned
// (join order from exact counts unless the optimizer is off), then run as a
// tree of operators over rows of term ids. The store is immutable, so any
// number of evaluations run at the same time.
#pragma once

#include "query/algebra.hpp"
#include "rdf/query_result.hpp"
#include "store/indexed_dataset.hpp"

#include <chrono>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>

namespace wa::engine {

struct EvaluationOptions {
  /// Checked in every loop: past it, evaluation stops with QueryTimeout.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  /// The limit as the endpoint states it, for the message.
  std::chrono::milliseconds deadline_limit{0};
  /// What the operators that hold rows (hash tables, sorts, groups, distinct
  /// sets, path closures) may hold together; past it, MemoryBudgetExceeded.
  std::size_t memory_budget_bytes = std::numeric_limits<std::size_t>::max();
  /// At most this many result rows or triples; QueryResult::truncated if more existed.
  std::size_t row_limit = std::numeric_limits<std::size_t>::max();
  /// Off: the algebra is evaluated as written (joins in textual order, no
  /// rewrites), as the W3C harness checks every test both ways.
  bool optimize = true;
};

class QueryTimeout : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

class MemoryBudgetExceeded : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Answers `query` over `dataset`. FROM / FROM NAMED select graphs of the
/// dataset by IRI (a graph the dataset lacks is empty); without them the
/// dataset's own default graph and named graphs are used.
[[nodiscard]] rdf::QueryResult evaluate(const query::Query& query,
                                        const store::IndexedDataset& dataset,
                                        const EvaluationOptions& options);

/// The plan evaluate() would run, one operator a line, indented by depth,
/// each with its estimated (exact for scans) number of rows.
[[nodiscard]] std::string explain(const query::Query& query, const store::IndexedDataset& dataset,
                                  const EvaluationOptions& options);

} // namespace wa::engine
