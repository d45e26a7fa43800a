// Slice (SPARQL 1.1 §18.5, OFFSET and LIMIT): the solutions from the offset on, at most the
// limit of them. Over ORDER BY only the kept solutions are sorted (top-k); over a BGP
// (with its pushed-down filters) the BGP stops once it has them.
#include "engine/query_run.hpp"

#include <algorithm>
#include <iterator>
#include <limits>
#include <utility>

namespace wa::engine {

using query::PatternNode;

namespace {

/// The node a slice takes its solutions from, through projections (which
/// keep every solution).
const PatternNode* source_of(const PatternNode& slice) {
  const PatternNode* below = slice.children[0].get();
  while (below->kind == PatternNode::Kind::project)
    below = below->children[0].get();
  return below;
}

} // namespace

bool QueryRun::bgp_stops_at_limit(const PatternNode& slice) const {
  const PatternNode* source = source_of(slice);
  return slice.limit != std::numeric_limits<std::size_t>::max() &&
         (source->kind == PatternNode::Kind::bgp || filters_into_bgp(*source));
}

Rows QueryRun::evaluate_slice(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  const PatternNode* source = source_of(node);
  const bool limited = node.limit != std::numeric_limits<std::size_t>::max();
  const std::size_t kept =
      node.offset + std::min(node.limit, std::numeric_limits<std::size_t>::max() - node.offset);
  if (limited && source->kind == PatternNode::Kind::order_by) {
    top_k_node_ = source;
    top_k_ = kept;
  }
  // Unordered, a BGP's first solutions are as good as any: it stops at what is kept.
  const std::size_t wanted =
      std::exchange(wanted_, bgp_stops_at_limit(node) ? std::min(wanted_, kept) : wanted_);
  Rows rows = evaluate(node.children[0], input, graph);
  wanted_ = wanted;
  top_k_node_ = nullptr;
  if (node.offset >= rows.size()) return Rows(input.size());
  const std::size_t end =
      node.limit >= rows.size() - node.offset ? rows.size() : node.offset + node.limit;
  return rows.between(node.offset, end);
}

} // namespace wa::engine
