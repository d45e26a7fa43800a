#include "store/run_directory.hpp"

#include <algorithm>
#include <limits>

namespace wa::store {

namespace {

/// Below this many quads a graph's runs are found fast enough by binary
/// search: its keys stay in cache.
constexpr std::size_t smallest_graph = 4096;
/// A directory holds 4 bytes per term id between the graph's lowest and
/// highest; at most this many ids per quad keeps it under 16 bytes a quad.
constexpr std::size_t most_ids_per_quad = 4;

} // namespace

RunDirectory::RunDirectory(std::span<const Key> keys) {
  if (keys.size() >= std::numeric_limits<std::uint32_t>::max()) return;
  std::size_t begin = 0;
  while (begin < keys.size()) {
    std::size_t end = begin;
    while (end < keys.size() && keys[end][0] == keys[begin][0])
      ++end;
    add_graph(keys, begin, end);
    begin = end;
  }
}

void RunDirectory::add_graph(std::span<const Key> keys, std::size_t begin, std::size_t end) {
  const TermId lowest = keys[begin][1];
  const TermId highest = keys[end - 1][1];
  const std::size_t ids = std::size_t{highest} - lowest + 1;
  if (end - begin < smallest_graph || ids > most_ids_per_quad * (end - begin)) return;
  GraphRuns runs{keys[begin][0], lowest, {}};
  runs.starts.reserve(ids + 1);
  std::size_t at = begin;
  for (std::size_t id = lowest; id <= std::size_t{highest} + 1; ++id) {
    while (at < end && keys[at][1] < id)
      ++at;
    runs.starts.push_back(static_cast<std::uint32_t>(at));
  }
  graphs_.push_back(std::move(runs));
}

std::optional<std::span<const RunDirectory::Key>>
RunDirectory::run(std::span<const Key> keys, TermId graph, TermId term) const {
  auto found = std::ranges::lower_bound(graphs_, graph, {}, &GraphRuns::graph);
  if (found == graphs_.end() || found->graph != graph) return std::nullopt;
  if (term < found->first_term || term - found->first_term + 1 >= found->starts.size())
    return std::span<const Key>{};
  const std::size_t index = term - found->first_term;
  const std::uint32_t first = found->starts[index];
  return keys.subspan(first, found->starts[index + 1] - first);
}

std::size_t RunDirectory::bytes() const {
  std::size_t total = graphs_.capacity() * sizeof(GraphRuns);
  for (const GraphRuns& runs : graphs_)
    total += runs.starts.capacity() * sizeof(std::uint32_t);
  return total;
}

} // namespace wa::store
