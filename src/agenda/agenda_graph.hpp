// Turns the agenda's structure into RDF, following ontology/MODEL.md.
#pragma once

#include "agenda/corrections.hpp"
#include "agenda/document.hpp"
#include "agenda/legislation_linker.hpp"
#include "rdf/model.hpp"

#include <string>
#include <vector>

namespace wa::agenda {

/// The agenda part of the dataset: every programme line, priority, challenge,
/// achieved result, goal, indicator, action, planned result and legal
/// reference, with provenance, the gaps of the source text, and the
/// `corrections` applied to it (each on the item whose text it mends; throws
/// if one mends none). `base` is the dataset's IRI base ("https://.../").
[[nodiscard]] rdf::Model agenda_graph(const Agenda& agenda, const LegislationLinker& linker,
                                      const std::vector<Correction>& corrections,
                                      const std::string& base);

} // namespace wa::agenda
