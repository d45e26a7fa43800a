// The whole dataset, in its parts: the agenda (imported from the source text
// plus its curated metadata and English translations), the organisations,
// the legislation and the ontology. Each part becomes a named graph and a dump.
#pragma once

#include "agenda/document.hpp"
#include "rdf/model.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace wa::agenda {

/// Where the inputs live, relative to the project's root by default.
struct DatasetInputs {
  std::filesystem::path source_text;
  std::filesystem::path note_ends;
  std::filesystem::path corrections;
  std::filesystem::path curated_dir;
  std::filesystem::path ontology;

  static DatasetInputs under(const std::filesystem::path& root);
};

struct DatasetPart {
  std::string name; ///< "agenda", "organisations", "legislation", "ontology"
  rdf::Model model;
};

struct Dataset {
  std::string base;
  std::vector<DatasetPart> parts;
  std::vector<Diagnostic> diagnostics;

  [[nodiscard]] const rdf::Model& part(std::string_view name) const;
  [[nodiscard]] bool has_part(std::string_view name) const;
  /// The union of the parts (the part itself when there is one), made on
  /// first use and kept: the pages, the VoID and the dumps read it. Safe from
  /// several threads; the parts must not change once it is made.
  [[nodiscard]] const rdf::Model& all() const;
  /// Each triple of the parts' union once, without building the union: a
  /// dataset loaded from one large file is not copied to be counted or scanned.
  void for_each_distinct_triple(const std::function<void(const rdf::Triple&)>& visit) const;
  [[nodiscard]] std::size_t triple_count() const;
  [[nodiscard]] std::string graph_iri(std::string_view part_name) const;

private:
  struct Union {
    std::once_flag made;
    rdf::Model model;
  };
  /// Shared, so that the dataset stays movable.
  std::shared_ptr<Union> union_ = std::make_shared<Union>();
};

/// Reads every input; throws on unreadable input (syntax errors name file and line).
[[nodiscard]] Dataset build_dataset(const DatasetInputs& inputs, const std::string& base);

} // namespace wa::agenda
