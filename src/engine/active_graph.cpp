#include "engine/active_graph.hpp"

#include <algorithm>
#include <array>
#include <set>

namespace wa::engine {

namespace {

store::QuadPattern pattern_in(TermId graph, TermId subject, TermId predicate, TermId object) {
  return {graph, subject, predicate, object};
}

} // namespace

void for_each_triple(const store::IndexedDataset& dataset, const ActiveGraph& graph, TermId subject,
                     TermId predicate, TermId object, Cancellation& cancellation,
                     const std::function<void(TermId, TermId, TermId)>& emit) {
  for_each_triple_until(dataset, graph, subject, predicate, object, cancellation,
                        [&](TermId s, TermId p, TermId o) {
                          emit(s, p, o);
                          return true;
                        });
}

void for_each_triple_until(const store::IndexedDataset& dataset, const ActiveGraph& graph,
                           TermId subject, TermId predicate, TermId object,
                           Cancellation& cancellation,
                           const std::function<bool(TermId, TermId, TermId)>& emit) {
  if (graph.graphs.size() == 1) {
    store::QuadRange range =
        dataset.quads().match(pattern_in(graph.graphs[0], subject, predicate, object));
    for (std::size_t i = 0; i < range.size(); ++i) {
      cancellation.check();
      const store::Quad quad = range[i];
      if (!emit(quad.subject, quad.predicate, quad.object)) return;
    }
    return;
  }
  // A merge: a triple in two graphs is one triple of the merge.
  std::set<std::array<TermId, 3>> seen;
  for (TermId stored : graph.graphs) {
    store::QuadRange range = dataset.quads().match(pattern_in(stored, subject, predicate, object));
    for (std::size_t i = 0; i < range.size(); ++i) {
      cancellation.check();
      const store::Quad quad = range[i];
      if (seen.insert({quad.subject, quad.predicate, quad.object}).second) {
        cancellation.charge(sizeof(std::array<TermId, 3>) + 32);
        if (!emit(quad.subject, quad.predicate, quad.object)) return;
      }
    }
  }
}

std::size_t count_triples(const store::IndexedDataset& dataset, const ActiveGraph& graph,
                          TermId subject, TermId predicate, TermId object) {
  std::size_t count = 0;
  for (TermId stored : graph.graphs)
    count += dataset.quads().count(pattern_in(stored, subject, predicate, object));
  return count;
}

bool is_node_of(const store::IndexedDataset& dataset, const ActiveGraph& graph, TermId term) {
  return std::any_of(graph.graphs.begin(), graph.graphs.end(), [&](TermId stored) {
    return dataset.quads().count(pattern_in(stored, term, no_term, no_term)) > 0 ||
           dataset.quads().count(pattern_in(stored, no_term, no_term, term)) > 0;
  });
}

} // namespace wa::engine
