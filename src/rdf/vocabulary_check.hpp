// Checks that every class and property a graph uses is declared in an
// ontology (it is the subject of an rdf:type there).
#pragma once

#include "rdf/model.hpp"

#include <string>
#include <vector>

namespace wa::rdf {

/// The IRIs used in `data` as predicate or as class (object of rdf:type)
/// that `ontology` does not declare, sorted.
[[nodiscard]] std::vector<std::string> undeclared_terms(const Model& data, const Model& ontology);

} // namespace wa::rdf
