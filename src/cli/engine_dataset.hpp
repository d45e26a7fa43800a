// What our engine holds for a command (serve, query).
// - By default the agenda's graphs (each part a named graph, the default
//   graph their union) and, beside them, the files a researcher loads:
//   --load FILE as the named graph --load-graph IRI (default {base}graph/loaded)
//   and --load-named "IRI=FILE ..." each as the graph it names. Loaded graphs
//   join the union, so a query can join the agenda with, say, EuroVoc or
//   Cellar data read from RDF/XML.
// - With --no-agenda the loaded files alone: --load FILE is the default graph
//   (relative IRIs against --load-base) and --load-named the named graphs, as
//   the W3C suites and the scale benchmarks need.
// Every syntax of store/rdf_loader.hpp is read: Turtle, N-Triples, N-Quads,
// TriG, RDF/XML.
#pragma once

#include "agenda/dataset.hpp"
#include "cli/options.hpp"
#include "http/server.hpp"
#include "store/indexed_dataset.hpp"

#include <memory>

namespace wa::cli {

/// Whether the command serves the loaded files alone (--no-agenda).
[[nodiscard]] bool loaded_files_alone(const Options& options);

/// The agenda's graphs and every loaded file beside them.
[[nodiscard]] std::shared_ptr<const store::IndexedDataset>
agenda_with_loaded_files(const agenda::Dataset& agenda, const Options& options);

/// --no-agenda: the loaded files alone.
[[nodiscard]] std::shared_ptr<const store::IndexedDataset>
loaded_files_only(const Options& options);

/// The default graph of `loaded` as a dataset of one part, "data": what the
/// HTTP layer describes (VoID, dumps, pages) when Virtuoso serves files alone.
[[nodiscard]] agenda::Dataset as_single_part(const store::IndexedDataset& loaded,
                                             const std::string& base);

/// What the engine answers from, as the HTTP layer reports it: its graphs
/// (the service description) and a SHA-256 of every term and quad (the ETag).
[[nodiscard]] http::StoreContent store_content_of(const store::IndexedDataset& held,
                                                  bool default_is_union);

} // namespace wa::cli
