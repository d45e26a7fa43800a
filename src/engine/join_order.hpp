// The order in which a basic graph pattern's triple patterns extend rows
// (engine/operators/bgp.cpp evaluates them left-deep, each pattern an index
// nested-loop join with the rows bound so far). Worked out from estimates the
// caller makes from exact statistics; this file knows nothing of the store, so
// plans can be tested on made-up estimates.
//
// Up to `exhaustive_join_budget` patterns, dynamic programming over the sets
// of patterns joined so far finds the order with the lowest cost; beyond it,
// a greedy choice (the cheapest connected pattern next) keeps planning fast.
//
// Cost: each step probes the index once per row bound so far, writes the rows
// it finds, and evaluates the filters it completes on each of them. Rows: a
// pattern with a bound variable finds count / max(its distinct values there,
// the distinct values the rows hold) per row (the textbook join estimate: the
// side with fewer values is assumed to be contained in the other); a filter
// is guessed to keep half.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

namespace wa::engine {

/// The most patterns whose order is searched exhaustively (2^n sets).
inline constexpr std::size_t exhaustive_join_budget = 10;

/// One triple pattern as the planner sees it.
struct PatternEstimate {
  /// The variable at each position (subject, predicate, object), numbered
  /// within the BGP from 0; empty for a constant.
  std::array<std::optional<std::size_t>, 3> variables;
  /// The stored triples its constants match.
  double count = 0.0;
  /// Distinct values at each variable position among those triples.
  std::array<double, 3> distinct{};
};

/// What the planner orders: patterns, the variables bound before the BGP (one
/// value per input row), and the variables each pushed-down filter reads.
struct JoinOrderProblem {
  std::vector<PatternEstimate> patterns;
  std::size_t variables = 0;
  std::vector<bool> bound_before; ///< by variable number
  std::vector<std::vector<std::size_t>> filter_reads;
};

struct JoinOrder {
  std::vector<std::size_t> order; ///< indexes into the problem's patterns
  double cost = 0.0;              ///< as estimated (see above)
  double rows = 0.0;              ///< solutions expected per row bound before
  bool exhaustive = false;        ///< every order was weighed: none is cheaper
};

/// The order to evaluate the patterns in: the cheaper of the exhaustive
/// search (within the budget) and the greedy order, the greedy one on a tie,
/// for its tie-breaks (a pattern that binds what a waiting filter reads first).
[[nodiscard]] JoinOrder join_order(const JoinOrderProblem& problem,
                                   std::size_t budget = exhaustive_join_budget);

/// The greedy order: each time the connected pattern expected to find fewest
/// rows per row bound so far (halved for each filter it completes); between
/// equals, one that binds a variable a waiting filter reads.
[[nodiscard]] JoinOrder greedy_join_order(const JoinOrderProblem& problem);

/// `order` with its estimated cost and solutions.
[[nodiscard]] JoinOrder costed(const JoinOrderProblem& problem, std::vector<std::size_t> order);

} // namespace wa::engine
