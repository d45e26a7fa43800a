// Serialises a model through Serd: pretty, prefixed Turtle or N-Triples, in
// the model's sorted order, so the same graph always gives the same bytes.
#pragma once

#include "rdf/model.hpp"

#include <functional>
#include <string>
#include <string_view>
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
/// The same N-Quads, handed to `sink` piece by piece instead of gathered in
/// one string: for hashing a large dataset without holding its text.
void write_nquads(const Model& model, const std::string& graph_iri,
                  const std::function<void(std::string_view)>& sink);

} // namespace wa::rdf
