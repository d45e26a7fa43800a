// Serialises a model through Serd: pretty, prefixed Turtle or N-Triples, in
// the model's sorted order, so the same graph always gives the same bytes.
#pragma once

#include "rdf/model.hpp"

#include <string>
#include <utility>
#include <vector>

namespace wa::rdf {

[[nodiscard]] std::string to_turtle(const Model& model);
/// Turtle with further prefixes declared after the standard ones.
[[nodiscard]] std::string
to_turtle(const Model& model,
          const std::vector<std::pair<std::string, std::string>>& extra_prefixes);
[[nodiscard]] std::string to_ntriples(const Model& model);
/// N-Quads: every triple of `model` placed in `graph_iri`.
[[nodiscard]] std::string to_nquads(const Model& model, const std::string& graph_iri);

} // namespace wa::rdf
