// The dictionary of an indexed dataset: every distinct RDF term once, with a
// dense id from 1. Terms are made equal as RDF 1.1 says before they get an id:
// "x"^^xsd:string is the simple literal "x", and a language tag is kept in
// lower case, so equal terms always share one id.
#pragma once

#include "rdf/term.hpp"

#include <cstdint>
#include <optional>
#include <string>
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

/// Each term is held once, in `terms_`; the hash table holds only ids, so a
/// dataset of 10M triples and 1.5M terms pays for its terms once, not twice
/// (as a map from term to id would).
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
  /// The slot holding `term`'s id, or the empty slot where it would go.
  [[nodiscard]] std::size_t slot_of(const rdf::Term& term, std::uint32_t hash) const;
  void grow();

  std::vector<rdf::Term> terms_;
  std::vector<std::uint32_t> hashes_; ///< term_hash of each term, for probing and growing
  std::vector<TermId> slots_;         ///< open addressing, linear probing; no_term is empty
};

} // namespace wa::store
