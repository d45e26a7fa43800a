// The immutable quad index: every quad (graph, subject, predicate, object) as
// ids, sorted in three permutations that all lead with the graph (GSPO, GPOS,
// GOSP), so that any triple pattern within one graph is one contiguous range,
// found by binary search, and its exact size is known without reading it. A
// bound subject or object is first narrowed to its run by a run directory
// (store/run_directory.hpp), so the search covers the run, not the index.
#pragma once

#include "store/dictionary.hpp"
#include "store/run_directory.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace wa::store {

struct Quad {
  TermId graph = no_term; ///< no_term: the default graph
  TermId subject = no_term;
  TermId predicate = no_term;
  TermId object = no_term;
  auto operator<=>(const Quad&) const = default;
};

/// A triple pattern in one graph: no_term in subject, predicate or object
/// matches anything; the graph is always one graph (no_term: the default graph).
struct QuadPattern {
  TermId graph = no_term;
  TermId subject = no_term;
  TermId predicate = no_term;
  TermId object = no_term;
};

/// The quads matching a pattern: a run of one permutation, read back in
/// (graph, subject, predicate, object) order of fields.
class QuadRange {
public:
  enum class Order { gspo, gpos, gosp };
  using Key = std::array<TermId, 4>;

  QuadRange() = default;
  QuadRange(std::span<const Key> keys, Order order) : keys_(keys), order_(order) {}

  [[nodiscard]] std::size_t size() const { return keys_.size(); }
  [[nodiscard]] bool empty() const { return keys_.empty(); }
  [[nodiscard]] Quad operator[](std::size_t i) const;

private:
  std::span<const Key> keys_;
  Order order_ = Order::gspo;
};

class QuadIndex {
public:
  QuadIndex() = default;
  /// Sorts and deduplicates `quads` into the three permutations.
  explicit QuadIndex(std::vector<Quad> quads);

  /// Every quad matching `pattern`, from the permutation whose sorted prefix
  /// covers the most bound positions.
  [[nodiscard]] QuadRange match(const QuadPattern& pattern) const&;
  /// A range views the index's own arrays: none from an index about to die.
  QuadRange match(const QuadPattern& pattern) const&& = delete;
  /// Exactly how many quads match: O(log n).
  [[nodiscard]] std::size_t count(const QuadPattern& pattern) const {
    return match(pattern).size();
  }
  [[nodiscard]] std::size_t size() const { return gspo_.size(); }

private:
  std::vector<QuadRange::Key> gspo_;
  std::vector<QuadRange::Key> gpos_;
  std::vector<QuadRange::Key> gosp_;
  RunDirectory subjects_; ///< over gspo_
  RunDirectory objects_;  ///< over gosp_

  /// The keys of `keys` (a permutation) matching the first `length` fields
  /// of `prefix`, narrowed first to the run of prefix[1] where `directory`
  /// has it.
  [[nodiscard]] static std::span<const QuadRange::Key> find(const std::vector<QuadRange::Key>& keys,
                                                            const RunDirectory* directory,
                                                            const QuadRange::Key& prefix,
                                                            std::size_t length);
};

} // namespace wa::store
