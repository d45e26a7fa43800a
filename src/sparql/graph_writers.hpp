// Writers for CONSTRUCT results: Turtle and N-Triples through Serd, RDF/XML
// and JSON-LD (expanded form) written here, since no Debian library writes
// JSON-LD and Serd writes no RDF/XML.
#pragma once

#include "rdf/term.hpp"

#include <string>
#include <vector>

namespace wa::sparql {

[[nodiscard]] std::string graph_to_turtle(const std::vector<rdf::Triple>& triples, bool truncated);
[[nodiscard]] std::string graph_to_ntriples(const std::vector<rdf::Triple>& triples,
                                            bool truncated);
/// Throws std::runtime_error for a predicate IRI that RDF/XML cannot write
/// (no valid XML local name at its end).
[[nodiscard]] std::string graph_to_rdfxml(const std::vector<rdf::Triple>& triples);
[[nodiscard]] std::string graph_to_jsonld(const std::vector<rdf::Triple>& triples);

} // namespace wa::sparql
