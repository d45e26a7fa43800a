// OrderBy (SPARQL 1.1 §18.5): the solutions sorted by the order conditions, unbound (or an
// error) first; a stable sort, each row's keys computed once. Under a LIMIT, only the
// solutions the slice keeps are sorted (top-k).
#include "engine/query_run.hpp"

#include <algorithm>
#include <deque>
#include <numeric>
#include <optional>
#include <utility>
#include <vector>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_order(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  // Read before the children run: a sub-query's slice below resets it.
  const std::size_t limit = &node == top_k_node_ ? top_k_ : SIZE_MAX;
  Rows rows = evaluate(node.children[0], input, graph);
  // Each row's keys once, so that the comparison does not re-evaluate them:
  // a variable's key is its term in the dictionary, a computed key is held
  // in `computed` (a deque, so that the pointers stay valid); null is unbound.
  const std::size_t width = node.order.size();
  std::vector<const rdf::Term*> keys;
  keys.reserve(rows.size() * width);
  std::deque<rdf::Term> computed;
  for (RowView row : rows) {
    cancellation_.check();
    for (const query::OrderCondition& condition : node.order) {
      const query::ExpressionNode& expression = *condition.expression;
      if (expression.kind == query::ExpressionNode::Kind::variable) {
        keys.push_back(bound_term(expression, row));
      } else if (std::optional<rdf::Term> value = this->value(condition.expression, row, graph)) {
        keys.push_back(&computed.emplace_back(std::move(*value)));
      } else {
        keys.push_back(nullptr);
      }
    }
  }
  // Ties keep the solutions' order, so the first k of a partial sort are
  // the first k of the stable sort.
  auto before = [&](std::size_t a, std::size_t b) {
    for (std::size_t k = 0; k < width; ++k) {
      const rdf::Term* x = keys[a * width + k];
      const rdf::Term* y = keys[b * width + k];
      const int c = (x == nullptr || y == nullptr) ? (x ? 1 : 0) - (y ? 1 : 0) // unbound first
                                                   : order_compare(*x, *y);
      if (c != 0) return node.order[k].descending ? c > 0 : c < 0;
    }
    return a < b;
  };
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  const std::size_t keep = std::min(limit, rows.size());
  if (keep < rows.size()) {
    // ORDER BY with LIMIT (and OFFSET): only the first offset + limit are sorted.
    std::partial_sort(order.begin(), order.begin() + static_cast<long>(keep), order.end(),
                      [&](std::size_t a, std::size_t b) {
                        cancellation_.check();
                        return before(a, b);
                      });
    order.resize(keep);
  } else {
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      cancellation_.check();
      return before(a, b);
    });
  }
  return rows.gathered(order);
}

} // namespace wa::engine
