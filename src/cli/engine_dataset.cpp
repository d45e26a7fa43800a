#include "cli/engine_dataset.hpp"

#include "store/rdf_loader.hpp"

#include <filesystem>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace wa::cli {

namespace {

/// "IRI=FILE IRI=FILE ..." of --load-named.
std::vector<std::pair<std::string, std::string>> named_files(const Options& options) {
  std::vector<std::pair<std::string, std::string>> named;
  std::istringstream items(options.value_or("--load-named", ""));
  for (std::string item; items >> item;) {
    const auto equals = item.find('=');
    if (equals == std::string::npos) throw UsageError("--load-named takes IRI=FILE items");
    named.emplace_back(item.substr(0, equals), item.substr(equals + 1));
  }
  return named;
}

} // namespace

std::shared_ptr<const store::IndexedDataset> loaded_engine_dataset(const Options& options) {
  auto file = options.value("--load");
  if (!file) return nullptr;
  store::DatasetBuilder builder;
  store::load_file(builder, std::filesystem::absolute(*file),
                   {"", options.value_or("--load-base", "")});
  for (const auto& [graph, named] : named_files(options))
    store::load_file(builder, std::filesystem::absolute(named), {graph, ""});
  return std::make_shared<store::IndexedDataset>(std::move(builder).build());
}

} // namespace wa::cli
