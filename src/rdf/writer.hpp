// Serialises a model through Serd: pretty, prefixed Turtle or N-Triples, in
// the model's sorted order, so the same graph always gives the same bytes.
#pragma once

#include "rdf/model.hpp"

#include <string>

namespace wa::rdf {

[[nodiscard]] std::string to_turtle(const Model& model);
[[nodiscard]] std::string to_ntriples(const Model& model);
/// N-Quads: every triple of `model` placed in `graph_iri`.
[[nodiscard]] std::string to_nquads(const Model& model, const std::string& graph_iri);

} // namespace wa::rdf
