// The terms one query sees: the dataset's dictionary, and the terms the query
// itself makes (constants not in the data, values computed by BIND, SELECT
// expressions and aggregates). A query-local term gets an id above the
// dictionary's, so a solution is always a row of ids and a term is decoded
// only where a value or the output needs it.
#pragma once

#include "store/dictionary.hpp"

#include <deque>
#include <optional>
#include <unordered_map>

namespace wa::engine {

using store::no_term;
using store::TermId;

class TermTable {
public:
  explicit TermTable(const store::Dictionary& dictionary) : dictionary_(dictionary) {}
  TermTable(const TermTable&) = delete;
  TermTable& operator=(const TermTable&) = delete;

  [[nodiscard]] const rdf::Term& term(TermId id) const {
    return id <= dictionary_.size() ? dictionary_.term(id) : local_[id - dictionary_.size() - 1];
  }
  /// The id of `term` (canonicalised), in the dataset or made for this query.
  TermId id_of(const rdf::Term& term);
  /// The id of `term` if the dataset has it (a pattern constant the data
  /// lacks matches nothing).
  [[nodiscard]] std::optional<TermId> dataset_id(const rdf::Term& term) const {
    return dictionary_.find(term);
  }
  [[nodiscard]] bool in_dataset(TermId id) const { return id <= dictionary_.size(); }
  [[nodiscard]] const store::Dictionary& dictionary() const { return dictionary_; }

private:
  struct Hash {
    std::size_t operator()(const rdf::Term& term) const { return store::term_hash(term); }
  };
  const store::Dictionary& dictionary_;
  std::deque<rdf::Term> local_; ///< a deque: term() references stay valid as it grows
  std::unordered_map<rdf::Term, TermId, Hash> local_ids_;
};

} // namespace wa::engine
