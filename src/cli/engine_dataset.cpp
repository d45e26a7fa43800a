#include "cli/engine_dataset.hpp"

#include "store/engine_store.hpp"
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

void load_named_files(store::DatasetBuilder& builder, const Options& options) {
  for (const auto& [graph, file] : named_files(options))
    store::load_file(builder, std::filesystem::absolute(file), {graph, ""});
}

} // namespace

bool loaded_files_alone(const Options& options) {
  if (!options.flag("--no-agenda")) return false;
  if (!options.value("--load")) throw UsageError("--no-agenda needs --load FILE");
  return true;
}

std::shared_ptr<const store::IndexedDataset> agenda_with_loaded_files(const agenda::Dataset& agenda,
                                                                      const Options& options) {
  store::DatasetBuilder builder = store::EngineStore::builder_of(agenda);
  if (auto file = options.value("--load")) {
    const std::string graph = options.value_or("--load-graph", agenda.graph_iri("loaded"));
    store::load_file(builder, std::filesystem::absolute(*file),
                     {graph, options.value_or("--load-base", "")});
  }
  load_named_files(builder, options);
  return std::make_shared<store::IndexedDataset>(std::move(builder).build());
}

std::shared_ptr<const store::IndexedDataset> loaded_files_only(const Options& options) {
  store::DatasetBuilder builder;
  store::load_file(builder, std::filesystem::absolute(*options.value("--load")),
                   {"", options.value_or("--load-base", "")});
  load_named_files(builder, options);
  return std::make_shared<store::IndexedDataset>(std::move(builder).build());
}

agenda::Dataset as_single_part(const store::IndexedDataset& loaded, const std::string& base) {
  rdf::Model model;
  const store::QuadRange triples =
      loaded.quads().match({store::no_term, store::no_term, store::no_term, store::no_term});
  const store::Dictionary& terms = loaded.dictionary();
  for (std::size_t i = 0; i < triples.size(); ++i) {
    const store::Quad quad = triples[i];
    model.add(terms.term(quad.subject), terms.term(quad.predicate), terms.term(quad.object));
  }
  agenda::Dataset dataset;
  dataset.base = base;
  dataset.parts.push_back({"data", std::move(model)});
  return dataset;
}

} // namespace wa::cli
