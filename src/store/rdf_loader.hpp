// Reading RDF files into a DatasetBuilder: Turtle, N-Triples, N-Quads and
// TriG through Serd (page by page, so large files are never held whole), and
// the syntaxes Serd lacks (RDF/XML above all) through Redland's raptor.
#pragma once

#include "store/indexed_dataset.hpp"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace wa::store {

class LoadError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

enum class RdfSyntax { turtle, ntriples, nquads, trig, rdfxml };

/// The syntax a file's extension names (.ttl .nt .nq .trig .rdf .owl .xml);
/// throws LoadError for another.
[[nodiscard]] RdfSyntax syntax_of(const std::filesystem::path& file);

struct LoadTarget {
  std::string graph_iri; ///< empty: triples go to the default graph (quads keep their graph)
  std::string base_iri;  ///< relative IRIs; empty: the file's own file:// URL
};

/// Adds every triple or quad of `file` to `builder`; returns how many were read.
/// Throws LoadError naming file:line:column on bad input.
std::size_t load_file(DatasetBuilder& builder, const std::filesystem::path& file,
                      const LoadTarget& target = {});

} // namespace wa::store
