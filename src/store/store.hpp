// The store interface: what the HTTP layer asks of a SPARQL engine: our own
// engine (engine_store), the embedded Redland store, or Virtuoso.
#pragma once

#include "rdf/query_result.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>

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

class Store {
public:
  virtual ~Store() = default;

  /// Answers a query correctly or throws QueryRefused.
  /// At most `row_limit` rows or triples; QueryResult::truncated says if more existed.
  [[nodiscard]] virtual rdf::QueryResult query(const std::string& text, std::size_t row_limit) = 0;

  /// The plan the query would run, as text (EXPLAIN); an engine that cannot
  /// show its plan throws QueryRefused (501).
  [[nodiscard]] virtual std::string explain(const std::string& text) {
    (void)text;
    throw QueryRefused(501,
                       "EXPLAIN shows the plans of our own engine (serve --store engine) only");
  }
};

} // namespace wa::store
