// The graph a pattern is matched against (section 13.3): the query's default
// graph (the dataset's own, or the merge of the FROM graphs) or one named
// graph (GRAPH). A merge of several graphs is a set: a triple in two of them
// is matched once.
#pragma once

#include "engine/cancellation.hpp"
#include "store/indexed_dataset.hpp"

#include <functional>
#include <vector>

namespace wa::engine {

using store::no_term;
using store::TermId;

struct ActiveGraph {
  /// The stored graphs it merges: no_term is the dataset's default graph.
  /// Empty: the empty graph.
  std::vector<TermId> graphs;
};

/// Calls `emit(subject, predicate, object)` once for each distinct triple of
/// `graph` matching the pattern (no_term: any). Checks `cancellation` as it goes.
void for_each_triple(const store::IndexedDataset& dataset, const ActiveGraph& graph, TermId subject,
                     TermId predicate, TermId object, Cancellation& cancellation,
                     const std::function<void(TermId, TermId, TermId)>& emit);
/// The same, stopping as soon as `emit` returns false.
void for_each_triple_until(const store::IndexedDataset& dataset, const ActiveGraph& graph,
                           TermId subject, TermId predicate, TermId object,
                           Cancellation& cancellation,
                           const std::function<bool(TermId, TermId, TermId)>& emit);

/// Exactly how many triples match (a merge of several graphs may count a
/// shared triple more than once: an upper bound there).
[[nodiscard]] std::size_t count_triples(const store::IndexedDataset& dataset,
                                        const ActiveGraph& graph, TermId subject, TermId predicate,
                                        TermId object);

/// Whether `term` is a subject or object of some triple of `graph` (the
/// nodes a zero-length path can start from).
[[nodiscard]] bool is_node_of(const store::IndexedDataset& dataset, const ActiveGraph& graph,
                              TermId term);

} // namespace wa::engine
