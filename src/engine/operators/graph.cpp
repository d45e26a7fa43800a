// Graph (SPARQL 1.1 §18.6, eval(D(G), Graph(IRI | var, P))): the pattern evaluated against
// one named graph, or each named graph in turn with the variable bound to its name after the
// pattern is evaluated.
#include "engine/query_run.hpp"

#include <algorithm>
#include <utility>
#include <variant>
#include <vector>

namespace wa::engine {

using query::PatternNode;

Rows QueryRun::evaluate_graph(const PatternNode& node, RowView input, const ActiveGraph& graph) {
  (void)graph;
  const auto* variable = std::get_if<query::Variable>(&node.graph_name);
  std::vector<TermId> graphs;
  if (variable == nullptr) {
    if (auto id = terms_.dataset_id(std::get<rdf::Term>(node.graph_name))) graphs.push_back(*id);
  } else if (input[slot(variable->name)] != no_term) {
    graphs.push_back(input[slot(variable->name)]);
  } else {
    graphs = named_graphs_;
  }
  Rows rows(input.size());
  for (TermId name : graphs) {
    if (!std::binary_search(named_graphs_.begin(), named_graphs_.end(), name)) continue;
    // The pattern is evaluated first, the graph's name joined after it: the
    // variable is not bound inside (a FILTER there sees it unbound).
    Rows in_graph = evaluate(node.children[0], input, ActiveGraph{{name}});
    if (variable != nullptr) {
      in_graph.keep_if([&](std::span<TermId> row) {
        TermId& bound = row[slot(variable->name)];
        if (bound != no_term && bound != name) return false;
        bound = name;
        return true;
      });
    }
    rows.append(in_graph);
    hold(rows);
  }
  return rows;
}

} // namespace wa::engine
