// Project (SPARQL 1.1 §18.5): each solution restricted to the projected variables. A
// sub-query sees of the outer bindings only those it projects.
#include "engine/query_run.hpp"

#include <string>
#include <utility>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_project(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  // A sub-query sees none of the outer bindings but those it projects.
  Row inner_input = empty_row();
  for (const std::string& name : node.variables)
    inner_input[slot(name)] = input[slot(name)];
  Rows rows = evaluate(node.children[0], inner_input, graph);
  std::vector<std::size_t> projected;
  for (const std::string& name : node.variables)
    projected.push_back(slot(name));
  Row row(input.begin(), input.end()); // the outer bindings, with the projected slots replaced
  rows.keep_if([&](std::span<TermId> inner) {
    for (std::size_t at : projected)
      row[at] = inner[at];
    std::ranges::copy(row, inner.begin());
    return true;
  });
  return rows;
}

} // namespace wa::engine
