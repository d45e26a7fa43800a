// The SPARQL endpoint as clients see it: a real `werkagenda serve` process on
// an ephemeral loopback port, spoken to over HTTP.
#include "publish/gzip.hpp"
#include "support/loopback_listener.hpp"
#include "support/project.hpp"
#include "support/server_process.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

namespace wa::http {
namespace {

using test::LoopbackListener;
using test::ServerProcess;

const std::string actions_query =
    "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/werkagenda/def#Action> }";

std::string encode(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char escaped[4];
      std::snprintf(escaped, sizeof escaped, "%%%02X", c);
      out += escaped;
    }
  }
  return out;
}

class Endpoint : public ::testing::Test {
protected:
  static ServerProcess* server;

  static void SetUpTestSuite() {
    server = new ServerProcess({"--workers", "2", "--timeout-ms", "2000", "--row-limit", "50"});
  }
  static void TearDownTestSuite() {
    delete server;
    server = nullptr;
  }

  static httplib::Client client() {
    httplib::Client client(server->host(), server->port());
    client.set_read_timeout(30, 0);
    return client;
  }

  static httplib::Result get(const std::string& query, const httplib::Headers& headers = {},
                             const std::string& extra = "") {
    return client().Get(("/sparql?query=" + encode(query) + extra).c_str(), headers);
  }
};

ServerProcess* Endpoint::server = nullptr;

TEST_F(Endpoint, AnswersAGetWithSparqlJson) {
  auto response = get(actions_query);
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type"),
            "application/sparql-results+json; charset=utf-8");
  EXPECT_NE(response->body.find("\"value\":\"102\""), std::string::npos) << response->body;
}

TEST_F(Endpoint, AnswersAFormPostAndADirectPost) {
  auto form = client().Post("/sparql", "query=" + encode(actions_query),
                            "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("\"102\""), std::string::npos);
  auto direct = client().Post("/sparql", actions_query, "application/sparql-query");
  ASSERT_TRUE(direct);
  EXPECT_EQ(direct->status, 200);
  EXPECT_NE(direct->body.find("\"102\""), std::string::npos);
}

TEST_F(Endpoint, NegotiatesResultFormats) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"application/sparql-results+xml", "application/sparql-results+xml; charset=utf-8"},
      {"text/csv", "text/csv; charset=utf-8"},
      {"text/tab-separated-values", "text/tab-separated-values; charset=utf-8"},
      {"text/csv;q=0.2, application/sparql-results+xml;q=0.9",
       "application/sparql-results+xml; charset=utf-8"}};
  for (const auto& [accept, content_type] : cases) {
    auto response = get(actions_query, {{"Accept", accept}});
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200) << accept;
    EXPECT_EQ(response->get_header_value("Content-Type"), content_type) << accept;
  }
  auto csv = get(actions_query, {}, "&format=csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->body, "n\r\n102\r\n");
}

TEST_F(Endpoint, WritesConstructResultsInEveryGraphFormat) {
  const std::string query = "CONSTRUCT { ?a <http://example.org/leadBy> ?o } WHERE { "
                            "?a <https://w3id.org/werkagenda/def#ledBy> ?o } LIMIT 3";
  for (const char* type :
       {"text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"}) {
    auto response = get(query, {{"Accept", type}});
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200) << type;
    EXPECT_EQ(response->get_header_value("Content-Type"), std::string(type) + "; charset=utf-8");
    EXPECT_NE(response->body.find("leadBy"), std::string::npos) << type;
  }
}

TEST_F(Endpoint, RefusesAnUnacceptableFormatWith406) {
  auto response = get(actions_query, {{"Accept", "image/png"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 406);
  EXPECT_NE(response->body.find("application/sparql-results+json"), std::string::npos);
}

TEST_F(Endpoint, AMalformedQueryIs400WithTheParsersMessage) {
  auto response = get("SELECT ?x WHERE { ?x ");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);
  EXPECT_NE(response->body.find("syntax error"), std::string::npos) << response->body;
  // Virtuoso counts the end of the text as the next line: its message says "line 2".
  const std::string line = wa::test::virtuoso_test_dir().empty() ? "line 1" : "line ";
  EXPECT_NE(response->body.find(line), std::string::npos) << response->body;
}

TEST_F(Endpoint, WrongMethodsAndMediaTypesAndSizes) {
  auto put = client().Put("/sparql", "x", "text/plain");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 405);
  EXPECT_EQ(put->get_header_value("Allow"), "GET, POST, OPTIONS");
  auto plain = client().Post("/sparql", actions_query, "text/plain");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 415);
  auto long_url = get("SELECT * WHERE { ?s ?p ?o } #" + std::string(9000, 'x'));
  ASSERT_TRUE(long_url);
  EXPECT_EQ(long_url->status, 414);
  EXPECT_FALSE(long_url->body.empty());
  auto large = client().Post("/sparql", std::string(2U << 20U, ' '), "application/sparql-query");
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 413);
}

TEST_F(Endpoint, RefusesUpdates) {
  auto update = client().Post("/sparql", "update=" + encode("CLEAR ALL"),
                              "application/x-www-form-urlencoded");
  ASSERT_TRUE(update);
  EXPECT_EQ(update->status, 400);
  EXPECT_NE(update->body.find("read-only"), std::string::npos);
  auto in_query = get("DELETE WHERE { ?s ?p ?o }");
  ASSERT_TRUE(in_query);
  EXPECT_EQ(in_query->status, 400);
}

TEST_F(Endpoint, DatasetParametersPickAmongItsOwnGraphs) {
  const std::string agenda = "https://w3id.org/werkagenda/graph/agenda";
  const std::string count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
  auto whole = get(count, {{"Accept", "text/csv"}});
  auto part = get(count, {{"Accept", "text/csv"}}, "&default-graph-uri=" + encode(agenda));
  ASSERT_TRUE(whole && part);
  if (!test::virtuoso_test_dir().empty()) {
    EXPECT_EQ(part->status, 400) << "Virtuoso's dataset is fixed by its configuration";
    EXPECT_NE(part->body.find("not supported on the virtuoso backend"), std::string::npos);
    return;
  }
  EXPECT_EQ(part->status, 200) << part->body;
  EXPECT_NE(part->body, whole->body) << "the agenda graph alone is not the union of all parts";
  auto named = get("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {{"Accept", "text/csv"}},
                   "&named-graph-uri=" + encode(agenda));
  ASSERT_TRUE(named);
  EXPECT_EQ(named->body, "g\r\n" + agenda + "\r\n");
  auto elsewhere = get(count, {}, "&default-graph-uri=" + encode("http://example.org/g"));
  ASSERT_TRUE(elsewhere);
  EXPECT_EQ(elsewhere->status, 400);
  EXPECT_NE(elsewhere->body.find("not a graph of this dataset"), std::string::npos)
      << elsewhere->body;
}

TEST(EndpointWithLoadedData, AnswersOverTheAgendaAndAnRdfXmlFileBesideIt) {
  if (!test::virtuoso_test_dir().empty())
    GTEST_SKIP() << "files are loaded into Virtuoso with scripts/virtuoso, not by serve";
  const std::string file = (test::project_root() / "tests/data/cli/ai-act-subjects.rdf").string();
  ServerProcess loaded({"--workers", "1", "--load", file});
  httplib::Client client(loaded.host(), loaded.port());
  const std::string query =
      "PREFIX dcterms: <http://purl.org/dc/terms/> "
      "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
      "SELECT DISTINCT ?label WHERE { ?item a ?type ; dcterms:references ?act . "
      "?act dcterms:subject/skos:prefLabel ?label }";
  auto response = client.Get(("/sparql?query=" + encode(query)).c_str(), {{"Accept", "text/csv"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200) << response->body;
  EXPECT_EQ(response->body, "label\r\nartificial intelligence\r\n");
  auto agenda =
      client.Get(("/sparql?query=" + encode(actions_query)).c_str(), {{"Accept", "text/csv"}});
  ASSERT_TRUE(agenda);
  EXPECT_EQ(agenda->body, "n\r\n102\r\n") << "the agenda is still all there";
}

TEST(EndpointWithLoadedData, ReportsTheLoadedGraphAndAnETagOfItsOwn) {
  if (!test::virtuoso_test_dir().empty())
    GTEST_SKIP() << "files are loaded into Virtuoso with scripts/virtuoso, not by serve";
  const std::string file = (test::project_root() / "tests/data/cli/ai-act-subjects.rdf").string();
  ServerProcess plain({"--workers", "1"});
  ServerProcess loaded({"--workers", "1", "--load", file});
  httplib::Client plain_client(plain.host(), plain.port());
  httplib::Client loaded_client(loaded.host(), loaded.port());
  auto plain_description = plain_client.Get("/sparql", {{"Accept", "text/turtle"}});
  auto loaded_description = loaded_client.Get("/sparql", {{"Accept", "text/turtle"}});
  ASSERT_TRUE(plain_description && loaded_description);
  EXPECT_NE(plain_description->get_header_value("ETag"),
            loaded_description->get_header_value("ETag"))
      << "a cached answer over the agenda alone must not validate over more data";
  EXPECT_EQ(plain_description->body.find("https://w3id.org/werkagenda/graph/loaded"),
            std::string::npos);
  EXPECT_NE(loaded_description->body.find("https://w3id.org/werkagenda/graph/loaded"),
            std::string::npos)
      << loaded_description->body;
}

TEST(EndpointWithLoadedData, ServesFilesAloneWithoutDescribingThem) {
  if (!test::virtuoso_test_dir().empty())
    GTEST_SKIP() << "files are loaded into Virtuoso with scripts/virtuoso, not by serve";
  const std::string file = (test::project_root() / "tests/data/cli/ai-act-subjects.rdf").string();
  ServerProcess alone({"--workers", "1", "--no-agenda", "--load", file});
  httplib::Client client(alone.host(), alone.port());
  auto count =
      client.Get(("/sparql?query=" + encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")).c_str(),
                 {{"Accept", "text/csv"}});
  ASSERT_TRUE(count);
  EXPECT_EQ(count->status, 200) << count->body;
  EXPECT_NE(count->body, "n\r\n0\r\n");
  auto description = client.Get("/sparql", {{"Accept", "text/turtle"}});
  ASSERT_TRUE(description);
  EXPECT_EQ(description->body.find("UnionDefaultGraph"), std::string::npos)
      << "the default graph is the file, not a union of named graphs";
  EXPECT_NE(description->body.find("void:triples " + count->body.substr(3, count->body.size() - 5)),
            std::string::npos)
      << description->body;
  auto dumps = client.Get("/dump/");
  ASSERT_TRUE(dumps);
  EXPECT_EQ(dumps->status, 404) << "the loaded files are the user's own: no dumps of them";
  auto robots = client.Get("/robots.txt");
  ASSERT_TRUE(robots);
  EXPECT_EQ(robots->status, 200);
  EXPECT_NE(robots->body.find("Disallow: /sparql"), std::string::npos);
  EXPECT_EQ(robots->body.find("Sitemap:"), std::string::npos) << "no documents, no sitemap";
}

TEST_F(Endpoint, ServesTheQueryPageScriptCompressedOrPlain) {
  const std::filesystem::path script =
      test::project_root() / "node_modules/@zazuko/yasgui/build/yasgui.min.js";
  if (!std::filesystem::exists(script)) GTEST_SKIP() << "YASGUI is not installed (npm ci)";
  httplib::Client plain_client = client();
  plain_client.set_decompress(false);
  auto plain = plain_client.Get("/assets/yasgui/yasgui.min.js");
  auto compressed = plain_client.Get("/assets/yasgui/yasgui.min.js", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(plain && compressed);
  EXPECT_EQ(plain->status, 200);
  EXPECT_EQ(plain->body.size(), std::filesystem::file_size(script));
  EXPECT_EQ(compressed->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(compressed->body.size(), plain->body.size());
  EXPECT_EQ(publish::gunzip(compressed->body), plain->body);
}

TEST_F(Endpoint, DescribesItselfWithoutAQuery) {
  auto turtle = client().Get("/sparql", {{"Accept", "text/turtle"}});
  ASSERT_TRUE(turtle);
  EXPECT_EQ(turtle->status, 200);
  EXPECT_EQ(turtle->get_header_value("Content-Type"), "text/turtle; charset=utf-8");
  EXPECT_NE(turtle->body.find("sd:Service"), std::string::npos) << turtle->body;
  auto html = client().Get("/sparql", {{"Accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
  ASSERT_TRUE(html);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->body.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(Endpoint, AllowsOtherOrigins) {
  auto response = get(actions_query, {{"Origin", "https://yasgui.example"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->get_header_value("Access-Control-Allow-Origin"), "*");
  auto preflight =
      client().Options("/sparql", {{"Origin", "https://yasgui.example"},
                                   {"Access-Control-Request-Method", "POST"},
                                   {"Access-Control-Request-Headers", "Content-Type"}});
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Methods").find("POST"),
            std::string::npos);
  EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Headers").find("Content-Type"),
            std::string::npos);
}

TEST_F(Endpoint, ValidatesWithETags) {
  auto first = get(actions_query);
  ASSERT_TRUE(first);
  const std::string etag = first->get_header_value("ETag");
  EXPECT_FALSE(etag.empty());
  EXPECT_FALSE(first->get_header_value("Last-Modified").empty());
  auto again = get(actions_query, {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  auto other = get(actions_query, {{"If-None-Match", "\"something-else\""}});
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 200);
}

TEST_F(Endpoint, SaysWhenTheRowLimitTruncates) {
  auto response = get("SELECT ?a WHERE { ?a a <https://w3id.org/werkagenda/def#Action> }");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("SPARQL-Results-Truncated"), "limit=50");
  EXPECT_NE(response->body.find("\"truncated\":true"), std::string::npos);
  auto whole = get(actions_query);
  EXPECT_FALSE(whole->has_header("SPARQL-Results-Truncated"));
}

TEST_F(Endpoint, StopsARunawayQueryAndKeepsServingOthers) {
  const std::string cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
  auto runaway = std::async(std::launch::async, [&] { return get(cartesian); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto meanwhile = get("ASK { ?s ?p ?o }");
  ASSERT_TRUE(meanwhile);
  EXPECT_EQ(meanwhile->status, 200);
  auto stopped = runaway.get();
  ASSERT_TRUE(stopped);
  // Stopped by the 2 s deadline (504) or, on a fast machine, by the memory
  // budget first (503): either way an answer that names the limit.
  EXPECT_TRUE(stopped->status == 504 || stopped->status == 503) << stopped->status;
  EXPECT_TRUE(stopped->body.find("2000 ms") != std::string::npos ||
              stopped->body.find("memory budget") != std::string::npos)
      << stopped->body;
  auto after = get(actions_query);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->status, 200);
}

TEST_F(Endpoint, ServesParallelClients) {
  std::vector<std::future<int>> clients;
  for (int c = 0; c < 8; ++c) {
    clients.push_back(std::async(std::launch::async, [c] {
      int ok = 0;
      for (int i = 0; i < 10; ++i) {
        auto response = get("SELECT ?x WHERE { BIND(" + std::to_string(c * 100 + i) + " AS ?x) }");
        if (response && response->status == 200 &&
            response->body.find("\"" + std::to_string(c * 100 + i) + "\"") != std::string::npos) {
          ++ok;
        }
      }
      return ok;
    }));
  }
  for (auto& client : clients)
    EXPECT_EQ(client.get(), 10);
}

TEST_F(Endpoint, NoQueryMakesTheServerOpenAConnectionOrAFile) {
  LoopbackListener listener;
  const std::string url = "http://127.0.0.1:" + std::to_string(listener.port()) + "/sparql";
  const std::string secret_path = "/tmp/werkagenda-secret-" + std::to_string(::getpid()) + ".ttl";
  const std::string secret = "werkagenda-secret-value-4711";
  std::ofstream(secret_path) << "<http://e/s> <http://e/p> \"" << secret << "\" .\n";
  const std::string file = "file://" + secret_path;
  const std::vector<std::string> attempts = {
      "SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }",
      "SELECT * WHERE { SERVICE SILENT <" + url + "> { ?s ?p ?o } }",
      "SELECT * WHERE { ?x ?y ?z OPTIONAL { SERVICE <" + url + "> { ?s ?p ?o } } } LIMIT 1",
      "SELECT * FROM <" + url + "> WHERE { ?s ?p ?o }",
      "SELECT * FROM NAMED <" + url + "> WHERE { GRAPH ?g { ?s ?p ?o } }",
      "SELECT * WHERE { SERVICE <" + file + "> { ?s ?p ?o } }",
      "SELECT * FROM <" + file + "> WHERE { ?s ?p ?o }",
      "SELECT ?o WHERE { <http://e/s> <http://e/p> ?o }",
      "LOAD <" + url + ">",
      "LOAD <" + file + ">"};
  for (const std::string& attempt : attempts) {
    auto response = get(attempt);
    ASSERT_TRUE(response) << attempt;
    EXPECT_NE(response->status, 500) << attempt;
    EXPECT_EQ(response->body.find(secret), std::string::npos) << attempt;
  }
  EXPECT_FALSE(listener.contacted(300));
  std::remove(secret_path.c_str());
}

TEST_F(Endpoint, LogsOneLinePerRequest) {
  ASSERT_TRUE(get(actions_query + " # log"));
  // The line is written once the response is on its way: give it a moment.
  for (int i = 0; i < 100 && server->log().find("GET /sparql 200 ") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_NE(server->log().find("GET /sparql 200 "), std::string::npos) << server->log();
}

TEST(EndpointLifecycle, StopsCleanlyOnSigterm) {
  ServerProcess server;
  httplib::Client client(server.host(), server.port());
  auto response = client.Get("/sparql?query=ASK%20%7B%7D");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(server.stop(10), 0);
}

} // namespace
} // namespace wa::http
