// Linked data as a client follows it: IRIs answer 303 to a description
// document chosen by content negotiation; documents, dumps, VoID, sitemap.
#include "publish/checksum.hpp"
#include "publish/gzip.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/project.hpp"
#include "support/server_process.hpp"

#include <httplib.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <thread>

#include <gtest/gtest.h>

namespace wa::http {
namespace {

using test::ServerProcess;

class LinkedDataTest : public ::testing::Test {
protected:
  static ServerProcess* server;
  static void SetUpTestSuite() { server = new ServerProcess({"--workers", "1"}); }
  static void TearDownTestSuite() {
    delete server;
    server = nullptr;
  }
  static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client(server->host(), server->port());
    client.set_read_timeout(30, 0);
    return client.Get(path.c_str(), headers);
  }
  /// The store's answer to a COUNT query, through the SPARQL endpoint.
  static std::size_t count_in_store(const std::string& pattern) {
    std::string query = "SELECT (COUNT(*) AS ?n) WHERE { " + pattern + " }";
    std::string encoded;
    for (unsigned char c : query) {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += std::isalnum(c) != 0 ? std::string(1, static_cast<char>(c)) : std::string(hex);
    }
    auto response = get("/sparql?format=csv&query=" + encoded);
    if (!response || response->status != 200) return 0;
    return std::stoul(response->body.substr(response->body.find("\r\n") + 2));
  }
  static std::size_t triples_in(const std::string& body, rdf::Syntax syntax) {
    rdf::Model model;
    rdf::read_string(model, body, "", "response", syntax);
    return model.size();
  }
};

ServerProcess* LinkedDataTest::server = nullptr;

TEST_F(LinkedDataTest, AnIriAnswers303ToTheDocumentTheClientAccepts) {
  const std::vector<std::pair<std::string, std::string>> accepts = {
      {"text/html", ".html"},
      {"text/turtle", ".ttl"},
      {"application/n-triples", ".nt"},
      {"application/rdf+xml", ".rdf"},
      {"application/ld+json", ".jsonld"},
      {"*/*", ".ttl"},
      {"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", ".html"}};
  for (const std::string kind : {"action/3.3.5", "goal/1.1.1", "priority/2.4", "programme-line/5",
                                 "organisation/BZK", "indicator/1.1.1", "agenda/2022"}) {
    for (const auto& [accept, extension] : accepts) {
      auto response = get("/id/" + kind, {{"Accept", accept}});
      ASSERT_TRUE(response);
      EXPECT_EQ(response->status, 303) << kind << " " << accept;
      EXPECT_EQ(response->get_header_value("Location"), "/doc/" + kind + extension)
          << kind << " " << accept;
    }
  }
}

TEST_F(LinkedDataTest, AnUnacceptableFormatIs406) {
  auto response = get("/id/action/3.3.5", {{"Accept", "image/png"}});
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 406);
}

TEST_F(LinkedDataTest, DocumentsComeInEveryFormatWithTheirMediaType) {
  const std::vector<std::pair<std::string, std::string>> formats = {
      {"html", "text/html; charset=utf-8"},
      {"ttl", "text/turtle; charset=utf-8"},
      {"nt", "application/n-triples; charset=utf-8"},
      {"rdf", "application/rdf+xml; charset=utf-8"},
      {"jsonld", "application/ld+json; charset=utf-8"}};
  for (const std::string document :
       {"/doc/action/3.3.5", "/doc/organisation/BZK", "/doc/legislation/32022R2065"}) {
    for (const auto& [extension, media_type] : formats) {
      auto response = get(document + "." + extension);
      ASSERT_TRUE(response);
      EXPECT_EQ(response->status, 200) << document << "." << extension;
      EXPECT_EQ(response->get_header_value("Content-Type"), media_type);
      EXPECT_FALSE(response->body.empty());
    }
  }
}

TEST_F(LinkedDataTest, ADocumentHoldsTheResourceItsNeighboursAndItsIncomingLinks) {
  auto turtle = get("/doc/legislation/32022R2065.ttl");
  ASSERT_TRUE(turtle);
  rdf::Model model;
  rdf::read_string(model, turtle->body, "", "dsa.ttl");
  const rdf::Term dsa = rdf::Term::iri("http://data.europa.eu/eli/reg/2022/2065/oj");
  EXPECT_FALSE(
      model.match(dsa, rdf::Term::iri("http://data.europa.eu/eli/ontology#id_local"), {}).empty());
  const rdf::Term action = rdf::Term::iri("https://w3id.org/werkagenda/id/action/1.3.3");
  EXPECT_TRUE(model.contains({action, rdf::Term::iri("http://purl.org/dc/terms/references"), dsa}));
  EXPECT_FALSE(model.match(action, rdf::Term::iri("http://www.w3.org/2000/01/rdf-schema#label"), {})
                   .empty());
}

TEST_F(LinkedDataTest, ActPagesLinkToEliCelexAndEurLex) {
  auto page = get("/doc/legislation/32022R2065.html");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("http://data.europa.eu/eli/reg/2022/2065/oj"), std::string::npos);
  EXPECT_NE(page->body.find("uri=CELEX:32022R2065"), std::string::npos);
  EXPECT_NE(page->body.find("href=\"/doc/action/1.3.3\""), std::string::npos);
}

TEST_F(LinkedDataTest, PagesLinkToTheServersOwnPaths) {
  auto page = get("/doc/action/3.3.5.html");
  ASSERT_TRUE(page);
  EXPECT_NE(page->body.find("href=\"/doc/priority/3.3\""), std::string::npos);
  EXPECT_EQ(page->body.find("href=\"https://w3id.org/werkagenda/"), std::string::npos);
  EXPECT_NE(page->body.find("application/ld+json"), std::string::npos);
}

TEST_F(LinkedDataTest, UnknownIrisAre404WithAHelpfulPage) {
  for (const std::string path :
       {"/id/action/9.9.9", "/doc/action/9.9.9", "/doc/legislation/nothing", "/nothing"}) {
    auto html = get(path, {{"Accept", "text/html"}});
    ASSERT_TRUE(html);
    EXPECT_EQ(html->status, 404) << path;
    EXPECT_NE(html->body.find("href=\"/sparql\""), std::string::npos) << path;
    EXPECT_NE(html->body.find("href=\"/\""), std::string::npos) << path;
  }
}

TEST_F(LinkedDataTest, TheOntologyResolvesAtItsNamespace) {
  auto html = get("/def", {{"Accept", "text/html"}});
  ASSERT_TRUE(html);
  EXPECT_EQ(html->status, 200);
  EXPECT_NE(html->body.find("id=\"Action\""), std::string::npos);
  auto turtle = get("/def", {{"Accept", "text/turtle"}});
  ASSERT_TRUE(turtle);
  EXPECT_EQ(turtle->get_header_value("Content-Type"), "text/turtle; charset=utf-8");
  EXPECT_GT(triples_in(turtle->body, rdf::Syntax::turtle), 400U);
  auto redirect = get("/id/action/1.1.1", {{"Accept", "text/turtle"}});
  ASSERT_TRUE(redirect);
}

TEST_F(LinkedDataTest, EveryDumpHoldsExactlyTheStoresTriples) {
  auto whole = get("/dump/werkagenda.nt");
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->get_header_value("Content-Type"), "application/n-triples; charset=utf-8");
  EXPECT_EQ(triples_in(whole->body, rdf::Syntax::ntriples), count_in_store("?s ?p ?o"));
  for (const std::string part : {"agenda", "organisations", "legislation", "ontology"}) {
    const std::size_t in_store =
        count_in_store("GRAPH <https://w3id.org/werkagenda/graph/" + part + "> { ?s ?p ?o }");
    EXPECT_GT(in_store, 0U) << part;
    auto nt = get("/dump/" + part + ".nt");
    auto ttl = get("/dump/" + part + ".ttl");
    auto gz = get("/dump/" + part + ".ttl.gz");
    ASSERT_TRUE(nt && ttl && gz);
    EXPECT_EQ(triples_in(nt->body, rdf::Syntax::ntriples), in_store) << part;
    EXPECT_EQ(triples_in(ttl->body, rdf::Syntax::turtle), in_store) << part;
    EXPECT_EQ(publish::gunzip(gz->body), ttl->body) << part;
  }
}

TEST_F(LinkedDataTest, DumpsCarryLengthValidatorsAndHonourGzip) {
  auto plain = get("/dump/agenda.ttl");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->get_header_value("Content-Length"), std::to_string(plain->body.size()));
  const std::string etag = plain->get_header_value("ETag");
  EXPECT_FALSE(etag.empty());
  EXPECT_FALSE(plain->get_header_value("Last-Modified").empty());
  auto again = get("/dump/agenda.ttl", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  httplib::Client raw(server->host(), server->port());
  raw.set_decompress(false);
  auto compressed = raw.Get("/dump/agenda.ttl", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(compressed);
  EXPECT_EQ(compressed->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(publish::gunzip(compressed->body), plain->body);
}

TEST_F(LinkedDataTest, VoidDescribesTheDataset) {
  auto response = get("/.well-known/void");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type"), "text/turtle; charset=utf-8");
  rdf::Model model;
  rdf::read_string(model, response->body, "", "void.ttl");
  const rdf::Term dataset = rdf::Term::iri("https://w3id.org/werkagenda/dataset");
  auto triples = model.object(dataset, rdf::Term::iri("http://rdfs.org/ns/void#triples"));
  ASSERT_TRUE(triples.has_value());
  EXPECT_EQ(std::stoul(triples->value), count_in_store("?s ?p ?o"));
  EXPECT_TRUE(
      model.object(dataset, rdf::Term::iri("http://rdfs.org/ns/void#sparqlEndpoint")).has_value());
  EXPECT_GE(model.objects(dataset, rdf::Term::iri("http://rdfs.org/ns/void#subset")).size(), 3U);
}

TEST_F(LinkedDataTest, TheCatalogueDescribesEveryWholeDumpByItsTrueSizeAndChecksum) {
  auto response = get("/catalogue");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type"), "text/turtle; charset=utf-8");
  rdf::Model catalogue;
  rdf::read_string(catalogue, response->body, "", "catalogue.ttl");
  const std::string dcat = "http://www.w3.org/ns/dcat#";
  const std::string spdx = "http://spdx.org/rdf/terms#";
  const std::string base = "https://w3id.org/werkagenda/";
  std::vector<rdf::Term> distributions =
      catalogue.objects(rdf::Term::iri(base + "dataset"), rdf::Term::iri(dcat + "distribution"));
  EXPECT_EQ(distributions.size(), 7U); // six dumps and the source text
  for (const rdf::Term& distribution : distributions) {
    auto url = catalogue.object(distribution, rdf::Term::iri(dcat + "downloadURL"));
    auto size = catalogue.object(distribution, rdf::Term::iri(dcat + "byteSize"));
    auto checksum = catalogue.object(distribution, rdf::Term::iri(spdx + "checksum"));
    ASSERT_TRUE(url && size && checksum) << distribution.value;
    auto value = catalogue.object(*checksum, rdf::Term::iri(spdx + "checksumValue"));
    ASSERT_TRUE(value.has_value());
    ASSERT_TRUE(url->value.starts_with(base));
    httplib::Client raw(server->host(), server->port());
    raw.set_decompress(false);
    auto file = raw.Get(("/" + url->value.substr(base.size())).c_str());
    ASSERT_TRUE(file);
    ASSERT_EQ(file->status, 200) << url->value;
    EXPECT_EQ(std::to_string(file->body.size()), size->value) << url->value;
    EXPECT_EQ(publish::sha256_hex(file->body), value->value) << url->value;
  }
}

TEST_F(LinkedDataTest, TheSourceTextIsServedByteForByteAsTheFileInTheRepository) {
  const std::string name = "werkagenda-waardengedreven-digitaliseren-2022.txt";
  httplib::Client raw(server->host(), server->port());
  raw.set_decompress(false);
  auto served = raw.Get(("/source/" + name).c_str());
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
  EXPECT_EQ(served->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  std::ifstream in(test::project_root() / "data/source" / name, std::ios::binary);
  const std::string file{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  ASSERT_FALSE(file.empty());
  EXPECT_EQ(served->body, file);
  auto other = get("/source/werkagenda.ttl");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->status, 404);
}

TEST_F(LinkedDataTest, TheServedCatalogueNamesTheProjectAsPublisherAndBzkAsAuthorOfTheSource) {
  auto response = get("/catalogue.ttl");
  ASSERT_TRUE(response);
  rdf::Model catalogue;
  rdf::read_string(catalogue, response->body, "", "catalogue.ttl");
  const std::string base = "https://w3id.org/werkagenda/";
  const rdf::Term dct_publisher = rdf::Term::iri("http://purl.org/dc/terms/publisher");
  const rdf::Term dct_creator = rdf::Term::iri("http://purl.org/dc/terms/creator");
  EXPECT_EQ(catalogue.object(rdf::Term::iri(base + "dataset"), dct_publisher),
            rdf::Term::iri(base + "catalogue#werkagenda-ld"));
  EXPECT_EQ(
      catalogue.object(rdf::Term::iri("https://zoek.officielebekendmakingen.nl/kst-26643-940.html"),
                       dct_creator),
      rdf::Term::iri("https://identifier.overheid.nl/tooi/id/ministerie/mnre1034"));
}

TEST_F(LinkedDataTest, TheCatalogueComesInOtherRdfFormatsByNegotiation) {
  auto ntriples = get("/catalogue", {{"Accept", "application/n-triples"}});
  ASSERT_TRUE(ntriples);
  EXPECT_EQ(ntriples->get_header_value("Content-Type"), "application/n-triples; charset=utf-8");
  auto jsonld = get("/catalogue", {{"Accept", "application/ld+json"}});
  ASSERT_TRUE(jsonld);
  EXPECT_EQ(jsonld->get_header_value("Content-Type"), "application/ld+json; charset=utf-8");
}

TEST_F(LinkedDataTest, SitemapAndRobots) {
  auto sitemap = get("/sitemap.xml");
  ASSERT_TRUE(sitemap);
  EXPECT_NE(sitemap->body.find("/doc/action/3.3.5.html</loc>"), std::string::npos);
  // A proposal is an eli:Work and a LegislativeProposal; its page is listed once.
  const std::string act_page = "/doc/legislation/52021PC0206.html</loc>";
  const std::size_t first = sitemap->body.find(act_page);
  ASSERT_NE(first, std::string::npos);
  EXPECT_EQ(sitemap->body.find(act_page, first + 1), std::string::npos);
  // The agenda fits one file: there are no parts.
  auto part = get("/sitemap-1.xml");
  ASSERT_TRUE(part);
  EXPECT_EQ(part->status, 404);
  auto robots = get("/robots.txt");
  ASSERT_TRUE(robots);
  EXPECT_NE(robots->body.find("Sitemap: "), std::string::npos);
}

TEST_F(LinkedDataTest, TheIndexReadsLikeTheAgenda) {
  auto index = get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  for (const char* expected : {"href=\"/doc/programme-line/1\"", "href=\"/doc/priority/5.1\"",
                               "href=\"/doc/action/4.3.15\"", "href=\"/doc/organisation/BZK\"",
                               "href=\"/doc/legislation/32024R1689\""}) {
    EXPECT_NE(index->body.find(expected), std::string::npos) << expected;
  }
}

} // namespace
} // namespace wa::http

namespace wa::http {
namespace {

// Documents are described from the dataset's model on many request threads at
// once (a shared Sord model once crashed the server under 32 such clients).
TEST_F(LinkedDataTest, ServesDocumentsToManyClientsAtOnce) {
  const std::vector<std::string> paths = {"/doc/action/1.1.1.ttl", "/doc/action/1.1.1.html",
                                          "/doc/priority/1.1.ttl", "/doc/absent/9.9.ttl"};
  std::atomic<int> wrong{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 8; ++c) {
    clients.emplace_back([&, c] {
      for (int i = 0; i < 250; ++i) {
        const std::string& path = paths[static_cast<std::size_t>(c + i) % paths.size()];
        auto response = get(path);
        const int expected = path.find("absent") != std::string::npos ? 404 : 200;
        if (!response || response->status != expected) ++wrong;
      }
    });
  }
  for (std::thread& client : clients)
    client.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(get("/doc/action/1.1.1.ttl")->status, 200);
}

} // namespace
} // namespace wa::http
