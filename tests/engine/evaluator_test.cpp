// What the evaluator promises beyond the W3C suites: its limits, its plans,
// and the same answers with the optimizer on and off.
#include "engine/evaluator.hpp"
#include "query/parser.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace wa::engine {
namespace {

const std::string ex = "http://example.org/";

/// 200 subjects, each with a type and one value; one subject of a rare type.
store::IndexedDataset sample() {
  store::DatasetBuilder builder;
  for (int i = 0; i < 200; ++i) {
    const rdf::Term subject = rdf::Term::iri(ex + "s" + std::to_string(i));
    builder.add(
        {subject, rdf::Term::iri(ex + "type"), rdf::Term::iri(ex + (i == 7 ? "Rare" : "Common"))});
    builder.add({subject, rdf::Term::iri(ex + "value"), rdf::Term::literal(std::to_string(i))});
  }
  return std::move(builder).build();
}

rdf::QueryResult run(const std::string& text, EvaluationOptions options = {}) {
  return evaluate(query::parse_query("PREFIX ex: <" + ex + ">\n" + text), sample(), options);
}

TEST(Evaluator, StopsARunawayQueryAtItsDeadline) {
  EvaluationOptions options;
  options.deadline_limit = std::chrono::milliseconds(100);
  const auto started = std::chrono::steady_clock::now();
  options.deadline = started + options.deadline_limit;
  // How soon after the deadline it stops is measured, not asserted: bench/deadline-latency.
  EXPECT_THROW((void)run("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", options),
               QueryTimeout);
}

TEST(Evaluator, StopsAQueryPastItsMemoryBudget) {
  EvaluationOptions options;
  options.memory_budget_bytes = 64 * 1024;
  EXPECT_THROW((void)run("SELECT * { ?a ?b ?c . ?d ?e ?f }", options), MemoryBudgetExceeded);
}

TEST(Evaluator, CutsAtTheRowLimitAndSaysSo) {
  EvaluationOptions options;
  options.row_limit = 10;
  const rdf::QueryResult result = run("SELECT ?s { ?s ex:value ?v }", options);
  EXPECT_EQ(result.rows.size(), 10U);
  EXPECT_TRUE(result.truncated);
}

TEST(Evaluator, PlansTheSmallestPatternFirst) {
  const std::string plan =
      explain(query::parse_query("PREFIX ex: <" + ex +
                                 ">\nSELECT ?v { ?s ex:value ?v . ?s ex:type ex:Rare }"),
              sample(), {});
  EXPECT_LT(plan.find("Rare"), plan.find("value")) << plan;
  EXPECT_NE(plan.find("(1 triples)"), std::string::npos) << plan;
}

TEST(Evaluator, KeepsTheWrittenOrderWithTheOptimizerOff) {
  EvaluationOptions options;
  options.optimize = false;
  const std::string plan =
      explain(query::parse_query("PREFIX ex: <" + ex +
                                 ">\nSELECT ?v { ?s ex:value ?v . ?s ex:type ex:Rare }"),
              sample(), options);
  EXPECT_LT(plan.find("value"), plan.find("Rare")) << plan;
}

TEST(Evaluator, AnswersTheSameWithAndWithoutTheOptimizer) {
  const std::string text = "SELECT ?v { ?s ex:value ?v . ?s ex:type ex:Rare }";
  EvaluationOptions off;
  off.optimize = false;
  const rdf::QueryResult on_result = run(text);
  const rdf::QueryResult off_result = run(text, off);
  ASSERT_EQ(on_result.rows.size(), 1U);
  EXPECT_EQ(on_result.rows, off_result.rows);
  EXPECT_EQ(on_result.rows[0][0]->value, "7");
}

} // namespace
} // namespace wa::engine
