// OrderBy (SPARQL 1.1 §18.5): the solutions sorted by the order conditions, unbound (or an
// error) first; a stable sort, each row's keys computed once.
#include "engine/query_run.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_order(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
  Rows rows = evaluate(node.children[0], input, graph);
  // Each row's keys once, so that the comparison does not re-evaluate them.
  std::vector<std::vector<std::optional<rdf::Term>>> keys;
  keys.reserve(rows.size());
  for (const Row& row : rows) {
    cancellation_.check();
    std::vector<std::optional<rdf::Term>> key;
    for (const query::OrderCondition& condition : node.order)
      key.push_back(value(condition.expression, row, graph));
    keys.push_back(std::move(key));
  }
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    cancellation_.check();
    for (std::size_t k = 0; k < node.order.size(); ++k) {
      const auto& x = keys[a][k];
      const auto& y = keys[b][k];
      int c = 0;
      if (!x || !y) {
        c = (x ? 1 : 0) - (y ? 1 : 0); // unbound (or an error) first
      } else {
        c = order_compare(*x, *y);
      }
      if (c != 0) return node.order[k].descending ? c > 0 : c < 0;
    }
    return false;
  });
  Rows sorted;
  sorted.reserve(rows.size());
  for (std::size_t index : order)
    sorted.push_back(std::move(rows[index]));
  return sorted;
}

} // namespace wa::engine
