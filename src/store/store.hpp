// The store interface: what the HTTP layer asks of a SPARQL engine: our own
// engine (engine_store) or Virtuoso (virtuoso_store), for data larger than memory.
#pragma once

#include "rdf/query_result.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace wa::store {

/// A query the endpoint will not run. `status` is the HTTP status to answer with.
class QueryRefused : public std::runtime_error {
public:
  QueryRefused(int status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  [[nodiscard]] int status() const { return status_; }

private:
  int status_;
};

/// The RDF dataset a request names with the SPARQL Protocol's
/// default-graph-uri and named-graph-uri parameters; when either is given it
/// replaces the query's FROM and FROM NAMED (SPARQL 1.1 Protocol, 2.1.4).
struct ProtocolDataset {
  std::vector<std::string> default_graphs;
  std::vector<std::string> named_graphs;
  [[nodiscard]] bool empty() const { return default_graphs.empty() && named_graphs.empty(); }
};

/// The refusal of a backend whose dataset is fixed by its configuration.
inline QueryRefused protocol_dataset_refused(const std::string& backend) {
  return QueryRefused(400, "default-graph-uri and named-graph-uri are not supported on the " +
                               backend +
                               " backend: its dataset is fixed; use GRAPH <...> in the query "
                               "to address one part (serve --store engine accepts them)");
}

class Store {
public:
  virtual ~Store() = default;

  /// Answers a query correctly or throws QueryRefused.
  /// At most `row_limit` rows or triples; QueryResult::truncated says if more existed.
  [[nodiscard]] virtual rdf::QueryResult query(const std::string& text, std::size_t row_limit,
                                               const ProtocolDataset& dataset) = 0;
  /// The same over the query's own dataset (its FROM clauses, or the store's).
  [[nodiscard]] rdf::QueryResult query(const std::string& text, std::size_t row_limit) {
    return query(text, row_limit, ProtocolDataset{});
  }

  /// The plan the query would run, as text (EXPLAIN); an engine that cannot
  /// show its plan throws QueryRefused (501).
  [[nodiscard]] virtual std::string explain(const std::string& text,
                                            const ProtocolDataset& dataset) {
    (void)text;
    (void)dataset;
    throw QueryRefused(501,
                       "EXPLAIN shows the plans of our own engine (serve --store engine) only");
  }
};

} // namespace wa::store
