// The graph pattern operators of section 18.5 over rows of term ids: their
// dispatch, FILTER and UNION, and the row helpers they share; each other
// operator is in operators/<name>.cpp. Each operator gets the bindings
// already known (`input`: empty at the top, the current solution inside
// EXISTS) and returns solutions that extend them.
// Basic graph patterns and paths take the rows of a join's left side as
// their input (an index nested-loop join); other operands are evaluated on
// their own and joined by compatibility, which keeps SPARQL's scoping exact.
#include "engine/optimizer.hpp"
#include "engine/query_run.hpp"
#include "query/variables.hpp"

#include <algorithm>
#include <set>
#include <string>

#include <iterator>
#include <vector>

namespace wa::engine {

using query::PatternNode;
using Kind = PatternNode::Kind;

bool QueryRun::compatible(RowView left, RowView right) {
  for (std::size_t i = 0; i < left.size(); ++i) {
    if (left[i] != no_term && right[i] != no_term && left[i] != right[i]) return false;
  }
  return true;
}

void QueryRun::append_merged(Rows& out, RowView left, RowView right) {
  const std::span<TermId> row = out.append(left);
  for (std::size_t i = 0; i < row.size(); ++i)
    if (row[i] == no_term) row[i] = right[i];
}

/// Whether `pattern` may be evaluated with a join's left row as its input:
/// a BGP or a path, or (with the optimizer) a filter of one that reads only
/// what its child always binds (a pushed-down filter), so that the left
/// row's other bindings cannot change its value.
bool QueryRun::sideways(const query::Pattern& pattern) {
  if (pattern->kind == Kind::bgp || pattern->kind == Kind::path) return true;
  if (!options_.optimize || pattern->kind != Kind::filter) return false;
  auto known = sideways_filters_.find(pattern.get());
  if (known != sideways_filters_.end()) return known->second;
  const std::set<std::string> certain = certainly_bound(pattern->children[0]);
  bool reads_only_certain = sideways(pattern->children[0]);
  for (const query::Expression& expression : pattern->expressions) {
    const std::set<std::string> reads = query::variables_of(expression);
    reads_only_certain = reads_only_certain && movable(expression) &&
                         std::includes(certain.begin(), certain.end(), reads.begin(), reads.end());
  }
  sideways_filters_.emplace(pattern.get(), reads_only_certain);
  return reads_only_certain;
}

Rows QueryRun::evaluate(const query::Pattern& pattern, RowView input, const ActiveGraph& graph) {
  cancellation_.check();
  // Once an operator returns, its inputs are gone: what is held is what
  // was held before it, and its result.
  const std::size_t before = cancellation_.held();
  Rows rows = dispatch(pattern, input, graph);
  cancellation_.hold_exactly(before + rows.size() * row_bytes());
  return rows;
}

Rows QueryRun::dispatch(const query::Pattern& pattern, RowView input, const ActiveGraph& graph) {
  const PatternNode& node = *pattern;
  switch (node.kind) {
  case Kind::bgp: return evaluate_bgp(node.triples, input, graph);
  case Kind::path: return evaluate_path(node, input, graph);
  case Kind::join: return evaluate_join(node, input, graph);
  case Kind::left_join: return evaluate_left_join(node, input, graph);
  case Kind::filter: {
    if (filters_into_bgp(node))
      return evaluate_bgp(node.children[0]->triples, input, graph, node.expressions);
    Rows rows = evaluate(node.children[0], input, graph);
    rows.keep_if([&](RowView row) { return holds_all(node.expressions, row, graph); });
    return rows;
  }
  case Kind::union_: {
    Rows rows = evaluate(node.children[0], input, graph);
    rows.append(evaluate(node.children[1], input, graph));
    return rows;
  }
  case Kind::graph: return evaluate_graph(node, input, graph);
  case Kind::extend: return evaluate_extend(node, input, graph);
  case Kind::minus: return evaluate_minus(node, input, graph);
  case Kind::values: return evaluate_values(node, input);
  case Kind::group: return evaluate_group(node, input, graph);
  case Kind::order_by: return evaluate_order(node, input, graph);
  case Kind::project: return evaluate_project(node, input, graph);
  case Kind::distinct:
  case Kind::reduced: return evaluate_distinct(node, input, graph);
  case Kind::slice: return evaluate_slice(node, input, graph);
  case Kind::service:
    throw ExpressionError("SERVICE is not evaluated: this engine never opens a connection");
  }
  return Rows(input.size());
}

} // namespace wa::engine
