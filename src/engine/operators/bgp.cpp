// Basic graph pattern (SPARQL 1.1 §18.3, a leaf of the §18.5 algebra): the solutions that
// match every triple pattern in the active graph. Evaluated sideways: each triple pattern, in the
// order bgp_order chooses, extends the rows already bound (an index nested-loop join).
#include "engine/query_run.hpp"

#include "query/variables.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <set>
#include <span>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace wa::engine {

/// The id a pattern position stands for under `row`: a variable's binding
/// (no_term if unbound), or a constant's id; `missing` when the constant is
/// not in the data, so that the pattern cannot match.
TermId QueryRun::position_term(const query::TermOrVariable& position, RowView row,
                               bool& missing) const {
  if (const auto* variable = std::get_if<query::Variable>(&position))
    return row[slot(variable->name)];
  auto id = terms_.dataset_id(std::get<rdf::Term>(position));
  if (!id) missing = true;
  return id.value_or(no_term);
}

Rows QueryRun::evaluate_bgp(const std::vector<query::TriplePattern>& triples, RowView input,
                            const ActiveGraph& graph,
                            const std::vector<query::Expression>& filters) {
  const BgpPlan& plan = planned(triples, filters, input, graph);
  Rows rows(input.size());
  if (plan.missing_constant) return rows;
  Row filtered; // the row a filter reads: expressions take whole rows
  auto passes = [&](std::span<const TermId> row, std::size_t step) {
    bool copied = false;
    for (std::size_t i = 0; i < filters.size(); ++i) {
      if (plan.filter_steps[i] != step) continue;
      if (!copied) filtered.assign(row.begin(), row.end());
      copied = true;
      if (!holds(filters[i], filtered, graph)) return false;
    }
    return true;
  };
  if (plan.order.empty()) {
    if (passes(input, 0)) rows.append(input);
    return rows;
  }
  for (std::size_t step = 0; step < plan.order.size(); ++step) {
    const std::array<Position, 3>& positions = plan.positions[step];
    // EXISTS needs one solution: the last pattern stops at the first.
    const std::size_t enough = step + 1 == plan.order.size() ? wanted_ : SIZE_MAX;
    Rows next(input.size());
    auto extend = [&](std::span<const TermId> row) {
      std::array<TermId, 3> bound{};
      for (std::size_t i = 0; i < 3; ++i) {
        bound[i] = positions[i].variable ? row[positions[i].slot] : positions[i].constant;
        // A bound position holding a query-made term cannot match stored triples.
        if (bound[i] != no_term && !terms_.in_dataset(bound[i])) return;
      }
      if (bound[0] != no_term && bound[1] != no_term && bound[2] != no_term) {
        // Nothing to bind: a lookup, and the row goes on as it is.
        const bool found = positions[0].variable && !positions[1].variable && !positions[2].variable
                               ? has_subject(graph, bound[0], bound[1], bound[2])
                               : count_triples(dataset_, graph, bound[0], bound[1], bound[2]) > 0;
        if (found && passes(row, step)) next.append(row);
        return;
      }
      for_each_triple_until(dataset_, graph, bound[0], bound[1], bound[2], cancellation_,
                            [&](TermId ts, TermId tp, TermId to) {
                              const std::span<TermId> extended = next.append(row);
                              const std::array<TermId, 3> found{ts, tp, to};
                              for (std::size_t i = 0; i < 3; ++i) {
                                if (!positions[i].variable) continue;
                                TermId& value = extended[positions[i].slot];
                                if (value != no_term && value != found[i]) {
                                  next.drop_last();
                                  return true;
                                }
                                value = found[i];
                              }
                              if (!passes(extended, step)) next.drop_last();
                              return next.size() < enough;
                            });
      hold(next.size());
    };
    if (positions[0].variable && !positions[1].variable && !positions[2].variable)
      expect_subject_checks(graph, positions[1].constant, positions[2].constant, rows.size());
    // The first pattern extends the input itself, not a copy of it.
    if (step == 0) extend(input);
    for (std::size_t r = 0; step > 0 && r < rows.size() && next.size() < enough; ++r)
      extend(rows[r]);
    rows = std::move(next);
    if (rows.empty()) break;
  }
  return rows;
}

/// The positions of `triple` as slots and ids, once per step rather than per row.
std::array<QueryRun::Position, 3> QueryRun::resolved(const query::TriplePattern& triple) const {
  std::array<Position, 3> positions;
  for (std::size_t i = 0; i < 3; ++i) {
    const query::TermOrVariable& at =
        i == 0 ? triple.subject : (i == 1 ? triple.predicate : triple.object);
    if (const auto* variable = std::get_if<query::Variable>(&at)) {
      positions[i] = {.variable = true, .slot = slot(variable->name)};
    } else {
      const auto id = terms_.dataset_id(std::get<rdf::Term>(at));
      positions[i] = {.constant = id.value_or(no_term), .missing = !id};
    }
  }
  return positions;
}

/// Whether `graph` holds the triple, for a pattern whose predicate and
/// object are constants: asked once per row, so answered from a bitmap of the
/// pair's subjects once it has been asked often (engine/subject_bitmaps.hpp).
bool QueryRun::has_subject(const ActiveGraph& graph, TermId subject, TermId predicate,
                           TermId object) {
  return std::ranges::any_of(graph.graphs, [&](TermId stored) {
    return subject_bitmaps_.contains(dataset_, cancellation_, stored, subject, predicate, object);
  });
}

void QueryRun::expect_subject_checks(const ActiveGraph& graph, TermId predicate, TermId object,
                                     std::size_t rows) {
  for (TermId stored : graph.graphs)
    subject_bitmaps_.expect(dataset_, cancellation_, stored, predicate, object, rows);
}

/// After which step of `order` each filter can be applied: the first at
/// which every variable it reads is bound (the last step if one never is).
std::vector<std::size_t> QueryRun::filter_steps_of(const std::vector<query::TriplePattern>& triples,
                                                   const std::vector<std::size_t>& order,
                                                   RowView input,
                                                   const std::vector<query::Expression>& filters) {
  std::vector<std::size_t> steps;
  if (filters.empty()) return steps;
  std::vector<bool> bound = bound_slots(input);
  std::vector<std::vector<bool>> bound_after;
  for (std::size_t index : order) {
    for (const auto* position :
         {&triples[index].subject, &triples[index].predicate, &triples[index].object}) {
      query::for_each_variable(*position,
                               [&](const std::string& name) { bound[slot(name)] = true; });
    }
    bound_after.push_back(bound);
  }
  const std::size_t last = order.empty() ? 0 : order.size() - 1;
  // A variable that neither the input nor any pattern binds is unbound at
  // every step (an EXISTS group's own ?led): it does not hold a filter back.
  const std::vector<bool>& bindable = bound_after.empty() ? bound : bound_after.back();
  for (const query::Expression& filter : filters) {
    std::vector<std::size_t> reads;
    query::for_each_variable(filter, [&](const std::string& name) {
      if (bindable[slot(name)]) reads.push_back(slot(name));
    });
    std::size_t step = 0;
    while (step < last && !std::all_of(reads.begin(), reads.end(),
                                       [&](std::size_t s) { return bound_after[step][s]; })) {
      ++step;
    }
    steps.push_back(step);
  }
  return steps;
}

/// The plan for this BGP, its filters and these bound slots, worked out once
/// per query: a BGP on the right of a join is evaluated once per row on the left.
const QueryRun::BgpPlan& QueryRun::planned(const std::vector<query::TriplePattern>& triples,
                                           const std::vector<query::Expression>& filters,
                                           RowView input, const ActiveGraph& graph) {
  std::vector<bool> bound = bound_slots(input);
  // No filters: the caller's empty vector may be a temporary, so not its address.
  auto key = std::make_tuple(static_cast<const void*>(&triples),
                             filters.empty() ? nullptr : static_cast<const void*>(&filters),
                             std::move(bound));
  auto found = bgp_plans_.find(key);
  if (found == bgp_plans_.end()) {
    BgpPlan plan;
    plan.order = bgp_order(triples, input, graph, filters);
    plan.filter_steps = filter_steps_of(triples, plan.order, input, filters);
    for (std::size_t index : plan.order) {
      plan.positions.push_back(resolved(triples[index]));
      for (const Position& position : plan.positions.back())
        plan.missing_constant = plan.missing_constant || position.missing;
    }
    found = bgp_plans_.emplace(std::move(key), std::move(plan)).first;
  }
  return found->second;
}

/// How many distinct values each variable position of `pattern` holds among
/// its triples: exactly its count when it is the only variable (triples are a
/// set); with a constant predicate, its distinct subjects and objects (exact
/// statistics of the dataset); otherwise a rough 16.
std::array<double, 3> QueryRun::distinct_values(const ActiveGraph& graph,
                                                const PatternEstimate& pattern,
                                                TermId predicate) const {
  const auto variables =
      std::ranges::count_if(pattern.variables, [](const auto& v) { return v.has_value(); });
  std::array<double, 3> distinct{16.0, 16.0, 16.0};
  if (variables == 1) {
    distinct.fill(pattern.count);
  } else if (predicate != no_term) {
    store::PredicateCounts counts;
    for (TermId stored : graph.graphs) {
      const store::PredicateCounts in_graph = dataset_.statistics().of(stored, predicate);
      counts.subjects += in_graph.subjects;
      counts.objects += in_graph.objects;
    }
    distinct[0] = static_cast<double>(counts.subjects);
    distinct[2] = static_cast<double>(counts.objects);
  }
  return distinct;
}

std::vector<bool> QueryRun::bound_slots(RowView input) {
  std::vector<bool> bound(input.size());
  for (std::size_t i = 0; i < input.size(); ++i)
    bound[i] = input[i] != no_term;
  return bound;
}

/// The BGP as the planner sees it: its variables numbered, and for each
/// pattern the exact count of triples its constants match and the distinct
/// values of its variable positions.
JoinOrderProblem QueryRun::join_problem(const std::vector<query::TriplePattern>& triples,
                                        RowView input, const ActiveGraph& graph,
                                        const std::vector<query::Expression>& filters) const {
  JoinOrderProblem problem;
  std::map<std::size_t, std::size_t> numbers; // by slot
  auto number_of = [&](std::size_t slot) {
    auto [at, added] = numbers.try_emplace(slot, problem.variables);
    if (added) {
      ++problem.variables;
      problem.bound_before.push_back(input[slot] != no_term);
    }
    return at->second;
  };
  for (const query::TriplePattern& triple : triples) {
    PatternEstimate& pattern = problem.patterns.emplace_back();
    bool missing = false;
    std::array<TermId, 3> constants{};
    for (std::size_t i = 0; i < 3; ++i) {
      const query::TermOrVariable& at =
          i == 0 ? triple.subject : (i == 1 ? triple.predicate : triple.object);
      if (const auto* variable = std::get_if<query::Variable>(&at)) {
        pattern.variables[i] = number_of(slot(variable->name));
        constants[i] = no_term;
      } else {
        constants[i] = position_term(at, input, missing);
      }
    }
    pattern.count = missing ? 0.0
                            : static_cast<double>(count_triples(dataset_, graph, constants[0],
                                                                constants[1], constants[2]));
    pattern.distinct = distinct_values(graph, pattern, constants[1]);
  }
  // A filter waits only for what the patterns bind; the input's other variables are bound.
  for (const query::Expression& filter : filters) {
    std::vector<std::size_t>& reads = problem.filter_reads.emplace_back();
    query::for_each_variable(filter, [&](const std::string& name) {
      const auto found = numbers.find(slot(name));
      if (found != numbers.end()) reads.push_back(found->second);
    });
  }
  return problem;
}

double QueryRun::expected_rows(const std::vector<query::TriplePattern>& triples, RowView input,
                               const ActiveGraph& graph) const {
  return planned_order(triples, input, graph, {}).rows;
}

/// With the optimizer, the order of engine/join_order.hpp (the cheapest
/// found from exact statistics); without it, the patterns as written.
JoinOrder QueryRun::planned_order(const std::vector<query::TriplePattern>& triples, RowView input,
                                  const ActiveGraph& graph,
                                  const std::vector<query::Expression>& filters) const {
  const JoinOrderProblem problem = join_problem(triples, input, graph, filters);
  if (options_.optimize) return join_order(problem);
  std::vector<std::size_t> written(triples.size());
  std::iota(written.begin(), written.end(), 0);
  return costed(problem, std::move(written));
}

std::vector<std::size_t> QueryRun::bgp_order(const std::vector<query::TriplePattern>& triples,
                                             RowView input, const ActiveGraph& graph,
                                             const std::vector<query::Expression>& filters) const {
  return planned_order(triples, input, graph, filters).order;
}

} // namespace wa::engine
