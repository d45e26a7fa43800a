// The store of our own SPARQL 1.1 engine: the dataset as an immutable,
// dictionary-encoded index (src/store), queries parsed (src/query) and
// evaluated (src/engine) under the endpoint's deadline and memory budget.
// Read-only and closed: SERVICE is refused, and FROM / FROM NAMED may only
// name the dataset's own graphs, so no query reads a file or the network.
#pragma once

#include "agenda/dataset.hpp"
#include "store/indexed_dataset.hpp"
#include "store/store.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace wa::store {

struct EngineLimits {
  std::chrono::milliseconds deadline{10000};
  std::size_t memory_budget_bytes = std::size_t{1} << 30U;
  bool optimize = true; ///< off: the algebra as written (the W3C harness runs both)
};

class EngineStore : public Store {
public:
  EngineStore(std::shared_ptr<const IndexedDataset> dataset, std::string base_iri,
              EngineLimits limits);

  /// The agenda's dataset as the engine holds it: each part a named graph,
  /// the default graph their union.
  [[nodiscard]] static IndexedDataset index_of(const agenda::Dataset& dataset);
  /// The same, still open for more graphs (files loaded beside the agenda).
  [[nodiscard]] static DatasetBuilder builder_of(const agenda::Dataset& dataset);

  using Store::query;
  [[nodiscard]] rdf::QueryResult query(const std::string& text, std::size_t row_limit,
                                       const ProtocolDataset& dataset) override;
  /// The plan the query would run (EXPLAIN); refuses what query() refuses.
  [[nodiscard]] std::string explain(const std::string& text,
                                    const ProtocolDataset& dataset) override;

private:
  std::shared_ptr<const IndexedDataset> dataset_;
  std::string base_;
  EngineLimits limits_;
};

} // namespace wa::store
