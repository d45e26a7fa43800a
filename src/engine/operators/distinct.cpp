// Distinct and Reduced (SPARQL 1.1 §18.5): the solutions without duplicates, in their first
// order. REDUCED is evaluated as DISTINCT.
#include "engine/query_run.hpp"

#include <set>
#include <utility>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_distinct(const PatternNode& node, const Row& input,
                                 const ActiveGraph& graph) {
  Rows rows = evaluate(node.children[0], input, graph);
  std::set<Row> seen;
  Rows out;
  for (Row& row : rows) {
    cancellation_.check();
    if (seen.insert(row).second) out.push_back(std::move(row));
  }
  hold(out);
  return out;
}

} // namespace wa::engine
