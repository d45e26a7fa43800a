// The dictionary of an indexed dataset: every distinct RDF term once, with a
// dense id from 1. Terms are made equal as RDF 1.1 says before they get an id:
// "x"^^xsd:string is the simple literal "x", and a language tag is kept in
// lower case, so equal terms always share one id.
#pragma once

#include "rdf/term.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace wa::store {

/// 0 is never a term: in a pattern it means "any", in a quad's graph
/// position it means the default graph.
using TermId = std::uint32_t;
constexpr TermId no_term = 0;

/// The RDF 1.1 canonical form of a term as written (xsd:string dropped,
/// language tag lower-cased); other terms unchanged.
[[nodiscard]] rdf::Term canonical_term(rdf::Term term);

/// A hash of a term's kind and every field, for hash maps of terms.
[[nodiscard]] std::size_t term_hash(const rdf::Term& term);

class Dictionary {
public:
  /// The id of `term` (canonicalised), adding it if new.
  TermId intern(const rdf::Term& term);
  /// The id of `term` (canonicalised), if the dataset has it.
  [[nodiscard]] std::optional<TermId> find(const rdf::Term& term) const;
  /// The term of an id in 1..size().
  [[nodiscard]] const rdf::Term& term(TermId id) const { return terms_[id - 1]; }
  [[nodiscard]] std::size_t size() const { return terms_.size(); }

private:
  struct TermHash {
    std::size_t operator()(const rdf::Term& term) const { return term_hash(term); }
  };
  std::vector<rdf::Term> terms_;
  std::unordered_map<rdf::Term, TermId, TermHash> ids_;
};

} // namespace wa::store
