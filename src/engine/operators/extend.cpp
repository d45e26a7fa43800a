// Extend (SPARQL 1.1 §18.5, BIND): each solution with the variable bound to the expression's
// value; left unbound when the expression raises an error.
#include "engine/query_run.hpp"

#include <optional>
#include <utility>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_extend(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  Rows rows = evaluate(node.children[0], input, graph);
  const std::size_t target = slot(node.variable);
  rows.keep_if([&](std::span<TermId> row) {
    cancellation_.check();
    start_solution(row);
    std::optional<rdf::Term> computed = value(node.expressions[0], row, graph);
    if (computed) {
      const TermId id = terms_.id_of(*computed);
      if (row[target] != no_term && row[target] != id) return false;
      row[target] = id;
    }
    return true;
  });
  return rows;
}

} // namespace wa::engine
