// Slice (SPARQL 1.1 §18.5, OFFSET and LIMIT): the solutions from the offset on, at most the
// limit of them.
#include "engine/query_run.hpp"

#include <iterator>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_slice(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
  Rows rows = evaluate(node.children[0], input, graph);
  if (node.offset >= rows.size()) return {};
  const std::size_t end =
      node.limit >= rows.size() - node.offset ? rows.size() : node.offset + node.limit;
  return Rows(std::make_move_iterator(rows.begin() + static_cast<long>(node.offset)),
              std::make_move_iterator(rows.begin() + static_cast<long>(end)));
}

} // namespace wa::engine
