// Synthetic data shaped like the agenda, for benchmarks at scale: the real
// dataset with its agenda part repeated. Copy 0 is the agenda itself; copy c
// (c > 0) gives every item the agenda mints (programme lines, priorities,
// goals, indicators, actions, planned results, evidence, ...) a fresh IRI,
// "{iri}-c{c}", and links each copy's items only to items of the same copy.
// Organisations, acts and the ontology stay shared, as more agendas would
// name the same ministries and acts. Literals are copied unchanged, so a query
// that names an item answers as on the real data and every other query's
// answer scales with the number of copies.
#pragma once

#include "rdf/model.hpp"

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <set>
#include <string>

namespace wa::bench {

struct ScaleInput {
  std::string base;  ///< the dataset's base IRI, e.g. "https://w3id.org/werkagenda/"
  rdf::Model agenda; ///< the part that is repeated
  rdf::Model shared; ///< organisations, legislation, ontology: written once
};

/// Reads DIR/{agenda,organisations,legislation,ontology}.nt (`werkagenda build --out DIR`).
[[nodiscard]] ScaleInput read_scale_input(const std::filesystem::path& directory, std::string base);

/// The IRIs (and blank nodes, by label) that each copy renames: every subject
/// of the agenda part that the shared part does not describe.
[[nodiscard]] std::set<rdf::Term> copied_items(const ScaleInput& input);

/// The term as it appears in copy `copy` (unchanged for copy 0 and for
/// terms that are not copied items).
[[nodiscard]] rdf::Term in_copy(const rdf::Term& term, std::size_t copy,
                                const std::set<rdf::Term>& items);

/// How many copies bring the whole file nearest `target_triples` (at least 1).
[[nodiscard]] std::size_t copies_for(std::size_t target_triples, std::size_t agenda_triples,
                                     std::size_t shared_triples);

/// Writes the shared triples once and `copies` copies of the agenda as
/// N-Triples; returns the number of triples written (all distinct).
std::size_t write_scaled(const ScaleInput& input, std::size_t copies, std::ostream& out);

} // namespace wa::bench
