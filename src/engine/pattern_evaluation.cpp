// The graph pattern operators of section 18.5 over rows of term ids. Each
// operator gets the bindings already known (`input`: empty at the top, the
// current solution inside EXISTS) and returns solutions that extend them.
// Basic graph patterns and paths take the rows of a join's left side as
// their input (an index nested-loop join); other operands are evaluated on
// their own and joined by compatibility, which keeps SPARQL's scoping exact.
#include "engine/paths.hpp"
#include "engine/query_run.hpp"

#include <algorithm>
#include <numeric>
#include <set>

namespace wa::engine {

using query::PatternNode;
using Kind = PatternNode::Kind;

bool QueryRun::compatible(const Row& left, const Row& right) {
  for (std::size_t i = 0; i < left.size(); ++i) {
    if (left[i] != no_term && right[i] != no_term && left[i] != right[i]) return false;
  }
  return true;
}

Row QueryRun::merged(const Row& left, const Row& right) {
  Row row = left;
  for (std::size_t i = 0; i < row.size(); ++i)
    if (row[i] == no_term) row[i] = right[i];
  return row;
}

bool QueryRun::sideways(const query::Pattern& pattern) const {
  return pattern->kind == Kind::bgp || pattern->kind == Kind::path;
}

Rows QueryRun::evaluate(const query::Pattern& pattern, const Row& input, const ActiveGraph& graph) {
  cancellation_.check();
  // Once an operator returns, its inputs are gone: what is held is what
  // was held before it, and its result.
  const std::size_t before = cancellation_.held();
  Rows rows = dispatch(pattern, input, graph);
  cancellation_.hold_exactly(before + rows.size() * row_bytes());
  return rows;
}

Rows QueryRun::dispatch(const query::Pattern& pattern, const Row& input, const ActiveGraph& graph) {
  const PatternNode& node = *pattern;
  switch (node.kind) {
  case Kind::bgp: return evaluate_bgp(node.triples, input, graph);
  case Kind::path: return evaluate_path(node, input, graph);
  case Kind::join: return evaluate_join(node, input, graph);
  case Kind::left_join: return evaluate_left_join(node, input, graph);
  case Kind::filter: {
    Rows rows = evaluate(node.children[0], input, graph);
    std::erase_if(rows, [&](const Row& row) { return !holds_all(node.expressions, row, graph); });
    return rows;
  }
  case Kind::union_: {
    Rows rows = evaluate(node.children[0], input, graph);
    Rows right = evaluate(node.children[1], input, graph);
    rows.insert(rows.end(), std::make_move_iterator(right.begin()),
                std::make_move_iterator(right.end()));
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
  return {};
}

/// The id a pattern position stands for under `row`: a variable's binding
/// (no_term if unbound), or a constant's id; `missing` when the constant is
/// not in the data, so that the pattern cannot match.
TermId QueryRun::position_term(const query::TermOrVariable& position, const Row& row,
                               bool& missing) const {
  if (const auto* variable = std::get_if<query::Variable>(&position))
    return row[slot(variable->name)];
  auto id = terms_.dataset_id(std::get<rdf::Term>(position));
  if (!id) missing = true;
  return id.value_or(no_term);
}

Rows QueryRun::evaluate_bgp(const std::vector<query::TriplePattern>& triples, const Row& input,
                            const ActiveGraph& graph) {
  Rows rows{input};
  for (std::size_t index : bgp_order(triples, input, graph)) {
    const query::TriplePattern& triple = triples[index];
    Rows next;
    for (const Row& row : rows) {
      bool missing = false;
      const TermId s = position_term(triple.subject, row, missing);
      const TermId p = position_term(triple.predicate, row, missing);
      const TermId o = position_term(triple.object, row, missing);
      if (missing) continue;
      // A bound position holding a query-made term cannot match stored triples.
      if ((s != no_term && !terms_.in_dataset(s)) || (p != no_term && !terms_.in_dataset(p)) ||
          (o != no_term && !terms_.in_dataset(o))) {
        continue;
      }
      for_each_triple(
          dataset_, graph, s, p, o, cancellation_, [&](TermId ts, TermId tp, TermId to) {
            Row extended = row;
            auto bind = [&](const query::TermOrVariable& position, TermId value) {
              const auto* variable = std::get_if<query::Variable>(&position);
              if (variable == nullptr) return true;
              TermId& slot_value = extended[slot(variable->name)];
              if (slot_value != no_term) return slot_value == value;
              slot_value = value;
              return true;
            };
            if (bind(triple.subject, ts) && bind(triple.predicate, tp) && bind(triple.object, to)) {
              next.push_back(std::move(extended));
            }
          });
      hold(next);
    }
    rows = std::move(next);
    if (rows.empty()) break;
  }
  return rows;
}

/// With the optimizer, the triple patterns in the order that keeps the
/// intermediate results small: each time the pattern with the fewest
/// matching triples (exact counts of its constant positions), among those
/// sharing a variable with what is bound already; without it, as written.
std::vector<std::size_t> QueryRun::bgp_order(const std::vector<query::TriplePattern>& triples,
                                             const Row& input, const ActiveGraph& graph) const {
  std::vector<std::size_t> order(triples.size());
  std::iota(order.begin(), order.end(), 0);
  if (!options_.optimize || triples.size() < 2) return order;
  std::set<std::string> bound;
  for (const auto& [name, index] : slots_)
    if (input[index] != no_term) bound.insert(name);
  auto estimate = [&](const query::TriplePattern& triple) {
    bool missing = false;
    auto constant = [&](const query::TermOrVariable& position) -> TermId {
      if (std::holds_alternative<query::Variable>(position)) return no_term;
      return position_term(position, input, missing);
    };
    const std::size_t count = count_triples(dataset_, graph, constant(triple.subject),
                                            constant(triple.predicate), constant(triple.object));
    std::size_t bound_variables = 0;
    for (const auto* position : {&triple.subject, &triple.predicate, &triple.object}) {
      if (const auto* variable = std::get_if<query::Variable>(position))
        bound_variables += bound.contains(variable->name) ? 1 : 0;
    }
    // Each bound variable narrows the range: a rough factor, as counts for
    // a bound variable are not known until its value is.
    return missing ? 0 : count >> (bound_variables * 4);
  };
  std::vector<std::size_t> chosen;
  std::vector<bool> used(triples.size(), false);
  for (std::size_t step = 0; step < triples.size(); ++step) {
    std::size_t best = triples.size();
    std::pair<bool, std::size_t> best_key{true, 0};
    for (std::size_t i = 0; i < triples.size(); ++i) {
      if (used[i]) continue;
      bool connected = chosen.empty();
      for (const auto* position :
           {&triples[i].subject, &triples[i].predicate, &triples[i].object}) {
        if (const auto* variable = std::get_if<query::Variable>(position))
          connected = connected || bound.contains(variable->name);
      }
      const std::pair<bool, std::size_t> key{!connected, estimate(triples[i])};
      if (best == triples.size() || key < best_key) {
        best = i;
        best_key = key;
      }
    }
    used[best] = true;
    chosen.push_back(best);
    for (const auto* position :
         {&triples[best].subject, &triples[best].predicate, &triples[best].object}) {
      if (const auto* variable = std::get_if<query::Variable>(position))
        bound.insert(variable->name);
    }
  }
  return chosen;
}

Rows QueryRun::evaluate_path(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
  bool missing = false;
  auto end_of = [&](const query::TermOrVariable& position) {
    PathEnd end;
    if (const auto* variable = std::get_if<query::Variable>(&position)) {
      end.term = input[slot(variable->name)];
    } else {
      end.term = terms_.id_of(std::get<rdf::Term>(position));
      end.constant = true;
    }
    return end;
  };
  (void)missing;
  const PathEnd subject = end_of(node.path_subject);
  const PathEnd object = end_of(node.path_object);
  const auto* subject_variable = std::get_if<query::Variable>(&node.path_subject);
  const auto* object_variable = std::get_if<query::Variable>(&node.path_object);
  const bool same = subject_variable != nullptr && object_variable != nullptr &&
                    subject_variable->name == object_variable->name;
  Rows rows;
  engine::evaluate_path(dataset_, terms_, graph, subject, node.path, object, same, cancellation_,
                        [&](TermId s, TermId o) {
                          Row row = input;
                          if (subject_variable != nullptr) row[slot(subject_variable->name)] = s;
                          if (object_variable != nullptr) row[slot(object_variable->name)] = o;
                          rows.push_back(std::move(row));
                        });
  hold(rows);
  return rows;
}

Rows QueryRun::evaluate_join(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
  Rows left = evaluate(node.children[0], input, graph);
  Rows rows;
  if (sideways(node.children[1])) {
    for (const Row& row : left) {
      Rows extended = evaluate(node.children[1], row, graph);
      rows.insert(rows.end(), std::make_move_iterator(extended.begin()),
                  std::make_move_iterator(extended.end()));
    }
    return rows;
  }
  if (left.empty()) return rows;
  const Rows right = evaluate(node.children[1], input, graph);
  for (const Row& l : left) {
    for (const Row& r : right) {
      cancellation_.check();
      if (compatible(l, r)) rows.push_back(merged(l, r));
    }
    hold(rows);
  }
  return rows;
}

Rows QueryRun::evaluate_left_join(const PatternNode& node, const Row& input,
                                  const ActiveGraph& graph) {
  Rows left = evaluate(node.children[0], input, graph);
  const bool bind_join = sideways(node.children[1]);
  Rows right;
  if (!bind_join && !left.empty()) right = evaluate(node.children[1], input, graph);
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
      for (const Row& r : right) {
        cancellation_.check();
        if (compatible(l, r)) consider(merged(l, r));
      }
    }
    if (!matched) rows.push_back(l);
    hold(rows);
  }
  return rows;
}

Rows QueryRun::evaluate_minus(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
  Rows left = evaluate(node.children[0], input, graph);
  if (left.empty()) return left;
  const Rows right = evaluate(node.children[1], input, graph);
  auto removed = [&](const Row& l) {
    for (const Row& r : right) {
      cancellation_.check();
      bool shared = false;
      for (std::size_t i = 0; i < l.size(); ++i) {
        if (l[i] != no_term && r[i] != no_term && input[i] == no_term) shared = true;
      }
      if (shared && compatible(l, r)) return true;
    }
    return false;
  };
  std::erase_if(left, removed);
  return left;
}

Rows QueryRun::evaluate_graph(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
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
  Rows rows;
  for (TermId name : graphs) {
    if (!std::binary_search(named_graphs_.begin(), named_graphs_.end(), name)) continue;
    // The pattern is evaluated first, the graph's name joined after it: the
    // variable is not bound inside (a FILTER there sees it unbound).
    for (Row& row : evaluate(node.children[0], input, ActiveGraph{{name}})) {
      if (variable != nullptr) {
        TermId& bound = row[slot(variable->name)];
        if (bound != no_term && bound != name) continue;
        bound = name;
      }
      rows.push_back(std::move(row));
    }
    hold(rows);
  }
  return rows;
}

Rows QueryRun::evaluate_values(const PatternNode& node, const Row& input) {
  Rows rows;
  for (const query::ValuesRow& values : node.rows) {
    Row row = empty_row();
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i]) row[slot(node.variables[i])] = terms_.id_of(*values[i]);
    }
    if (compatible(input, row)) rows.push_back(merged(input, row));
  }
  hold(rows);
  return rows;
}

Rows QueryRun::evaluate_extend(const PatternNode& node, const Row& input,
                               const ActiveGraph& graph) {
  Rows rows = evaluate(node.children[0], input, graph);
  const std::size_t target = slot(node.variable);
  Rows out;
  for (Row& row : rows) {
    cancellation_.check();
    start_solution(row);
    std::optional<rdf::Term> computed = value(node.expressions[0], row, graph);
    if (computed) {
      const TermId id = terms_.id_of(*computed);
      if (row[target] != no_term && row[target] != id) continue;
      row[target] = id;
    }
    out.push_back(std::move(row));
  }
  return out;
}

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

Rows QueryRun::evaluate_project(const PatternNode& node, const Row& input,
                                const ActiveGraph& graph) {
  // A sub-query sees none of the outer bindings but those it projects.
  Row inner_input = empty_row();
  for (const std::string& name : node.variables)
    inner_input[slot(name)] = input[slot(name)];
  Rows rows = evaluate(node.children[0], inner_input, graph);
  for (Row& row : rows) {
    Row projected = input;
    for (const std::string& name : node.variables)
      projected[slot(name)] = row[slot(name)];
    row = std::move(projected);
  }
  return rows;
}

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

Rows QueryRun::evaluate_slice(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
  Rows rows = evaluate(node.children[0], input, graph);
  if (node.offset >= rows.size()) return {};
  const std::size_t end =
      node.limit >= rows.size() - node.offset ? rows.size() : node.offset + node.limit;
  return Rows(std::make_move_iterator(rows.begin() + static_cast<long>(node.offset)),
              std::make_move_iterator(rows.begin() + static_cast<long>(end)));
}

Rows QueryRun::evaluate_group(const PatternNode& node, const Row& input, const ActiveGraph& graph) {
  const Rows rows = evaluate(node.children[0], input, graph);
  std::map<std::vector<TermId>, Rows> groups;
  for (const Row& row : rows) {
    cancellation_.check();
    std::vector<TermId> key;
    for (const std::string& name : node.variables)
      key.push_back(row[slot(name)]);
    groups[key].push_back(row);
  }
  if (groups.empty() && node.variables.empty()) groups[{}] = {};
  Rows out;
  for (const auto& [key, members] : groups) {
    Row row = input;
    for (std::size_t i = 0; i < key.size(); ++i)
      row[slot(node.variables[i])] = key[i];
    for (const query::Aggregate& aggregate : node.aggregates) {
      if (auto result = this->aggregate(aggregate, members, graph)) {
        row[slot(aggregate.variable)] = terms_.id_of(*result);
      }
    }
    out.push_back(std::move(row));
  }
  hold(out);
  return out;
}

} // namespace wa::engine
