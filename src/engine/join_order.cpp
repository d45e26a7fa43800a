#include "engine/join_order.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace wa::engine {

namespace {

/// What a filter costs per row it reads: an expression over decoded terms,
/// dearer than writing a row of ids.
constexpr double filter_cost = 2.0;

/// Where a plan stands after some steps: the rows per input row, and for each
/// variable how many distinct values those rows hold (0: not bound yet; a
/// variable bound before the BGP has one value per input row).
struct PlanState {
  double cost = 0.0;
  double rows = 1.0;
  std::vector<double> distinct;

  [[nodiscard]] bool bound(std::size_t variable) const { return distinct[variable] > 0.0; }
  [[nodiscard]] bool nothing_bound() const {
    return std::ranges::none_of(distinct, [](double d) { return d > 0.0; });
  }
};

PlanState start(const JoinOrderProblem& problem) {
  PlanState state;
  state.distinct.assign(problem.variables, 0.0);
  for (std::size_t v = 0; v < problem.bound_before.size() && v < problem.variables; ++v)
    if (problem.bound_before[v]) state.distinct[v] = 1.0;
  return state;
}

/// Rows the pattern is expected to find for each row of `state`.
double expected_matches(const PatternEstimate& pattern, const PlanState& state) {
  double matches = pattern.count;
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& variable = pattern.variables[i];
    if (variable && state.bound(*variable))
      matches /= std::max({pattern.distinct[i], state.distinct[*variable], 1.0});
  }
  return matches;
}

/// Whether the pattern joins with what is bound: it shares a variable with it,
/// or has none (a lookup of constants, cheapest as early as it can go).
bool connects(const PatternEstimate& pattern, const PlanState& state) {
  bool any = false;
  for (const auto& variable : pattern.variables) {
    if (!variable) continue;
    if (state.bound(*variable)) return true;
    any = true;
  }
  return !any;
}

bool binds(const PatternEstimate& pattern, std::size_t variable) {
  return std::ranges::any_of(pattern.variables, [&](const auto& at) { return at == variable; });
}

/// Whether the filter reads only variables bound in `state` or by `pattern`.
bool complete_with(const std::vector<std::size_t>& reads, const PlanState& state,
                   const PatternEstimate* pattern) {
  return std::ranges::all_of(reads, [&](std::size_t v) {
    return state.bound(v) || (pattern != nullptr && binds(*pattern, v));
  });
}

/// How many filters the pattern completes after `state`.
unsigned completed_filters(const JoinOrderProblem& problem, const PlanState& state,
                           const PatternEstimate& pattern) {
  unsigned completed = 0;
  for (const auto& reads : problem.filter_reads)
    if (!complete_with(reads, state, nullptr) && complete_with(reads, state, &pattern)) ++completed;
  return completed;
}

/// `state` extended by one pattern.
PlanState extended(const JoinOrderProblem& problem, const PlanState& state,
                   const PatternEstimate& pattern) {
  const double found = state.rows * expected_matches(pattern, state);
  const unsigned filters = completed_filters(problem, state, pattern);
  PlanState next = state;
  next.cost += state.rows + found + filter_cost * found * filters;
  next.rows = found * std::pow(0.5, filters);
  const double at_most = std::max(next.rows, 1.0);
  for (double& distinct : next.distinct)
    if (distinct > 0.0) distinct = std::min(distinct, at_most);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& variable = pattern.variables[i];
    if (!variable) continue;
    double& distinct = next.distinct[*variable];
    const double here = std::clamp(pattern.distinct[i], 1.0, at_most);
    distinct = distinct > 0.0 ? std::min(distinct, here) : here;
  }
  return next;
}

/// Which patterns may come next: those connected to what is bound, or any if
/// none is (a cross product), or any while nothing is bound at all.
std::vector<bool> candidates(const JoinOrderProblem& problem, const PlanState& state,
                             const std::vector<bool>& used) {
  const std::size_t n = problem.patterns.size();
  std::vector<bool> allowed(n, false);
  bool some_connect = false;
  for (std::size_t t = 0; t < n; ++t) {
    allowed[t] = !used[t] && (state.nothing_bound() || connects(problem.patterns[t], state));
    some_connect = some_connect || allowed[t];
  }
  if (!some_connect)
    for (std::size_t t = 0; t < n; ++t)
      allowed[t] = !used[t];
  return allowed;
}

/// The cheapest plan of every set of patterns reached, by the set's bits.
struct SetPlan {
  PlanState state;
  std::size_t last = 0; ///< the pattern that completed the set
  bool reached = false;
};

JoinOrder exhaustive_join_order(const JoinOrderProblem& problem) {
  const std::size_t n = problem.patterns.size();
  const std::size_t sets = std::size_t{1} << n;
  std::vector<SetPlan> plans(sets);
  plans[0] = {.state = start(problem), .reached = true};
  std::vector<bool> used(n);
  // Every set is reached from a smaller number (itself less one pattern).
  for (std::size_t set = 0; set + 1 < sets; ++set) {
    if (!plans[set].reached) continue;
    for (std::size_t t = 0; t < n; ++t)
      used[t] = ((set >> t) & 1U) != 0;
    const std::vector<bool> allowed = candidates(problem, plans[set].state, used);
    for (std::size_t t = 0; t < n; ++t) {
      if (!allowed[t]) continue;
      PlanState next = extended(problem, plans[set].state, problem.patterns[t]);
      SetPlan& target = plans[set | (std::size_t{1} << t)];
      if (!target.reached || next.cost < target.state.cost)
        target = {.state = std::move(next), .last = t, .reached = true};
    }
  }
  const PlanState& best = plans[sets - 1].state;
  std::vector<std::size_t> order;
  for (std::size_t set = sets - 1; set != 0; set &= ~(std::size_t{1} << plans[set].last))
    order.insert(order.begin(), plans[set].last);
  return {.order = std::move(order), .cost = best.cost, .rows = best.rows, .exhaustive = true};
}

} // namespace

JoinOrder costed(const JoinOrderProblem& problem, std::vector<std::size_t> order) {
  PlanState state = start(problem);
  for (std::size_t t : order)
    state = extended(problem, state, problem.patterns[t]);
  return {.order = std::move(order), .cost = state.cost, .rows = state.rows};
}

JoinOrder greedy_join_order(const JoinOrderProblem& problem) {
  const std::size_t n = problem.patterns.size();
  PlanState state = start(problem);
  std::vector<bool> used(n, false);
  std::vector<std::size_t> chosen;
  for (std::size_t step = 0; step < n; ++step) {
    const std::vector<bool> allowed = candidates(problem, state, used);
    std::size_t best = n;
    std::tuple<double, bool> best_key{0.0, true};
    for (std::size_t t = 0; t < n; ++t) {
      if (!allowed[t]) continue;
      const PatternEstimate& pattern = problem.patterns[t];
      const double expected = expected_matches(pattern, state) *
                              std::pow(0.5, completed_filters(problem, state, pattern));
      const bool feeds_filter = std::ranges::any_of(problem.filter_reads, [&](const auto& reads) {
        return std::ranges::any_of(
            reads, [&](std::size_t v) { return !state.bound(v) && binds(pattern, v); });
      });
      const std::tuple<double, bool> key{expected, !feeds_filter};
      if (best == n || key < best_key) {
        best = t;
        best_key = key;
      }
    }
    used[best] = true;
    chosen.push_back(best);
    state = extended(problem, state, problem.patterns[best]);
  }
  return costed(problem, std::move(chosen));
}

JoinOrder join_order(const JoinOrderProblem& problem, std::size_t budget) {
  JoinOrder greedy = greedy_join_order(problem);
  const std::size_t n = problem.patterns.size();
  if (n < 2 || n > budget || n >= 8 * sizeof(std::size_t)) return greedy;
  JoinOrder exhaustive = exhaustive_join_order(problem);
  // On a tie the greedy order stays: its tie-breaks know about filters.
  const double margin = 1e-9 * std::max(1.0, greedy.cost);
  if (exhaustive.cost < greedy.cost - margin) return exhaustive;
  greedy.exhaustive = true;
  return greedy;
}

} // namespace wa::engine
