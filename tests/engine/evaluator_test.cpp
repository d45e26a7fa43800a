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

TEST(Evaluator, StopsABgpUnderALimitAtWhatTheLimitKeeps) {
  // 400 x 400 solutions would pass the budget (as above); the first 2 + 5 do not.
  EvaluationOptions options;
  options.memory_budget_bytes = 64 * 1024;
  const std::string text = "SELECT * { ?a ?b ?c . ?d ?e ?f } OFFSET 2 LIMIT 5";
  EXPECT_EQ(run(text, options).rows.size(), 5U);
  const std::string plan =
      explain(query::parse_query("PREFIX ex: <" + ex + ">\n" + text), sample(), {});
  EXPECT_NE(plan.find("limit 5 (the BGP below stops there)"), std::string::npos) << plan;
}

TEST(Evaluator, SortsBeforeItCutsWhenTheLimitIsOverAnOrder) {
  const rdf::QueryResult result = run("SELECT ?v { ?s ex:value ?v } ORDER BY DESC(?v) LIMIT 1");
  ASSERT_EQ(result.rows.size(), 1U);
  EXPECT_EQ(result.rows[0][0]->value, "99"); // the greatest as a string
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

/// Beside sample()'s 200 subjects: ex:tag, one per subject (200 distinct
/// subjects, 2 distinct objects); ex:link, 100 from each of 3 subjects to 300
/// objects; ex:few, 150 triples from the same 3 subjects. A rough factor per
/// bound variable would put ex:few before ex:tag and ex:tag before ex:link.
/// `with_values`: each subject also has one ex:value, as in sample().
store::IndexedDataset skewed(bool with_values = false) {
  store::DatasetBuilder builder;
  for (int i = 0; i < 200; ++i) {
    const rdf::Term subject = rdf::Term::iri(ex + "s" + std::to_string(i));
    builder.add(
        {subject, rdf::Term::iri(ex + "type"), rdf::Term::iri(ex + (i == 7 ? "Rare" : "Common"))});
    builder.add(
        {subject, rdf::Term::iri(ex + "tag"), rdf::Term::iri(ex + (i % 2 == 0 ? "a" : "b"))});
    if (with_values)
      builder.add({subject, rdf::Term::iri(ex + "value"), rdf::Term::literal(std::to_string(i))});
  }
  for (int i = 0; i < 300; ++i) {
    const rdf::Term subject = rdf::Term::iri(ex + "s" + std::to_string(i % 3));
    builder.add(
        {subject, rdf::Term::iri(ex + "link"), rdf::Term::iri(ex + "o" + std::to_string(i))});
    if (i < 150)
      builder.add({subject, rdf::Term::iri(ex + "few"), rdf::Term::literal(std::to_string(i))});
  }
  return std::move(builder).build();
}

TEST(Evaluator, PlansByThePredicatesStatisticsOnceASubjectIsBound) {
  // With ?s bound, ex:tag gives 200 / 200 subjects = 1 triple and ex:few
  // 150 / 3 subjects = 50: tag first, although few has fewer triples.
  const std::string plan = explain(
      query::parse_query("PREFIX ex: <" + ex +
                         ">\nSELECT * { ?s ex:type ex:Rare . ?s ex:few ?o . ?s ex:tag ?t }"),
      skewed(), {});
  EXPECT_LT(plan.find("Rare"), plan.find("tag")) << plan;
  EXPECT_LT(plan.find("tag"), plan.find("few")) << plan;
}

TEST(Evaluator, PlansByThePredicatesStatisticsOnceAnObjectIsBound) {
  // With ?o bound, ex:link gives 300 / 300 objects = 1 triple and ex:tag
  // 200 / 2 objects = 100: link first, although tag has fewer triples.
  const std::string plan = explain(
      query::parse_query("PREFIX ex: <" + ex +
                         ">\nSELECT * { ?o ex:type ex:Rare . ?x ex:tag ?o . ?y ex:link ?o }"),
      skewed(), {});
  EXPECT_LT(plan.find("Rare"), plan.find("link")) << plan;
  EXPECT_LT(plan.find("link"), plan.find("tag")) << plan;
}

TEST(Evaluator, BindsWhatAWaitingFilterReadsBeforeEquallyLikelyPatterns) {
  // Once ?s is bound, ex:type and ex:value each give one triple per subject;
  // the filter reads ?v, so ex:value comes before ex:type and the filter
  // drops rows before ex:type is looked up for them.
  const std::string plan =
      explain(query::parse_query("PREFIX ex: <" + ex +
                                 ">\nSELECT * { ?s ex:tag ex:a . ?s ex:type ?t . ?s ex:value ?v "
                                 "FILTER(?v = \"7\") }"),
              skewed(true), {});
  EXPECT_LT(plan.find("value"), plan.find("then 1 filter(s)")) << plan;
  EXPECT_LT(plan.find("then 1 filter(s)"), plan.find("type")) << plan;
}

/// 49 subjects tagged ex:a, each with one ex:type; 200 subjects with one
/// ex:value and one ex:weight each. Once ?s is bound every predicate gives
/// exactly one triple, but 49 * (1 / 49) is 0.9999999999999999 in floating
/// point.
store::IndexedDataset one_value_each() {
  store::DatasetBuilder builder;
  for (int i = 0; i < 200; ++i) {
    const rdf::Term subject = rdf::Term::iri(ex + "s" + std::to_string(i));
    if (i < 49) {
      builder.add({subject, rdf::Term::iri(ex + "tag"), rdf::Term::iri(ex + "a")});
      builder.add({subject, rdf::Term::iri(ex + "type"), rdf::Term::iri(ex + "Common")});
    }
    builder.add({subject, rdf::Term::iri(ex + "value"), rdf::Term::literal(std::to_string(i))});
    builder.add({subject, rdf::Term::iri(ex + "weight"), rdf::Term::literal(std::to_string(i))});
  }
  return std::move(builder).build();
}

TEST(Evaluator, ExactlyEquallyLikelyPatternsTieWhateverTheirCounts) {
  // Estimates are counts divided by distinct subjects, not multiplied by a
  // rounded share: 49 / 49 and 200 / 200 are both exactly 1, so the patterns
  // the filter reads go first (as in example-or-conditional-participants.rq).
  const std::string plan =
      explain(query::parse_query("PREFIX ex: <" + ex +
                                 ">\nSELECT * { ?s ex:tag ex:a . ?s ex:type ?t . ?s ex:value ?v . "
                                 "?s ex:weight ?w FILTER(?v = \"7\" || ?w = \"8\") }"),
              one_value_each(), {});
  EXPECT_LT(plan.find("value"), plan.find("then 1 filter(s)")) << plan;
  EXPECT_LT(plan.find("weight"), plan.find("then 1 filter(s)")) << plan;
  EXPECT_LT(plan.find("then 1 filter(s)"), plan.find("type")) << plan;
}

TEST(Evaluator, AppliesEachHalfOfAConjunctionAsSoonAsItCan) {
  // FILTER(?t = ex:a && ?v = "7") is two filters: the ?t half runs once
  // ex:tag is bound, the ?v half once ex:value is, whichever comes first.
  const std::string text = "SELECT * { ?s ex:type ex:Rare . ?s ex:tag ?t . ?s ex:value ?v "
                           "FILTER(?t = ex:a && ?v = \"7\") }";
  const std::string plan =
      explain(query::parse_query("PREFIX ex: <" + ex + ">\n" + text), skewed(true), {});
  const auto first = plan.find("then 1 filter(s)");
  ASSERT_NE(first, std::string::npos) << plan;
  EXPECT_NE(plan.find("then 1 filter(s)", first + 1), std::string::npos) << plan;
}

/// Ten ex:p0 links to one hub with 1,000 ex:p1 links; 30 subjects with
/// ex:p2 ex:c, one of them among the hub's.
store::IndexedDataset fan_out() {
  store::DatasetBuilder builder;
  auto node = [](const std::string& name) { return rdf::Term::iri(ex + name); };
  for (int i = 0; i < 10; ++i)
    builder.add({node("x" + std::to_string(i)), node("p0"), node("hub")});
  for (int i = 0; i < 1000; ++i)
    builder.add({node("hub"), node("p1"), node("z" + std::to_string(i))});
  for (int i = 0; i < 30; ++i)
    builder.add({node("z" + std::to_string(i * 100 + 999)), node("p2"), node("c")});
  return std::move(builder).build();
}

TEST(Evaluator, WeighsEveryOrderNotJustTheSmallestPatternFirst) {
  // Greedily, ex:p0 (10 triples) would go first and fan out to 10,000 rows
  // at the hub; the cheapest order starts from ex:p2 (30) and stays small.
  const std::string text = "SELECT ?x { ?x ex:p0 ?y . ?y ex:p1 ?z . ?z ex:p2 ex:c }";
  const query::Query query = query::parse_query("PREFIX ex: <" + ex + ">\n" + text);
  const store::IndexedDataset dataset = fan_out();
  const std::string plan = explain(query, dataset, {});
  EXPECT_NE(plan.find("bgp (cheapest order"), std::string::npos) << plan;
  EXPECT_LT(plan.find("p2"), plan.find("p1")) << plan;
  EXPECT_LT(plan.find("p1"), plan.find("p0")) << plan;
  EvaluationOptions off;
  off.optimize = false;
  const rdf::QueryResult on_result = evaluate(query, dataset, {});
  EXPECT_EQ(on_result.rows.size(), 10U);
  EXPECT_EQ(on_result.rows, evaluate(query, dataset, off).rows);
}

TEST(Evaluator, WalksAPathFromAConstantBeforeALargerPattern) {
  // "?s ex:type? ex:Rare" gives 2 rows (ex:Rare itself and s7); the BGP 200.
  const std::string text = "SELECT ?v { ?s ex:value ?v . ?s ex:type? ex:Rare }";
  const std::string plan =
      explain(query::parse_query("PREFIX ex: <" + ex + ">\n" + text), sample(), {});
  EXPECT_NE(plan.find("join (path first"), std::string::npos) << plan;
  EvaluationOptions off;
  off.optimize = false;
  const rdf::QueryResult on_result = run(text);
  ASSERT_EQ(on_result.rows.size(), 1U);
  EXPECT_EQ(on_result.rows, run(text, off).rows);
  EXPECT_EQ(on_result.rows[0][0]->value, "7");
}

TEST(Evaluator, MovesANotExistsBelowAnOptionalThatCannotChangeIt) {
  const std::string text = "SELECT ?s ?t { ?s ex:value ?v OPTIONAL { ?s ex:type ?t } "
                           "FILTER NOT EXISTS { ?s ex:type ex:Common } }";
  const std::string plan =
      explain(query::parse_query("PREFIX ex: <" + ex + ">\n" + text), sample(), {});
  EXPECT_LT(plan.find("left-join"), plan.find("filter")) << plan;
  EvaluationOptions off;
  off.optimize = false;
  const rdf::QueryResult on_result = run(text);
  ASSERT_EQ(on_result.rows.size(), 1U);
  EXPECT_EQ(on_result.rows, run(text, off).rows);
  EXPECT_EQ(on_result.rows[0][1]->value, ex + "Rare");
}

TEST(Evaluator, KeepsANotExistsAboveAnOptionalThatBindsWhatItReads) {
  // ?t is bound by the OPTIONAL only: below it, the NOT EXISTS would see ?t unbound.
  const std::string text = "SELECT ?s { ?s ex:value ?v OPTIONAL { ?s ex:type ?t } "
                           "FILTER NOT EXISTS { ?x ex:type ?t } }";
  const std::string plan =
      explain(query::parse_query("PREFIX ex: <" + ex + ">\n" + text), sample(), {});
  EXPECT_LT(plan.find("filter"), plan.find("left-join")) << plan;
  EvaluationOptions off;
  off.optimize = false;
  EXPECT_EQ(run(text).rows.size(), 0U);
  EXPECT_EQ(run(text, off).rows.size(), 0U);
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
