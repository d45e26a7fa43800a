// How the planner orders a basic graph pattern's triple patterns, on made-up
// estimates: the cheapest order within the budget, greedy beyond it, never a
// cross product while a connected pattern waits.
#include "engine/join_order.hpp"

#include <gtest/gtest.h>

namespace wa::engine {
namespace {

using Variables = std::array<std::optional<std::size_t>, 3>;

PatternEstimate pattern(Variables variables, double count, std::array<double, 3> distinct) {
  return {.variables = variables, .count = count, .distinct = distinct};
}

/// ?x p0 ?y (10 triples, all to one ?y) . ?y p1 ?z (1,000, one subject) .
/// ?z p2 c (30): the smallest pattern first fans out to 10,000 rows; starting
/// from p2 keeps every step small.
JoinOrderProblem fan_out_chain() {
  JoinOrderProblem problem;
  problem.variables = 3; // x y z
  problem.patterns = {pattern({0, std::nullopt, 1}, 10, {10, 0, 1}),
                      pattern({1, std::nullopt, 2}, 1000, {1, 0, 1000}),
                      pattern({2, std::nullopt, std::nullopt}, 30, {30, 0, 0})};
  return problem;
}

TEST(JoinOrder, FindsAnOrderCheaperThanTheGreedyChoice) {
  const JoinOrderProblem problem = fan_out_chain();
  const JoinOrder greedy = greedy_join_order(problem);
  EXPECT_EQ(greedy.order, (std::vector<std::size_t>{0, 1, 2}));
  const JoinOrder best = join_order(problem);
  EXPECT_EQ(best.order, (std::vector<std::size_t>{2, 1, 0}));
  EXPECT_TRUE(best.exhaustive);
  EXPECT_LT(best.cost * 10, greedy.cost);
}

TEST(JoinOrder, SearchesGreedilyBeyondItsBudget) {
  const JoinOrder order = join_order(fan_out_chain(), 2);
  EXPECT_EQ(order.order, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_FALSE(order.exhaustive);
}

TEST(JoinOrder, EstimatesAJoinByTheSideWithMoreDistinctValues) {
  // ?x p c: 10 subjects; ?x q ?y: 1,000 triples of 100 subjects. Either way
  // round, 10 of the 100 subjects meet, with 10 values each: 100 rows.
  JoinOrderProblem problem;
  problem.variables = 2;
  problem.patterns = {pattern({0, std::nullopt, std::nullopt}, 10, {10, 0, 0}),
                      pattern({0, std::nullopt, 1}, 1000, {100, 0, 1000})};
  EXPECT_DOUBLE_EQ(costed(problem, {0, 1}).rows, 100.0);
  EXPECT_DOUBLE_EQ(costed(problem, {1, 0}).rows, 100.0);
}

TEST(JoinOrder, NeverMakesACrossProductWhileAConnectedPatternWaits) {
  // ?x p ?y (5) . ?z q ?w (1) . ?y r ?z (1,000): after ?x p ?y, the tiny
  // ?z q ?w is unconnected, so ?y r ?z comes between them, whichever starts.
  JoinOrderProblem problem;
  problem.variables = 4; // x y z w
  problem.patterns = {pattern({0, std::nullopt, 1}, 5, {5, 0, 5}),
                      pattern({2, std::nullopt, 3}, 1, {1, 0, 1}),
                      pattern({1, std::nullopt, 2}, 1000, {1000, 0, 1000})};
  const JoinOrder order = join_order(problem);
  ASSERT_EQ(order.order.size(), 3U);
  EXPECT_EQ(order.order[1], 2U) << "the middle step joins both ends";
}

TEST(JoinOrder, StartsFromWhatIsBoundBeforeTheGroup) {
  // ?v is bound by the rows coming in: ?v p ?a finds one triple per row,
  // ?b q ?c (10 triples) is not connected to them.
  JoinOrderProblem problem;
  problem.variables = 4; // v a b c
  problem.bound_before = {true, false, false, false};
  problem.patterns = {pattern({2, std::nullopt, 3}, 10, {10, 0, 10}),
                      pattern({0, std::nullopt, 1}, 1000, {1000, 0, 1000})};
  EXPECT_EQ(join_order(problem).order, (std::vector<std::size_t>{1, 0}));
}

TEST(JoinOrder, LooksUpAPatternThatCannotMatchFirst) {
  // A pattern of constants only, not in the data: no solutions, found at once.
  JoinOrderProblem problem;
  problem.variables = 2;
  problem.patterns = {pattern({0, std::nullopt, 1}, 50, {50, 0, 50}),
                      pattern({0, std::nullopt, std::nullopt}, 20, {20, 0, 0}),
                      pattern({std::nullopt, std::nullopt, std::nullopt}, 0, {0, 0, 0})};
  const JoinOrder order = join_order(problem);
  EXPECT_EQ(order.order.front(), 2U);
  EXPECT_DOUBLE_EQ(order.rows, 0.0);
}

TEST(JoinOrder, BindsWhatAFilterReadsBeforeWhatItDoesNot) {
  // ?s t ?a and ?s u ?b each give one triple per subject; the filter reads
  // ?b, so ?s u ?b goes first: the filter drops rows before ?s t ?a is read.
  JoinOrderProblem problem;
  problem.variables = 3; // s a b
  problem.patterns = {pattern({0, std::nullopt, std::nullopt}, 40, {40, 0, 0}),
                      pattern({0, std::nullopt, 1}, 200, {200, 0, 200}),
                      pattern({0, std::nullopt, 2}, 200, {200, 0, 200})};
  problem.filter_reads = {{2}};
  const JoinOrder order = join_order(problem);
  EXPECT_EQ(order.order, (std::vector<std::size_t>{0, 2, 1}));
  EXPECT_TRUE(order.exhaustive);
}

} // namespace
} // namespace wa::engine
