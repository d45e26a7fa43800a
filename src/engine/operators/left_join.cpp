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

Rows QueryRun::evaluate_left_join(const PatternNode& node, RowView input,
                                  const ActiveGraph& graph) {
  const Rows left = evaluate(node.children[0], input, graph);
  const bool bind_join = sideways(node.children[1]);
  Rows right(input.size());
  std::optional<RowIndex> index;
  if (!bind_join && !left.empty()) {
    right = evaluate(node.children[1], input, graph);
    index.emplace(right, RowIndex::shared_slots(left, right, input));
  }
  Rows rows(input.size());
  for (RowView l : left) {
    const std::size_t before = rows.size();
    // A candidate is appended, and taken back if the filter rejects it.
    auto consider = [&]() {
      if (!node.expressions.empty() && !holds_all(node.expressions, rows[rows.size() - 1], graph))
        rows.drop_last();
    };
    if (bind_join) {
      for (RowView candidate : evaluate(node.children[1], l, graph)) {
        rows.append(candidate);
        consider();
      }
    } else {
      index->for_each_candidate(l, [&](RowView r) {
        cancellation_.check();
        if (!compatible(l, r)) return;
        append_merged(rows, l, r);
        consider();
      });
    }
    if (rows.size() == before) rows.append(l);
    hold(rows);
  }
  return rows;
}

} // namespace wa::engine
