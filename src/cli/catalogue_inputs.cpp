#include "cli/catalogue_inputs.hpp"

#include "publish/release_folders.hpp"
#include "rdf/turtle_reader.hpp"

#include <iostream>

namespace wa::cli {

rdf::Model curated_catalogue(const Common& common) {
  rdf::Model curated;
  rdf::read_file(curated, common.root / "data/curated/catalogue.ttl", common.base);
  return curated;
}

std::vector<publish::Release> earlier_releases(const Options& options,
                                               const agenda::Dataset& dataset,
                                               const rdf::Model& curated) {
  const std::optional<std::string> directory = options.value("--releases");
  if (!directory) return {};
  const std::string current = publish::release_of(curated, dataset.base).version;
  publish::EarlierReleases found = publish::read_earlier_releases(*directory, dataset, current);
  for (const std::filesystem::path& folder : found.passed_over) {
    std::cerr << "werkagenda: --releases: " << folder.string()
              << " is not earlier than the current " << current << ": not read\n";
  }
  return std::move(found.releases);
}

} // namespace wa::cli
