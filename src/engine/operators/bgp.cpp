// Basic graph pattern (SPARQL 1.1 §18.3, a leaf of the §18.5 algebra): the solutions that
// match every triple pattern in the active graph. Evaluated sideways: each triple pattern, in the
// order bgp_order chooses, extends the rows already bound (an index nested-loop join).
#include "engine/query_run.hpp"

#include <numeric>
#include <set>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace wa::engine {

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

} // namespace wa::engine
