// Join (SPARQL 1.1 §18.5): the merges of each compatible pair of left and right solutions.
// A basic graph pattern or path on the right is evaluated sideways, once per left row; any
// other right side is evaluated on its own and hash-joined on the variables both bind.
#include "engine/query_run.hpp"
#include "engine/row_index.hpp"

#include <iterator>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_join(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
  Rows left = evaluate(node.children[0], input, graph);
  Rows rows;
  if (sideways(node.children[1])) {
    for (const Row& row : left) {
      Rows extended = evaluate(node.children[1], row, graph);
      rows.insert(rows.end(), std::make_move_iterator(extended.begin()),
                  std::make_move_iterator(extended.end()));
    }
    return rows;
  }
  if (left.empty()) return rows;
  const Rows right = evaluate(node.children[1], input, graph);
  const RowIndex index(right, RowIndex::shared_slots(left, right, input));
  for (const Row& l : left) {
    index.for_each_candidate(l, [&](const Row& r) {
      cancellation_.check();
      if (compatible(l, r)) rows.push_back(merged(l, r));
    });
    hold(rows);
  }
  return rows;
}

} // namespace wa::engine
