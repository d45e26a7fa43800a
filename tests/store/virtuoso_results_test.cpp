// Virtuoso's answers (captured from Virtuoso 7.2.5 in tests/data/store/virtuoso/)
// read into QueryResult, with what Virtuoso gets wrong mended.
#include "rdf/namespaces.hpp"
#include "store/virtuoso_results.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace wa::store {
namespace {

std::string captured(const std::string& name) {
  std::ifstream file(wa::test::test_data("store/virtuoso/" + name));
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

std::string xsd(const char* name) { return ns::term(ns::xsd, name); }

FullSparqlPlan plan_for(const std::string& query) { return check_full_sparql(query); }

TEST(VirtuosoResults, ReadsAskFromItsOneColumnTable) {
  const FullSparqlPlan ask = plan_for("ASK { ?s ?p ?o }");
  rdf::QueryResult yes = read_virtuoso_json(captured("ask-true.json"), ask);
  EXPECT_EQ(yes.form, rdf::QueryResult::Form::boolean);
  EXPECT_TRUE(yes.boolean);
  EXPECT_FALSE(read_virtuoso_json(captured("ask-false.json"), ask).boolean);
}

TEST(VirtuosoResults, TurnsIntegersFromBooleanExpressionsBackIntoBooleans) {
  const FullSparqlPlan plan =
      plan_for("PREFIX dct: <http://purl.org/dc/terms/> "
               "SELECT ?item (isIRI(?item) AS ?isIri) (STRLEN(?title) > 40 AS ?long) "
               "(STRLEN(?title) AS ?length) ?title ?unbound WHERE { ?item dct:title ?title }");
  rdf::QueryResult result = read_virtuoso_json(captured("booleans-as-integers.json"), plan);
  ASSERT_EQ(result.rows.size(), 2U);
  const rdf::QueryResult::Row& row = result.rows[0];
  EXPECT_EQ(row[1], rdf::Term::typed("true", xsd("boolean")));
  EXPECT_EQ(row[2], rdf::Term::typed("false", xsd("boolean")));
  EXPECT_EQ(row[3], rdf::Term::typed("39", xsd("integer"))); // a number stays a number
  EXPECT_EQ(row[4], rdf::Term::literal("Value-Driven Digitalisation Work Agenda", "en"));
  EXPECT_FALSE(row[5].has_value());
}

TEST(VirtuosoResults, ReadsTypedLiterals) {
  rdf::QueryResult result =
      read_virtuoso_json(captured("typed-literals.json"), plan_for("SELECT ?x ?b ?d {}"));
  ASSERT_EQ(result.rows.size(), 1U);
  EXPECT_EQ(result.rows[0][2], rdf::Term::typed("2022-11-01", xsd("date")));
}

TEST(VirtuosoResults, ReadsGraphsFromNTriples) {
  rdf::QueryResult result = read_virtuoso_ntriples(captured("construct.nt"));
  EXPECT_EQ(result.form, rdf::QueryResult::Form::graph);
  EXPECT_EQ(result.triples.size(), 2U);
}

TEST(VirtuosoResults, SaysWhenTheEnginesAnswerCannotBeRead) {
  EXPECT_THROW((void)read_virtuoso_json("Virtuoso 37000 Error", plan_for("SELECT * {}")),
               EngineResponseError);
}

} // namespace
} // namespace wa::store
