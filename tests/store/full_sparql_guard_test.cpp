// What the full-SPARQL backend refuses before a query leaves the process, and
// what it learns from the query's algebra (form, boolean-valued projections).
#include "store/full_sparql_guard.hpp"
#include "store/store.hpp"

#include <gtest/gtest.h>

namespace wa::store {
namespace {

std::string refusal(const std::string& query) {
  try {
    (void)check_full_sparql(query);
  } catch (const QueryRefused& refused) {
    EXPECT_EQ(refused.status(), 400);
    return refused.what();
  }
  return "";
}

TEST(FullSparqlGuard, RefusesWhatAReadOnlyEndpointMustNotRun) {
  EXPECT_NE(refusal("SELECT * { SERVICE <http://127.0.0.1/> { ?s ?p ?o } }").find("SERVICE"),
            std::string::npos);
  EXPECT_NE(refusal("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }").find("FROM"),
            std::string::npos);
  // Engine pragmas are no SPARQL: the parser refuses them where they stand.
  EXPECT_NE(refusal("DEFINE get:soft \"replace\" SELECT * { ?s ?p ?o }").find("line 1, column 1"),
            std::string::npos);
  EXPECT_NE(refusal("LOAD <http://127.0.0.1/x>").find("read-only"), std::string::npos);
  EXPECT_NE(refusal("SELECT * { ?s ?p ?o } ; INSERT DATA { <a> <b> <c> }"), "");
}

TEST(FullSparqlGuard, RefusesTheEnginesInternalFunctionsByAnyName) {
  EXPECT_NE(refusal("SELECT (bif:file_to_string('/etc/passwd') AS ?x) {}").find("bif"),
            std::string::npos);
  EXPECT_NE(
      refusal("PREFIX f: <bif:> SELECT (f:file_to_string('x') AS ?x) {}").find("<bif:file_to"),
      std::string::npos);
  EXPECT_NE(refusal("PREFIX f: <BIF:> SELECT * { ?s f:x ?o }"), "");
  EXPECT_NE(refusal("SELECT (SQL:getenv('HOME') AS ?x) {}"), "");
  EXPECT_NE(refusal("SELECT * { GRAPH <http://www.openlinksw.com/schemas/virtrdf#> { ?s ?p ?o } }"),
            "");
}

TEST(FullSparqlGuard, RefusesBooleanConstantsWhichVirtuosoConfusesWithIntegers) {
  EXPECT_NE(refusal("SELECT * { ?s ?p true }").find("boolean"), std::string::npos);
  EXPECT_NE(refusal("SELECT * { ?s ?p \"false\"^^<http://www.w3.org/2001/XMLSchema#boolean> }"),
            "");
}

TEST(FullSparqlGuard, RefusesWhatVirtuosoAnswersWrongly) {
  EXPECT_NE(refusal("SELECT * { ?a ?p ?b FILTER(sameTerm(?a, ?b)) }").find("sameTerm"),
            std::string::npos);
  EXPECT_NE(refusal("SELECT ?b { <a> <p>+ ?b }").find("path"), std::string::npos);
  EXPECT_NE(refusal("SELECT DISTINCT (COUNT(?b) AS ?n) { <a> (<p>/<q>)* ?b }").find("path"),
            std::string::npos);
  EXPECT_EQ(refusal("SELECT DISTINCT ?b { <a> <p>+ ?b }"), "");
  EXPECT_EQ(refusal("ASK { <a> <p>* <b> }"), "");
  EXPECT_EQ(refusal("SELECT ?a (COUNT(*) AS ?n) (SUM(?x) + 1 AS ?z) { ?a <p> ?x } GROUP BY ?a"),
            "");
}

TEST(FullSparqlGuard, LetsFullSparqlThrough) {
  const std::string query = "PREFIX ex: <http://example.org/> "
                            "SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ex:knows/ex:name ?b "
                            "FILTER NOT EXISTS { ?a ex:age ?x } MINUS { ?a a ex:Robot } "
                            "VALUES ?a { ex:alice } } GROUP BY ?a";
  EXPECT_EQ(refusal(query), "");
  EXPECT_EQ(check_full_sparql(query).form, FullSparqlPlan::Form::select);
  EXPECT_EQ(check_full_sparql("DESCRIBE <http://example.org/a>").form,
            FullSparqlPlan::Form::describe);
  EXPECT_EQ(check_full_sparql("PREFIX a: <x:> ASK {}").form, FullSparqlPlan::Form::ask);
  EXPECT_EQ(check_full_sparql("CONSTRUCT WHERE { ?s ?p ?o }").form,
            FullSparqlPlan::Form::construct);
}

TEST(FullSparqlGuard, FindsVariablesBoundToBooleanExpressions) {
  const FullSparqlPlan plan = check_full_sparql(
      "SELECT (isIRI(?s) AS ?iri) (STRLEN(?o) > 2 AS ?long) (STRLEN(?o) AS ?length) "
      "(?o IN (1, 2) AS ?listed) (!BOUND(?x) AS ?missing) (STR(?s) AS ?text) "
      "WHERE { ?s ?p ?o BIND(EXISTS { ?s ?p ?s } AS ?loop) BIND((STRLEN(?o)) AS ?n) }");
  EXPECT_EQ(plan.boolean_variables,
            (std::set<std::string>{"iri", "long", "listed", "missing", "loop"}));
}

} // namespace
} // namespace wa::store

namespace wa::store {
namespace {

// The static rules of SPARQL (section 18.2 and the grammar's notes) are the
// parser's: Virtuoso does not check them, so the guard refuses such queries.

TEST(FullSparqlGuard, RefusesABlankNodeInAnExpression) {
  EXPECT_NE(refusal("SELECT * WHERE { <a> <b> _:x FILTER(_:x < 3) }"), "");
  EXPECT_NE(refusal("SELECT (STR([]) AS ?s) WHERE { }"), "");
  EXPECT_EQ(refusal("SELECT * WHERE { ?s <p> ?o FILTER EXISTS { _:x <p> ?o } }"), "");
}

TEST(FullSparqlGuard, RefusesABlankNodeLabelInTwoBasicGraphPatterns) {
  EXPECT_NE(refusal("SELECT * { _:a ?p ?v . { _:a ?q 1 } }").find("_:a"), std::string::npos);
  EXPECT_NE(refusal("SELECT * { { _:a ?p ?v . } UNION { _:a ?q 1 } }"), "");
  EXPECT_NE(refusal("SELECT * { _:a ?p ?v OPTIONAL { _:a ?q 1 } }"), "");
  // A FILTER does not end a basic graph pattern; a CONSTRUCT template is no pattern.
  EXPECT_EQ(refusal("SELECT * { _:a ?p ?v FILTER(?v) _:a ?q 1 }"), "");
  EXPECT_EQ(refusal("CONSTRUCT { _:a <p> ?v } WHERE { _:a ?p ?v }"), "");
}

TEST(FullSparqlGuard, RefusesAVariableProjectedTwice) {
  EXPECT_NE(refusal("SELECT (1 AS ?X) (1 AS ?X) {}").find("X"), std::string::npos);
  EXPECT_NE(refusal("SELECT ?x (2 AS ?x) { ?x ?p ?o }"), "");
  EXPECT_EQ(refusal("SELECT ?x (COUNT(*) AS ?n) { ?x ?p ?o } GROUP BY ?x"), "");
}

TEST(FullSparqlGuard, KnowsWhetherTheQueryHasABaseOfItsOwn) {
  EXPECT_FALSE(check_full_sparql("SELECT * { ?s <p> ?o }").declares_base);
  EXPECT_TRUE(check_full_sparql("BASE <http://example.org/> SELECT * { ?s <p> ?o }").declares_base);
}

} // namespace
} // namespace wa::store
