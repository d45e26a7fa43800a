// The description document of one resource: what a linked-data client gets
// when it follows the resource's IRI.
#pragma once

#include "rdf/model.hpp"

namespace wa::publish {

/// The resource's own triples; the triples of the parts that have no meaning
/// without it (its indicator, planned results and the evidence of its legal
/// references); for every other resource it mentions, that one's label and
/// type; and the incoming links (which items point at it), with the label and
/// type of each item that points.
[[nodiscard]] rdf::Model describe(const rdf::Model& data, const rdf::Term& resource);

} // namespace wa::publish
