// Exact statistics of each predicate in each graph, counted once when the
// dataset is built: how many triples, how many distinct subjects and
// objects. The planner divides by them to estimate how many triples match a
// pattern whose subject or object is bound only at run time (?s p ?o with
// ?s known: about triples / subjects), where a range count cannot be taken
// in advance.
#pragma once

#include "store/quad_index.hpp"

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace wa::store {

struct PredicateCounts {
  std::size_t triples = 0;
  std::size_t subjects = 0; ///< distinct subjects
  std::size_t objects = 0;  ///< distinct objects
};

class PredicateStatistics {
public:
  PredicateStatistics() = default;
  /// Counts every predicate of each of `graphs` (no_term: the default graph).
  PredicateStatistics(const QuadIndex& quads, const std::vector<TermId>& graphs);

  /// The counts of `predicate` in `graph`; all zero when it has no triple there.
  [[nodiscard]] PredicateCounts of(TermId graph, TermId predicate) const;

private:
  static std::uint64_t key(TermId graph, TermId predicate) {
    return (std::uint64_t{graph} << 32U) | predicate;
  }
  void count_graph(const QuadIndex& quads, TermId graph);
  std::unordered_map<std::uint64_t, PredicateCounts> counts_;
};

} // namespace wa::store
