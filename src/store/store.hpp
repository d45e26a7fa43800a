// The store interface: what the HTTP layer asks of a SPARQL engine. The
// embedded Redland store is one implementation; a Virtuoso store is planned.
#pragma once

#include "rdf/query_result.hpp"

#include <cstddef>
#include <string>

namespace wa::store {

class Store {
public:
  virtual ~Store() = default;

  /// Answers a query correctly or throws QueryRefused (query_guard.hpp).
  /// At most `row_limit` rows or triples; QueryResult::truncated says if more existed.
  [[nodiscard]] virtual rdf::QueryResult query(const std::string& text, std::size_t row_limit) = 0;
};

} // namespace wa::store
