// What `build` and `serve` make the DCAT-AP catalogue from, beside the dumps:
// the curated part and the earlier releases that --releases DIR keeps.
#pragma once

#include "agenda/dataset.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "publish/release.hpp"
#include "rdf/model.hpp"

#include <vector>

namespace wa::cli {

/// data/curated/catalogue.ttl under the project folder, read with the base.
[[nodiscard]] rdf::Model curated_catalogue(const Common& common);

/// The releases before the current one (the curated catalogue's dcat:version)
/// in the folder --releases names, earliest first; none without the option.
/// Folders of the current or a later release are passed over, and said so on
/// stderr. Throws std::runtime_error naming the path on a bad folder.
[[nodiscard]] std::vector<publish::Release>
earlier_releases(const Options& options, const agenda::Dataset& dataset, const rdf::Model& curated);

} // namespace wa::cli
