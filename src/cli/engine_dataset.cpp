#include "cli/engine_dataset.hpp"

#include "publish/checksum.hpp"
#include "store/engine_store.hpp"
#include "store/rdf_loader.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
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

/// A line on stderr after each million triples read and when the index is
/// built, so that a load of 10M triples does not look like a hang.
class LoadProgress {
public:
  explicit LoadProgress(store::DatasetBuilder& builder) {
    builder.report_progress(
        [this](std::size_t quads) {
          std::cerr << "werkagenda: " << quads / 1000000 << "M triples read in " << seconds()
                    << " s" << std::endl;
        },
        1000000);
  }
  /// Builds the index, saying so when the load was large enough to have reported.
  std::shared_ptr<const store::IndexedDataset> build(store::DatasetBuilder&& builder) {
    auto dataset = std::make_shared<store::IndexedDataset>(std::move(builder).build());
    if (seconds() >= 1.0) {
      std::cerr << "werkagenda: " << dataset->quads().size() << " quads indexed in " << seconds()
                << " s" << std::endl;
    }
    return dataset;
  }

private:
  [[nodiscard]] double seconds() const {
    const auto elapsed = std::chrono::steady_clock::now() - started_;
    return std::round(std::chrono::duration<double>(elapsed).count() * 10) / 10;
  }
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

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
  LoadProgress progress(builder);
  if (auto file = options.value("--load")) {
    const std::string graph = options.value_or("--load-graph", agenda.graph_iri("loaded"));
    store::load_file(builder, std::filesystem::absolute(*file),
                     {graph, options.value_or("--load-base", "")});
  }
  load_named_files(builder, options);
  return progress.build(std::move(builder));
}

std::shared_ptr<const store::IndexedDataset> loaded_files_only(const Options& options) {
  store::DatasetBuilder builder;
  LoadProgress progress(builder);
  store::load_file(builder, std::filesystem::absolute(*options.value("--load")),
                   {"", options.value_or("--load-base", "")});
  load_named_files(builder, options);
  return progress.build(std::move(builder));
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

namespace {

/// Feeds the hasher in pieces of 64 KB: one call per term would cost more
/// than the hashing itself, and a buffer that grew to 1 MB cost more in
/// copies and page faults (5 ms of the agenda's start) than the hashing.
class BufferedHasher {
public:
  BufferedHasher() { buffer_.reserve(piece + 4096); }
  void add(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= piece) flush();
  }
  void add_raw(const void* bytes, std::size_t size) {
    add(std::string_view(static_cast<const char*>(bytes), size));
  }
  std::string hex() {
    flush();
    return hasher_.hex();
  }

private:
  void flush() {
    hasher_.update(buffer_);
    buffer_.clear();
  }
  static constexpr std::size_t piece = 64U << 10U;
  publish::Sha256 hasher_;
  std::string buffer_;
};

void hash_terms(BufferedHasher& hasher, const store::Dictionary& terms) {
  for (store::TermId id = 1; id <= terms.size(); ++id) {
    const rdf::Term& term = terms.term(id);
    const char kind = static_cast<char>('0' + static_cast<int>(term.kind));
    hasher.add({&kind, 1});
    for (const std::string* field : {&term.value, &term.datatype, &term.language}) {
      hasher.add(*field);
      hasher.add({"", 1}); // a NUL never occurs in a term, so fields cannot run together
    }
  }
}

void hash_graph(BufferedHasher& hasher, const store::QuadIndex& quads, store::TermId graph) {
  const store::QuadRange range =
      quads.match({graph, store::no_term, store::no_term, store::no_term});
  for (std::size_t i = 0; i < range.size(); ++i) {
    const store::Quad quad = range[i];
    hasher.add_raw(&quad, sizeof quad);
  }
}

} // namespace

http::StoreContent store_content_of(const store::IndexedDataset& held, bool default_is_union) {
  http::StoreContent content;
  const store::QuadIndex& quads = held.quads();
  BufferedHasher hasher;
  hash_terms(hasher, held.dictionary());
  hash_graph(hasher, quads, store::no_term);
  content.graphs.default_triples = quads.count({});
  content.graphs.default_is_union = default_is_union;
  for (store::TermId graph : held.named_graphs()) {
    hash_graph(hasher, quads, graph);
    content.graphs.named.push_back(
        {held.dictionary().term(graph).value,
         quads.count({graph, store::no_term, store::no_term, store::no_term})});
  }
  content.hash = hasher.hex();
  return content;
}

} // namespace wa::cli
