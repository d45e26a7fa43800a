// Minus (SPARQL 1.1 §18.5): the left solutions not compatible with any right solution that
// shares a variable with them. Both sides are evaluated on their own; the right side is hashed
// on the variables both bind.
#include "engine/query_run.hpp"
#include "engine/row_index.hpp"

#include <vector>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_minus(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  Rows left = evaluate(node.children[0], input, graph);
  if (left.empty()) return left;
  const Rows right = evaluate(node.children[1], input, graph);
  const RowIndex index(right, RowIndex::shared_slots(left, right, input));
  auto removed = [&](RowView l) {
    bool found = false;
    index.for_each_candidate(l, [&](RowView r) {
      cancellation_.check();
      if (found) return;
      bool shared = false;
      for (std::size_t i = 0; i < l.size(); ++i) {
        if (l[i] != no_term && r[i] != no_term && input[i] == no_term) shared = true;
      }
      found = shared && compatible(l, r);
    });
    return found;
  };
  left.keep_if([&](RowView l) { return !removed(l); });
  return left;
}

} // namespace wa::engine
