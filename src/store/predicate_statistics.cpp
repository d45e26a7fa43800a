#include "store/predicate_statistics.hpp"

namespace wa::store {

PredicateStatistics::PredicateStatistics(const QuadIndex& quads,
                                         const std::vector<TermId>& graphs) {
  for (TermId graph : graphs)
    count_graph(quads, graph);
}

/// Two passes: the graph in subject order counts triples and distinct
/// (subject, predicate) pairs, each predicate in object order its distinct
/// objects. Each pair is adjacent in its order, so nothing is held but counts.
void PredicateStatistics::count_graph(const QuadIndex& quads, TermId graph) {
  const QuadRange all = quads.match({graph, no_term, no_term, no_term});
  Quad previous{};
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Quad quad = all[i];
    PredicateCounts& counts = counts_[key(graph, quad.predicate)];
    ++counts.triples;
    if (i == 0 || quad.subject != previous.subject || quad.predicate != previous.predicate)
      ++counts.subjects;
    previous = quad;
  }
  for (auto& [packed, counts] : counts_) {
    if (static_cast<TermId>(packed >> 32U) != graph) continue;
    const QuadRange by_object = quads.match({graph, no_term, static_cast<TermId>(packed), no_term});
    for (std::size_t i = 0; i < by_object.size(); ++i) {
      if (i == 0 || by_object[i].object != by_object[i - 1].object) ++counts.objects;
    }
  }
}

PredicateCounts PredicateStatistics::of(TermId graph, TermId predicate) const {
  auto found = counts_.find(key(graph, predicate));
  return found == counts_.end() ? PredicateCounts{} : found->second;
}

} // namespace wa::store
