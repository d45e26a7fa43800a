// Slice (SPARQL 1.1 §18.5, OFFSET and LIMIT): the solutions from the offset on, at most the
// limit of them.
#include "engine/query_run.hpp"

#include <algorithm>
#include <iterator>
#include <limits>

namespace wa::engine {

using query::PatternNode;

namespace {

/// The ORDER BY a slice takes its solutions from, through projections (which
/// keep every solution); null when something else (DISTINCT, a join) is between.
const PatternNode* ordered_below(const PatternNode& slice) {
  const PatternNode* below = slice.children[0].get();
  while (below->kind == PatternNode::Kind::project)
    below = below->children[0].get();
  return below->kind == PatternNode::Kind::order_by ? below : nullptr;
}

} // namespace

Rows QueryRun::evaluate_slice(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  const PatternNode* order = ordered_below(node);
  if (order != nullptr && node.limit != std::numeric_limits<std::size_t>::max()) {
    top_k_node_ = order;
    top_k_ =
        node.offset + std::min(node.limit, std::numeric_limits<std::size_t>::max() - node.offset);
  }
  Rows rows = evaluate(node.children[0], input, graph);
  top_k_node_ = nullptr;
  if (node.offset >= rows.size()) return Rows(input.size());
  const std::size_t end =
      node.limit >= rows.size() - node.offset ? rows.size() : node.offset + node.limit;
  return rows.between(node.offset, end);
}

} // namespace wa::engine
