// EXPLAIN: the plan as it would run, one operator a line, indented by depth;
// a basic graph pattern lists its triple patterns in the order the planner
// chose (and whether the order is the cheapest of all or chosen greedily, with
// the solutions it expects), each with the exact number of stored triples its
// constants match.
#include "engine/query_run.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace wa::engine {

namespace {

/// An estimate as a whole number, in powers of ten past a trillion.
std::string rounded(double estimate) {
  if (estimate < 1e12) return std::to_string(std::llround(estimate));
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%.1e", estimate);
  return text.data();
}

using query::PatternNode;
using Kind = PatternNode::Kind;

std::string position_text(const query::TermOrVariable& position) {
  if (const auto* variable = std::get_if<query::Variable>(&position)) return "?" + variable->name;
  return std::get<rdf::Term>(position).to_ntriples();
}

const char* name_of(Kind kind) {
  switch (kind) {
  case Kind::bgp: return "bgp";
  case Kind::path: return "path";
  case Kind::join: return "join";
  case Kind::left_join: return "left-join (OPTIONAL)";
  case Kind::filter: return "filter";
  case Kind::union_: return "union";
  case Kind::graph: return "graph";
  case Kind::extend: return "extend";
  case Kind::minus: return "minus";
  case Kind::values: return "values";
  case Kind::group: return "group";
  case Kind::order_by: return "order-by";
  case Kind::project: return "project";
  case Kind::distinct: return "distinct";
  case Kind::reduced: return "reduced";
  case Kind::slice: return "slice";
  case Kind::service: return "service";
  }
  return "?";
}

} // namespace

std::string QueryRun::explain() {
  std::string form = query_.form == query::Query::Form::select      ? "select"
                     : query_.form == query::Query::Form::ask       ? "ask"
                     : query_.form == query::Query::Form::construct ? "construct"
                                                                    : "describe";
  return form + (options_.optimize ? "" : " (optimizer off)") + "\n" +
         explain(query_.pattern, 1, default_graph_);
}

std::string QueryRun::explain(const query::Pattern& pattern, std::size_t depth,
                              const ActiveGraph& graph,
                              const std::vector<query::Expression>& filters) {
  std::ostringstream out;
  const std::string indent(depth * 2, ' ');
  out << indent << name_of(pattern->kind);
  if (pattern->kind == Kind::slice)
    out << " offset " << pattern->offset << " limit " << pattern->limit
        << (bgp_stops_at_limit(*pattern) ? " (the BGP below stops there)" : "");
  if (pattern->kind == Kind::extend) out << " ?" << pattern->variable;
  if (pattern->kind == Kind::project || pattern->kind == Kind::group ||
      pattern->kind == Kind::values) {
    for (const std::string& name : pattern->variables)
      out << " ?" << name;
  }
  if (pattern->kind == Kind::values) out << " (" << pattern->rows.size() << " rows)";
  if (pattern->kind == Kind::join && path_first(*pattern, empty_row(), graph))
    out << " (path first, then the left side per path row)";
  if (pattern->kind == Kind::graph) out << " " << position_text(pattern->graph_name);
  if (pattern->kind == Kind::path) {
    out << " " << position_text(pattern->path_subject) << " ... "
        << position_text(pattern->path_object);
  }
  std::vector<std::size_t> order;
  if (pattern->kind == Kind::bgp) {
    const JoinOrder planned = planned_order(pattern->triples, empty_row(), graph, filters);
    order = planned.order;
    if (order.size() > 1) {
      out << " ("
          << (!options_.optimize   ? "as written"
              : planned.exhaustive ? "cheapest"
                                   : "greedy")
          << " order, ~" << rounded(planned.rows) << " rows)";
    }
  }
  out << "\n";
  if (pattern->kind == Kind::bgp) {
    const std::vector<std::size_t> filter_steps =
        filter_steps_of(pattern->triples, order, empty_row(), filters);
    for (std::size_t step = 0; step < order.size(); ++step) {
      const std::size_t index = order[step];
      const query::TriplePattern& triple = pattern->triples[index];
      bool missing = false;
      auto constant = [&](const query::TermOrVariable& position) -> TermId {
        if (std::holds_alternative<query::Variable>(position)) return no_term;
        return position_term(position, empty_row(), missing);
      };
      const std::size_t count = count_triples(dataset_, graph, constant(triple.subject),
                                              constant(triple.predicate), constant(triple.object));
      out << indent << "  scan " << position_text(triple.subject) << " "
          << position_text(triple.predicate) << " " << position_text(triple.object) << "  ("
          << (missing ? 0 : count) << " triples)\n";
      const auto applied = std::ranges::count(filter_steps, step);
      if (applied > 0) out << indent << "    then " << applied << " filter(s)\n";
    }
  }
  // The evaluator applies a FILTER's conjuncts inside the BGP below it.
  const bool filters_inside = filters_into_bgp(*pattern);
  for (const query::Pattern& child : pattern->children)
    out << explain(child, depth + 1, graph,
                   filters_inside ? pattern->expressions : std::vector<query::Expression>{});
  return out.str();
}

} // namespace wa::engine
