// The VoID description of the dataset (served at /.well-known/void): size,
// classes and properties used, the SPARQL endpoint, the dumps, the
// vocabularies, and the linksets to ELI/Cellar and TOOI.
#pragma once

#include "agenda/dataset.hpp"
#include "publish/dumps.hpp"
#include "rdf/model.hpp"

#include <vector>

namespace wa::publish {

[[nodiscard]] rdf::Model void_description(const agenda::Dataset& dataset,
                                          const std::vector<DumpFile>& dumps);

} // namespace wa::publish
