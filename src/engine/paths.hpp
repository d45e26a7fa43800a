// Property paths (sections 9 and 18.4): every pair of nodes a path connects
// in the active graph, with the spec's set semantics for *, + and ? (each
// pair once) and its zero-length rules.
#pragma once

#include "engine/active_graph.hpp"
#include "engine/term_table.hpp"
#include "query/algebra.hpp"

#include <functional>

namespace wa::engine {

/// One end of a path pattern as the evaluator knows it.
struct PathEnd {
  TermId term = no_term; ///< no_term: free (a variable not yet bound)
  /// The term is written in the query (a constant), not bound from a
  /// solution: a zero-length path matches a constant even when the graph
  /// lacks it, but a term bound from outside only if it is a node of the graph.
  bool constant = false;
};

/// Calls `emit(subject, object)` once for each distinct pair (s, o) with
/// s matching `subject`, o matching `object`, and `path` connecting them in
/// `graph`. When `same_variable` both ends are one variable: only pairs s == o.
void evaluate_path(const store::IndexedDataset& dataset, TermTable& terms, const ActiveGraph& graph,
                   PathEnd subject, const query::Path& path, PathEnd object, bool same_variable,
                   Cancellation& cancellation, const std::function<void(TermId, TermId)>& emit);

} // namespace wa::engine
