// What our engine's store promises the endpoint: right answers over the
// agenda's graphs, and for everything else a refusal with the status and the
// message the endpoint sends (400 for a bad or closed query, 504 past the
// deadline, 503 past the memory budget).
#include "store/store_fixture.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace wa::store::test {
namespace {

EngineStore& people_engine() { return people(); }

QueryRefused refusal_of(EngineStore& store, const std::string& query) {
  try {
    (void)store.query(query, 1000);
  } catch (const QueryRefused& refused) {
    return refused;
  }
  ADD_FAILURE() << "answered: " << query;
  return QueryRefused(0, "");
}

TEST(EngineStore, AnswersABasicPattern) {
  rdf::QueryResult result =
      people_engine().query(prefix + "SELECT ?name WHERE { ?p a ex:Person ; ex:name ?name }", 100);
  EXPECT_EQ(rows_of(result), (std::vector<std::string>{"\"Alice\"", "\"Bob\"", "\"Carol\"@en"}));
}

TEST(EngineStore, TheDefaultGraphIsTheUnionOfTheParts) {
  const agenda::Dataset& agenda = wa::test::real_dataset();
  EngineStore store = engine_over(agenda);
  rdf::QueryResult all = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", 10);
  EXPECT_EQ(rows_of(all),
            std::vector<std::string>{integer(static_cast<int>(agenda.triple_count()))});
}

TEST(EngineStore, FromMayNameOneOfTheDatasetsGraphs) {
  const agenda::Dataset& agenda = wa::test::real_dataset();
  EngineStore store = engine_over(agenda);
  rdf::QueryResult part = store.query(
      "SELECT (COUNT(*) AS ?n) FROM <" + agenda.graph_iri("agenda") + "> WHERE { ?s ?p ?o }", 10);
  EXPECT_EQ(rows_of(part),
            std::vector<std::string>{integer(static_cast<int>(agenda.parts[0].model.size()))});
}

TEST(EngineStore, RefusesFromNamingADocumentElsewhere) {
  QueryRefused refused =
      refusal_of(people_engine(), "SELECT * FROM <http://example.org/elsewhere> { ?s ?p ?o }");
  EXPECT_EQ(refused.status(), 400);
  EXPECT_NE(std::string(refused.what()).find("not a graph of this dataset"), std::string::npos);
}

TEST(EngineStore, AProtocolDatasetReplacesTheQuerysFromClauses) {
  const agenda::Dataset& agenda = wa::test::real_dataset();
  EngineStore store = engine_over(agenda);
  const std::string agenda_graph = agenda.graph_iri("agenda");
  // FROM names a graph that does not exist; the protocol's dataset wins (Protocol 2.1.4).
  rdf::QueryResult part =
      store.query("SELECT (COUNT(*) AS ?n) FROM <http://example.org/none> WHERE { ?s ?p ?o }", 10,
                  ProtocolDataset{{agenda_graph}, {}});
  EXPECT_EQ(rows_of(part),
            std::vector<std::string>{integer(static_cast<int>(agenda.parts[0].model.size()))});
  rdf::QueryResult named = store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", 10,
                                       ProtocolDataset{{}, {agenda_graph}});
  EXPECT_EQ(rows_of(named), std::vector<std::string>{"<" + agenda_graph + ">"});
  rdf::QueryResult nothing_by_default =
      store.query("ASK { ?s ?p ?o }", 10, ProtocolDataset{{}, {agenda_graph}});
  EXPECT_FALSE(nothing_by_default.boolean) << "named graphs only: the default graph is empty";
}

TEST(EngineStore, RefusesAProtocolDatasetOfGraphsItDoesNotHold) {
  try {
    (void)people_engine().query("ASK {}", 10, ProtocolDataset{{}, {"http://example.org/g"}});
    ADD_FAILURE() << "answered";
  } catch (const QueryRefused& refused) {
    EXPECT_EQ(refused.status(), 400);
    EXPECT_NE(std::string(refused.what()).find("named-graph-uri"), std::string::npos);
  }
}

TEST(EngineStore, RefusesService) {
  QueryRefused refused =
      refusal_of(people_engine(), "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }");
  EXPECT_EQ(refused.status(), 400);
  EXPECT_NE(std::string(refused.what()).find("SERVICE"), std::string::npos);
}

TEST(EngineStore, RefusesAMalformedQueryNamingLineAndColumn) {
  QueryRefused refused = refusal_of(people_engine(), "SELECT ?s\nWHERE { ?s ?p }");
  EXPECT_EQ(refused.status(), 400);
  EXPECT_NE(std::string(refused.what()).find("line 2"), std::string::npos) << refused.what();
}

TEST(EngineStore, StopsARunawayQueryAtItsDeadline) {
  EngineLimits limits;
  limits.deadline = std::chrono::milliseconds(300);
  EngineStore store = engine_over(wa::test::real_dataset(), limits);
  // 5,717^3 rows: without the engine's own deadline this would not end. How
  // soon after the deadline it stops is measured in bench/deadline-latency.
  QueryRefused refused =
      refusal_of(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }");
  EXPECT_EQ(refused.status(), 504);
  EXPECT_NE(std::string(refused.what()).find("300 ms"), std::string::npos) << refused.what();
}

TEST(EngineStore, StopsAQueryPastItsMemoryBudget) {
  EngineLimits limits;
  limits.memory_budget_bytes = std::size_t{1} << 20U;
  EngineStore store = engine_over(wa::test::real_dataset(), limits);
  QueryRefused refused =
      refusal_of(store, "SELECT DISTINCT ?a ?c ?f WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f");
  EXPECT_EQ(refused.status(), 503);
  EXPECT_NE(std::string(refused.what()).find("memory budget of 1 MB"), std::string::npos)
      << refused.what();
}

std::vector<std::string> library_queries() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(wa::test::project_root() / "queries"))
    if (entry.path().extension() == ".rq") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const auto& file : files) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    texts.push_back(text.str());
  }
  return texts;
}

// The endpoint runs small queries on its request threads: one store, shared.
TEST(EngineStore, AnswersFromManyThreadsAtOnceAsFromOne) {
  EngineStore store = engine_over(wa::test::real_dataset());
  const std::vector<std::string> queries = library_queries();
  ASSERT_GT(queries.size(), 10U);
  std::vector<std::vector<std::string>> alone;
  for (const std::string& query : queries)
    alone.push_back(rows_of(store.query(query, 10000)));
  constexpr int threads = 4;
  std::vector<std::vector<std::vector<std::string>>> together(threads);
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t) {
    together[t].resize(queries.size());
    running.emplace_back([&, t] {
      for (std::size_t q = 0; q < queries.size(); ++q) {
        const std::size_t at = (q + static_cast<std::size_t>(t) * 7) % queries.size();
        together[t][at] = rows_of(store.query(queries[at], 10000));
      }
    });
  }
  for (std::thread& thread : running)
    thread.join();
  for (int t = 0; t < threads; ++t)
    EXPECT_EQ(together[t], alone) << "thread " << t;
}

} // namespace
} // namespace wa::store::test
