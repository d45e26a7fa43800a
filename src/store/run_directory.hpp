// Where each term's run starts in one permutation of the quad index, per
// graph: the run of a subject in GSPO or of an object in GOSP found with two
// array reads instead of a binary search over the whole permutation. At 10M
// quads such a search costs about a dozen cache misses (1.4 us), and a star
// join ("?part wa:isExample ?e ; wa:sourceLine ?line") makes one per row and
// pattern.
#pragma once

#include "store/dictionary.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace wa::store {

class RunDirectory {
public:
  using Key = std::array<TermId, 4>;

  RunDirectory() = default;
  /// For `keys`, sorted by (graph, term, ...): a directory of each graph
  /// large enough to gain from one and whose terms are dense enough that it
  /// costs at most 16 bytes per quad of the graph.
  explicit RunDirectory(std::span<const Key> keys);

  /// The run of `keys` (the same array) whose graph is `graph` and second
  /// field `term`; nullopt if that graph has no directory.
  [[nodiscard]] std::optional<std::span<const Key>> run(std::span<const Key> keys, TermId graph,
                                                        TermId term) const;

  /// The bytes the directories hold (about 4 per term id of each graph that
  /// has one: 12 MB for both directories at 10M triples).
  [[nodiscard]] std::size_t bytes() const;

private:
  struct GraphRuns {
    TermId graph = no_term;
    TermId first_term = no_term;
    /// starts[t - first_term]: where the run of term t begins; one more
    /// entry than terms, so that every run ends where the next begins.
    std::vector<std::uint32_t> starts;
  };
  std::vector<GraphRuns> graphs_; ///< sorted by graph

  void add_graph(std::span<const Key> keys, std::size_t begin, std::size_t end);
};

} // namespace wa::store
