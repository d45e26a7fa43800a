// RAII wrappers for Redland librdf: the embedded triple store. Every librdf
// handle of the project is owned here; the rest of the code speaks rdf::Term.
#pragma once

#include "rdf/handles.hpp"
#include "rdf/query_result.hpp"
#include "rdf/term.hpp"

#include <redland.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace wa::rdf::redland {

using WorldHandle = CHandle<librdf_world, librdf_free_world>;
using StorageHandle = CHandle<librdf_storage, librdf_free_storage>;
using ModelHandle = CHandle<librdf_model, librdf_free_model>;
using NodeHandle = CHandle<librdf_node, librdf_free_node>;
using UriHandle = CHandle<librdf_uri, librdf_free_uri>;
using StatementHandle = CHandle<librdf_statement, librdf_free_statement>;
using QueryHandle = CHandle<librdf_query, librdf_free_query>;
using ResultsHandle = CHandle<librdf_query_results, librdf_free_query_results>;
using StreamHandle = CHandle<librdf_stream, librdf_free_stream>;

/// An in-memory Redland model ("hashes" storage, contexts on): each context is
/// a named graph; a pattern without GRAPH matches every context (the union).
/// Not thread-safe: one Store per process.
class Store {
public:
  Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;
  ~Store();

  void add(const Triple& triple, const std::string& graph_iri);
  [[nodiscard]] int size() const;

  /// Runs a SPARQL query; reads at most `row_limit` rows or triples.
  /// Returns nullopt when librdf cannot run it.
  [[nodiscard]] std::optional<QueryResult> run(const std::string& query,
                                               const std::string& base_iri, std::size_t row_limit);

private:
  WorldHandle world_;
  StorageHandle storage_;
  ModelHandle model_;

  NodeHandle node(const Term& term) const;
};

} // namespace wa::rdf::redland
