// The full-SPARQL store against a real Virtuoso (the ctest fixture
// tests/support/virtuoso-fixture starts it and loads tests/data/store/people.ttl
// and the agenda). Answers are worked out by hand from people.ttl.
#include "store/store.hpp"
#include "store/store_fixture.hpp"
#include "store/virtuoso_store.hpp"

#include "support/loopback_listener.hpp"

#include <httplib.h>

#include <cstdlib>

namespace wa::store::test {
namespace {

std::string virtuoso_dir() {
  const char* dir = std::getenv("WERKAGENDA_TEST_VIRTUOSO_DIR");
  return dir == nullptr ? "" : dir;
}

VirtuosoConnection connection_to(std::vector<std::string> graphs,
                                 std::chrono::milliseconds deadline = std::chrono::seconds(20)) {
  VirtuosoConnection connection;
  connection.endpoint = VirtuosoConnection::endpoint_in(virtuoso_dir());
  connection.default_graphs = graphs;
  connection.named_graphs = graphs;
  connection.deadline = deadline;
  connection.base = base;
  return connection;
}

class VirtuosoStoreTest : public ::testing::Test {
protected:
  void SetUp() override {
    if (virtuoso_dir().empty()) {
      GTEST_SKIP() << "WERKAGENDA_TEST_VIRTUOSO_DIR is not set (ctest sets it up)";
    }
  }

  rdf::QueryResult ask(const std::string& query) {
    static VirtuosoStore store(connection_to({base + "graph/people"}));
    return store.query(prefix + query, 1000);
  }

  std::string refusal_of(const std::string& query, int status = 400) {
    try {
      (void)ask(query);
    } catch (const QueryRefused& refused) {
      EXPECT_EQ(refused.status(), status);
      return refused.what();
    }
    return "";
  }
};

std::string boolean(bool value) {
  return std::string("\"") + (value ? "true" : "false") +
         "\"^^<http://www.w3.org/2001/XMLSchema#boolean>";
}

TEST_F(VirtuosoStoreTest, SeesExactlyTheDatasetsGraphs) {
  EXPECT_EQ(rows_of(ask("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")),
            std::vector<std::string>{integer(18)});
  EXPECT_EQ(rows_of(ask("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")),
            std::vector<std::string>{"<" + base + "graph/people>"});
}

TEST_F(VirtuosoStoreTest, AnswersABasicPattern) {
  EXPECT_EQ(rows_of(ask("SELECT ?name WHERE { ?p a ex:Person ; ex:name ?name }")),
            (std::vector<std::string>{"\"Alice\"", "\"Bob\"", "\"Carol\"@en"}));
}

TEST_F(VirtuosoStoreTest, FollowsPropertyPaths) {
  EXPECT_EQ(rows_of(ask("SELECT DISTINCT ?who WHERE { ex:alice ex:knows+ ?who }")),
            (std::vector<std::string>{"<http://example.org/bob>", "<http://example.org/carol>"}));
  EXPECT_EQ(rows_of(ask("SELECT ?name WHERE { ex:bob ex:knows/ex:name ?name }")),
            std::vector<std::string>{"\"Carol\"@en"});
  EXPECT_EQ(rows_of(ask("SELECT ?who WHERE { ?who ^ex:knows ex:bob }")),
            std::vector<std::string>{"<http://example.org/carol>"});
}

TEST_F(VirtuosoStoreTest, AnswersExistsNotExistsAndMinus) {
  const std::vector<std::string> without_email = {"<http://example.org/alice>",
                                                  "<http://example.org/bob>"};
  EXPECT_EQ(rows_of(ask("SELECT ?p WHERE { ?p a ex:Person FILTER NOT EXISTS { ?p ex:email ?e } }")),
            without_email);
  EXPECT_EQ(rows_of(ask("SELECT ?p WHERE { ?p a ex:Person MINUS { ?p ex:email ?e } }")),
            without_email);
  EXPECT_EQ(rows_of(ask("SELECT ?p WHERE { ?p a ex:Person FILTER EXISTS { ?p ex:email ?e } }")),
            std::vector<std::string>{"<http://example.org/carol>"});
}

TEST_F(VirtuosoStoreTest, AnswersValuesAndDescribe) {
  EXPECT_EQ(rows_of(ask("SELECT ?n WHERE { VALUES ?p { ex:alice ex:acme } ?p ex:name ?n }")),
            (std::vector<std::string>{"\"Acme\"", "\"Alice\""}));
  rdf::QueryResult described = ask("DESCRIBE ex:acme");
  EXPECT_EQ(described.form, rdf::QueryResult::Form::graph);
  EXPECT_EQ(described.triples.size(), 3U);
}

TEST_F(VirtuosoStoreTest, AnswersTheAggregatesTheEmbeddedStoreRefuses) {
  EXPECT_EQ(rows_of(ask("SELECT (COUNT(DISTINCT ?city) AS ?n) WHERE { ?p ex:city ?city }")),
            std::vector<std::string>{integer(2)});
  EXPECT_EQ(rows_of(ask("SELECT (COUNT(?age) AS ?n) WHERE { ?p a ex:Person OPTIONAL { ?p ex:age "
                        "?age } }")),
            std::vector<std::string>{integer(2)});
  EXPECT_EQ(rows_of(ask("SELECT (COUNT(*) AS ?n) WHERE { ?s ex:nothing ?o }")),
            std::vector<std::string>{integer(0)});
}

TEST_F(VirtuosoStoreTest, AnswersAskAndBooleanExpressionsAsBooleans) {
  EXPECT_TRUE(ask("ASK { ex:alice ex:knows ex:bob }").boolean);
  EXPECT_FALSE(ask("ASK { ex:bob ex:knows ex:alice }").boolean);
  EXPECT_EQ(rows_of(ask("SELECT ?p (BOUND(?e) AS ?reachable) WHERE { ?p a ex:Person OPTIONAL { ?p "
                        "ex:email ?e } }")),
            (std::vector<std::string>{"<http://example.org/alice> " + boolean(false),
                                      "<http://example.org/bob> " + boolean(false),
                                      "<http://example.org/carol> " + boolean(true)}));
}

TEST_F(VirtuosoStoreTest, ResolvesRelativeIrisAgainstTheDatasetBase) {
  rdf::QueryResult result = ask("CONSTRUCT { <s> <p> 1 } WHERE {}");
  ASSERT_EQ(result.triples.size(), 1U);
  EXPECT_EQ(result.triples[0].subject, rdf::Term::iri(base + "s"));
}

TEST_F(VirtuosoStoreTest, CutsAnswersAtTheRowLimitAndSaysSo) {
  VirtuosoStore store(connection_to({base + "graph/people"}));
  rdf::QueryResult result = store.query("SELECT * WHERE { ?s ?p ?o }", 5);
  EXPECT_EQ(result.rows.size(), 5U);
  EXPECT_TRUE(result.truncated);
}

TEST_F(VirtuosoStoreTest, PassesOnTheEnginesSyntaxErrorWithItsLine) {
  EXPECT_NE(refusal_of("SELECT *\nWHERE { ?s ?p ?o .\n FILTER(?x = ) }").find("line"),
            std::string::npos);
}

TEST_F(VirtuosoStoreTest, RefusesAPartialAnswerWhenTheEngineRunsOutOfTime) {
  VirtuosoStore store(connection_to(
      {"https://w3id.org/werkagenda/graph/agenda", "https://w3id.org/werkagenda/graph/ontology"},
      std::chrono::milliseconds(600)));
  try {
    (void)store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", 10);
    FAIL() << "a count over a cartesian product of 4,667 triples cubed was answered";
  } catch (const QueryRefused& refused) {
    EXPECT_EQ(refused.status(), 504);
    // The endpoint's limit, not the half of it that Virtuoso is given.
    EXPECT_NE(std::string(refused.what()).find("limit of 600 ms"), std::string::npos)
        << refused.what();
  }
}

TEST_F(VirtuosoStoreTest, TheReadOnlyUserMakesNoOutboundRequestEvenWhenAskedDirectly) {
  wa::test::LoopbackListener listener;
  const std::string url = "http://127.0.0.1:" + std::to_string(listener.port()) + "/";
  const std::string endpoint = VirtuosoConnection::endpoint_in(virtuoso_dir());
  httplib::Client virtuoso(endpoint.substr(0, endpoint.find('/', 7)));
  const std::string path = endpoint.substr(endpoint.find('/', 7));
  for (const std::string& query :
       {"SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }", "LOAD <" + url + ">",
        "DEFINE get:soft \"replace\" SELECT * FROM <" + url + "> WHERE { ?s ?p ?o }",
        "INSERT DATA { GRAPH <" + base + "graph/people> { ex:x ex:y ex:z } }"}) {
    httplib::Result response = virtuoso.Post(path, httplib::Params{{"query", prefix + query}});
    ASSERT_TRUE(response) << query;
    EXPECT_NE(response->status, 200) << query;
  }
  EXPECT_FALSE(listener.contacted(500));
  EXPECT_EQ(rows_of(ask("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")),
            std::vector<std::string>{integer(18)});
}

} // namespace
} // namespace wa::store::test
