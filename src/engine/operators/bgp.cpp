// Basic graph pattern (SPARQL 1.1 §18.3, a leaf of the §18.5 algebra): the solutions that
// match every triple pattern in the active graph. Evaluated sideways: each triple pattern, in the
// order bgp_order chooses, extends the rows already bound (an index nested-loop join).
#include "engine/query_run.hpp"
#include "engine/row_block.hpp"

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
TermId QueryRun::position_term(const query::TermOrVariable& position, const Row& row,
                               bool& missing) const {
  if (const auto* variable = std::get_if<query::Variable>(&position))
    return row[slot(variable->name)];
  auto id = terms_.dataset_id(std::get<rdf::Term>(position));
  if (!id) missing = true;
  return id.value_or(no_term);
}

RowBlock QueryRun::bgp_block(const std::vector<query::TriplePattern>& triples, const Row& input,
                             const ActiveGraph& graph,
                             const std::vector<query::Expression>& filters) {
  const BgpPlan& plan = planned(triples, filters, input, graph);
  RowBlock rows(input.size());
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
    RowBlock next(input.size());
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
                                                   const Row& input,
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
                                           const Row& input, const ActiveGraph& graph) {
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

/// By how much a pattern's triples (as counted from its constants) shrink
/// once the variables bound by earlier steps have their values: with a
/// constant predicate, its distinct subjects for a bound subject and its
/// distinct objects for a bound object (exact statistics of the dataset);
/// otherwise a rough 16 per bound variable. A divisor rather than a share:
/// count / divisor is exactly 1 when every subject has one value, so two
/// such patterns tie and the tie-breaks decide, not rounding.
double QueryRun::bound_divisor(const ActiveGraph& graph, TermId predicate, bool subject_bound,
                               bool predicate_bound, bool object_bound) const {
  if (predicate == no_term) {
    const int bound = (subject_bound ? 1 : 0) + (predicate_bound ? 1 : 0) + (object_bound ? 1 : 0);
    return static_cast<double>(1U << (4U * static_cast<unsigned>(bound)));
  }
  store::PredicateCounts counts;
  for (TermId stored : graph.graphs) {
    const store::PredicateCounts in_graph = dataset_.statistics().of(stored, predicate);
    counts.subjects += in_graph.subjects;
    counts.objects += in_graph.objects;
  }
  double divisor = 1.0;
  if (subject_bound && counts.subjects > 0) divisor *= static_cast<double>(counts.subjects);
  if (object_bound && counts.objects > 0) divisor *= static_cast<double>(counts.objects);
  return divisor;
}

std::vector<bool> QueryRun::bound_slots(const Row& input) {
  std::vector<bool> bound(input.size());
  for (std::size_t i = 0; i < input.size(); ++i)
    bound[i] = input[i] != no_term;
  return bound;
}

std::set<std::string> QueryRun::bound_names(const Row& input) const {
  std::set<std::string> bound;
  for (const auto& [name, index] : slots_)
    if (input[index] != no_term) bound.insert(name);
  return bound;
}

/// How many triples one row is expected to find for `triple` once the
/// variables in `bound` have values: exact counts of its constant positions,
/// divided by bound_divisor.
double QueryRun::expected_matches(const query::TriplePattern& triple, const Row& input,
                                  const ActiveGraph& graph,
                                  const std::set<std::string>& bound) const {
  auto is_bound = [&](const query::TermOrVariable& position) {
    const auto* variable = std::get_if<query::Variable>(&position);
    return variable != nullptr && bound.contains(variable->name);
  };
  bool missing = false;
  auto constant = [&](const query::TermOrVariable& position) -> TermId {
    if (std::holds_alternative<query::Variable>(position)) return no_term;
    return position_term(position, input, missing);
  };
  const TermId predicate = constant(triple.predicate);
  const auto count = static_cast<double>(
      count_triples(dataset_, graph, constant(triple.subject), predicate, constant(triple.object)));
  if (missing) return 0.0;
  return count / bound_divisor(graph, predicate, is_bound(triple.subject),
                               is_bound(triple.predicate), is_bound(triple.object));
}

namespace {

/// Adds the variables of `triple` to `names`.
void insert_variables(const query::TriplePattern& triple, std::set<std::string>& names) {
  for (const auto* position : {&triple.subject, &triple.predicate, &triple.object})
    query::for_each_variable(*position, [&](const std::string& name) { names.insert(name); });
}

} // namespace

double QueryRun::expected_rows(const std::vector<query::TriplePattern>& triples, const Row& input,
                               const ActiveGraph& graph) const {
  std::set<std::string> bound = bound_names(input);
  double rows = 1.0;
  for (std::size_t index : bgp_order(triples, input, graph, {})) {
    rows *= expected_matches(triples[index], input, graph, bound);
    insert_variables(triples[index], bound);
  }
  return rows;
}

/// With the optimizer, the triple patterns in the order that keeps the
/// intermediate results small: each time the pattern with the fewest
/// expected matches (exact counts of its constant positions, scaled by the
/// predicate's statistics for the variables bound before it), among those
/// sharing a variable with what is bound already; without it, as written.
/// A pushed-down filter drops rows as soon as its variables are bound, so a
/// pattern that completes one counts half its matches (a guess: filters keep
/// about half), and between patterns expected to match alike, one that binds
/// a variable a waiting filter reads goes first ("?part wa:isExample ?e"
/// before "?action wa:participation ?part" under FILTER(?e || ?c)).
std::vector<std::size_t> QueryRun::bgp_order(const std::vector<query::TriplePattern>& triples,
                                             const Row& input, const ActiveGraph& graph,
                                             const std::vector<query::Expression>& filters) const {
  std::vector<std::size_t> order(triples.size());
  std::iota(order.begin(), order.end(), 0);
  if (!options_.optimize || triples.size() < 2) return order;
  std::set<std::string> bound = bound_names(input);
  auto estimate = [&](const query::TriplePattern& triple) {
    return expected_matches(triple, input, graph, bound);
  };
  std::set<std::string> bindable = bound;
  for (const query::TriplePattern& triple : triples)
    insert_variables(triple, bindable);
  std::vector<std::set<std::string>> filter_reads(filters.size());
  for (std::size_t f = 0; f < filters.size(); ++f)
    query::for_each_variable(filters[f], [&](const std::string& name) {
      if (bindable.contains(name)) filter_reads[f].insert(name);
    });
  auto waiting = [&](std::size_t f) {
    return !std::ranges::all_of(filter_reads[f],
                                [&](const std::string& name) { return bound.contains(name); });
  };
  std::vector<std::size_t> chosen;
  std::vector<bool> used(triples.size(), false);
  for (std::size_t step = 0; step < triples.size(); ++step) {
    std::size_t best = triples.size();
    std::tuple<bool, double, bool> best_key{true, 0.0, true};
    for (std::size_t i = 0; i < triples.size(); ++i) {
      if (used[i]) continue;
      // Connected: shares a variable with what is bound (the input's too);
      // with nothing bound yet, every pattern is.
      bool connected = bound.empty();
      std::set<std::string> binds;
      for (const auto* position :
           {&triples[i].subject, &triples[i].predicate, &triples[i].object}) {
        if (const auto* variable = std::get_if<query::Variable>(position)) {
          connected = connected || bound.contains(variable->name);
          if (!bound.contains(variable->name)) binds.insert(variable->name);
        }
      }
      double expected = estimate(triples[i]);
      bool feeds_filter = false;
      for (std::size_t f = 0; f < filters.size(); ++f) {
        if (!waiting(f)) continue;
        const bool completes = std::ranges::all_of(filter_reads[f], [&](const std::string& name) {
          return bound.contains(name) || binds.contains(name);
        });
        if (completes) expected *= 0.5;
        feeds_filter =
            feeds_filter || std::ranges::any_of(filter_reads[f], [&](const std::string& name) {
              return binds.contains(name);
            });
      }
      const std::tuple<bool, double, bool> key{!connected, expected, !feeds_filter};
      if (best == triples.size() || key < best_key) {
        best = i;
        best_key = key;
      }
    }
    used[best] = true;
    chosen.push_back(best);
    insert_variables(triples[best], bound);
  }
  return chosen;
}

} // namespace wa::engine
