// LeftJoin (SPARQL 1.1 §18.5, OPTIONAL): each left solution merged with the compatible right
// solutions that pass the filter, or kept as it is when none does. A basic graph pattern or
// path on the right is evaluated sideways, once per left row; any other right side on its own,
// hash-joined on the variables both sides bind.
#include "engine/query_run.hpp"
#include "engine/row_index.hpp"

#include <optional>

#include <utility>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_left_join(const PatternNode& node, const Row& input,
                                  const ActiveGraph& graph) {
  Rows left = evaluate(node.children[0], input, graph);
  const bool bind_join = sideways(node.children[1]);
  Rows right;
  std::optional<RowIndex> index;
  if (!bind_join && !left.empty()) {
    right = evaluate(node.children[1], input, graph);
    index.emplace(right, RowIndex::shared_slots(left, right, input));
  }
  Rows rows;
  for (const Row& l : left) {
    bool matched = false;
    auto consider = [&](Row candidate) {
      if (!node.expressions.empty() && !holds_all(node.expressions, candidate, graph)) return;
      matched = true;
      rows.push_back(std::move(candidate));
    };
    if (bind_join) {
      for (Row& candidate : evaluate(node.children[1], l, graph))
        consider(std::move(candidate));
    } else {
      index->for_each_candidate(l, [&](const Row& r) {
        cancellation_.check();
        if (compatible(l, r)) consider(merged(l, r));
      });
    }
    if (!matched) rows.push_back(l);
    hold(rows);
  }
  return rows;
}

} // namespace wa::engine
