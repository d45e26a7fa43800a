// The DCAT-AP 3.0.1 / DCAT-AP-NL 3.0 catalogue of the dataset: the curated
// part (data/curated/catalogue.ttl: catalogue, dataset, SPARQL service,
// publisher, contact point, themes, licence, ...) plus what the build knows:
// one distribution per whole-dataset dump with its size and SHA-256 checksum,
// identifiers, and the modification date.
//
// The catalogue is not part of the dumps it describes (its checksums would
// depend on themselves) and not part of the dataset that `validate` checks.
#pragma once

#include "publish/dumps.hpp"
#include "rdf/model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace wa::publish {

/// `curated` is data/curated/catalogue.ttl read with `base`.
[[nodiscard]] rdf::Model catalogue(const rdf::Model& curated, const std::string& base,
                                   const std::vector<DumpFile>& dumps);

/// Reads the curated part and completes it.
[[nodiscard]] rdf::Model catalogue_from(const std::filesystem::path& curated_file,
                                        const std::string& base,
                                        const std::vector<DumpFile>& dumps);

} // namespace wa::publish
