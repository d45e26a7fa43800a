// Finds curated names (acronyms and alternative labels) of bodies and acts in
// the agenda's text. The names live in the curated Turtle, never in code.
#pragma once

#include "rdf/model.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace wa::agenda {

struct Alias {
  std::string phrase;
  rdf::Term target;
};

struct AliasMatch {
  std::size_t position = 0;
  std::size_t length = 0;
  const Alias* alias = nullptr;
};

class AliasIndex {
public:
  AliasIndex() = default;
  explicit AliasIndex(std::vector<Alias> aliases);

  /// The wa:acronym, skos:altLabel and Dutch skos:prefLabel values of every
  /// instance of `type` in `model`.
  /// Throws when one phrase names two different resources.
  static AliasIndex of_instances(const rdf::Model& model, const rdf::Term& type);

  /// Every occurrence of every alias on word boundaries, in text order;
  /// occurrences of different aliases may overlap.
  [[nodiscard]] std::vector<AliasMatch> all_matches(std::string_view text) const;

  /// Reading left to right, the longest alias at each position; matches do not overlap.
  [[nodiscard]] std::vector<AliasMatch> longest_matches(std::string_view text) const;

  [[nodiscard]] const std::vector<Alias>& aliases() const { return aliases_; }

private:
  std::vector<Alias> aliases_; ///< longest phrase first
};

} // namespace wa::agenda
