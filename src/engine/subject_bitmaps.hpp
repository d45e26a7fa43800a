// Membership checks of a pattern with a constant predicate and object and a
// bound subject ("?action a wa:Action" once ?action has a value), asked once
// per row: after enough asks of the same pair, its subjects become a bitmap
// over term ids, and each further check is one bit instead of an index
// lookup (two cache misses at 10M triples). The bitmap of a dataset of 1.5M
// terms is 190 KB, so it stays in cache while a join runs.
#pragma once

#include "engine/cancellation.hpp"
#include "store/indexed_dataset.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

namespace wa::engine {

using store::TermId;

class SubjectBitmaps {
public:
  /// Whether `graph` holds (subject, predicate, object).
  bool contains(const store::IndexedDataset& dataset, Cancellation& cancellation, TermId graph,
                TermId subject, TermId predicate, TermId object);

  /// A join is about to ask for (graph, predicate, object) `asks` times:
  /// the bitmap is built now if that many asks would earn it, rather than
  /// after thousands of index lookups.
  void expect(const store::IndexedDataset& dataset, Cancellation& cancellation, TermId graph,
              TermId predicate, TermId object, std::size_t asks);

  /// Whether the pair's checks are answered from a bitmap by now.
  [[nodiscard]] bool has_bitmap(TermId graph, TermId predicate, TermId object) const;

private:
  struct Pair {
    std::size_t asked = 0;
    std::vector<std::uint64_t> bits; ///< bit t: term t is a subject; empty until built
  };
  std::map<std::tuple<TermId, TermId, TermId>, Pair> pairs_; ///< by graph, predicate, object

  /// Builds the bitmap if `asks` (so far or expected) earn it.
  static void consider(const store::IndexedDataset& dataset, Cancellation& cancellation,
                       TermId graph, TermId predicate, TermId object, std::size_t asks, Pair& pair);
  static void build(const store::IndexedDataset& dataset, Cancellation& cancellation, TermId graph,
                    TermId predicate, TermId object, Pair& pair);
};

} // namespace wa::engine
