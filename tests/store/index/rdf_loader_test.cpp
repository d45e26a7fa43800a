// Files of every syntax into the engine's store: blank nodes scoped per
// file, relative IRIs resolved, bad input named by its line, and RDF/XML
// read without touching anything but the file.
#include "store/rdf_loader.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

namespace wa::store {
namespace {

const std::string ex = "http://example.org/";
const std::string xsd = "http://www.w3.org/2001/XMLSchema#";

std::filesystem::path data(const std::string& name) {
  return std::filesystem::path(WERKAGENDA_TEST_DATA) / "store/index" / name;
}

IndexedDataset load(const std::vector<std::string>& names, const LoadTarget& target = {}) {
  DatasetBuilder builder;
  for (const std::string& name : names)
    load_file(builder, data(name), target);
  return std::move(builder).build();
}

/// The quads of one graph (no_term: the default graph) in N-Triples form.
std::multiset<std::string> triples_of(const IndexedDataset& dataset, TermId graph = no_term) {
  std::multiset<std::string> triples;
  const QuadRange range = dataset.quads().match({graph, no_term, no_term, no_term});
  const Dictionary& terms = dataset.dictionary();
  for (std::size_t i = 0; i < range.size(); ++i) {
    triples.insert(terms.term(range[i].subject).to_ntriples() + " " +
                   terms.term(range[i].predicate).to_ntriples() + " " +
                   terms.term(range[i].object).to_ntriples());
  }
  return triples;
}

std::size_t triples_with(const IndexedDataset& dataset, const rdf::Term& object) {
  auto id = dataset.dictionary().find(object);
  return id ? dataset.quads().count({no_term, no_term, no_term, *id}) : 0;
}

TermId id_of(const IndexedDataset& dataset, const rdf::Term& term) {
  auto id = dataset.dictionary().find(term);
  EXPECT_TRUE(id) << term.to_ntriples();
  return id.value_or(no_term);
}

/// The values of the dataset's terms of one kind.
std::vector<std::string> values_of(const IndexedDataset& dataset, rdf::Term::Kind kind) {
  std::vector<std::string> values;
  for (std::size_t id = 1; id <= dataset.dictionary().size(); ++id) {
    const rdf::Term& term = dataset.dictionary().term(static_cast<TermId>(id));
    if (term.kind == kind) values.push_back(term.value);
  }
  return values;
}

std::set<std::string> blank_labels(const IndexedDataset& dataset) {
  const std::vector<std::string> labels = values_of(dataset, rdf::Term::Kind::blank);
  return {labels.begin(), labels.end()};
}

/// The message of the LoadError that loading `name` throws.
std::string load_error(const std::string& name) {
  DatasetBuilder builder;
  try {
    load_file(builder, data(name));
  } catch (const LoadError& error) {
    return error.what();
  }
  ADD_FAILURE() << name << " loaded without an error";
  return {};
}

TEST(RdfLoader, KnowsEachSyntaxByItsExtension) {
  EXPECT_EQ(syntax_of("a.ttl"), RdfSyntax::turtle);
  EXPECT_EQ(syntax_of("a.nt"), RdfSyntax::ntriples);
  EXPECT_EQ(syntax_of("a.nq"), RdfSyntax::nquads);
  EXPECT_EQ(syntax_of("a.trig"), RdfSyntax::trig);
  EXPECT_EQ(syntax_of("dir/a.rdf"), RdfSyntax::rdfxml);
  EXPECT_EQ(syntax_of("a.owl"), RdfSyntax::rdfxml);
  EXPECT_EQ(syntax_of("a.xml"), RdfSyntax::rdfxml);
  EXPECT_THROW((void)syntax_of("data.csv"), LoadError);
  EXPECT_THROW((void)syntax_of("ttl"), LoadError);
}

TEST(RdfLoader, ReadsNTriples) {
  DatasetBuilder builder;
  EXPECT_EQ(load_file(builder, data("plain.nt")), 3U);
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_EQ(triples_with(dataset, rdf::Term::literal("een", "nl")), 1U);
  EXPECT_EQ(triples_with(dataset, rdf::Term::typed("2", xsd + "integer")), 1U);
  EXPECT_EQ(blank_labels(dataset).size(), 2U);
}

TEST(RdfLoader, ScopesBlankNodesToTheirFile) {
  const IndexedDataset dataset = load({"first.ttl", "second.ttl"});
  // ex:a ex:p _:x (first file) and ex:b ex:p _:x (second): two blank nodes.
  const TermId p = id_of(dataset, rdf::Term::iri(ex + "p"));
  std::set<TermId> objects;
  const QuadRange range = dataset.quads().match({no_term, no_term, p, no_term});
  for (std::size_t i = 0; i < range.size(); ++i)
    if (dataset.dictionary().term(range[i].object).is_blank()) objects.insert(range[i].object);
  EXPECT_EQ(objects.size(), 2U);
  // Within one file, _:x is one node: the object of ex:a ex:p and the subject of ex:q.
  const TermId q = id_of(dataset, rdf::Term::iri(ex + "q"));
  const QuadRange with_q = dataset.quads().match({no_term, no_term, q, no_term});
  ASSERT_EQ(with_q.size(), 1U);
  EXPECT_TRUE(objects.contains(with_q[0].subject));
}

TEST(RdfLoader, KeepsGeneratedBlankNodesOfTwoLoadsApart) {
  // [ ] and ( ) get labels from Serd: the same file read twice is two sets of nodes.
  const IndexedDataset once = load({"anonymous.ttl"});
  const IndexedDataset twice = load({"anonymous.ttl", "anonymous.ttl"});
  EXPECT_EQ(blank_labels(once).size(), 3U); // [ ], and the list's two cells
  EXPECT_EQ(blank_labels(twice).size(), 6U);
  EXPECT_EQ(twice.quads().size(), 2 * once.quads().size());
}

TEST(RdfLoader, MakesValidBlankNodeLabels) {
  const IndexedDataset dataset =
      load({"first.ttl", "anonymous.ttl", "plain.nt", "internal-entity.rdf", "small.rdf"});
  const std::regex label("[A-Za-z_][A-Za-z0-9_.-]*[A-Za-z0-9_-]");
  const std::set<std::string> labels = blank_labels(dataset);
  EXPECT_EQ(labels.size(), 1U + 3U + 2U + 2U);
  for (const std::string& value : labels)
    EXPECT_TRUE(std::regex_match(value, label)) << value;
}

TEST(RdfLoader, ResolvesRelativeIrisAndCanonicalisesLiterals) {
  const IndexedDataset dataset = load({"first.ttl"}, {"", "http://base.example/dir/"});
  EXPECT_TRUE(dataset.dictionary().find(rdf::Term::iri("http://base.example/dir/rel")));
  EXPECT_EQ(triples_with(dataset, rdf::Term::literal("x")), 1U);
  EXPECT_EQ(triples_with(dataset, rdf::Term::literal("one", "en")), 1U);
}

TEST(RdfLoader, ResolvesAgainstTheFileAndItsBaseDirective) {
  const IndexedDataset dataset = load({"base.ttl"});
  const std::string file =
      "file://" + std::filesystem::absolute(data("base.ttl")).lexically_normal().string();
  const std::string dir = file.substr(0, file.rfind('/') + 1);
  EXPECT_EQ(triples_of(dataset), (std::multiset<std::string>{
                                     "<" + dir + "here> <" + ex + "p> <" + dir + "sub/there>",
                                     "<http://other.example/x/here> <" + ex + "p> <" + ex + "o>",
                                 }));
}

TEST(RdfLoader, PutsQuadsInTheirGraphs) {
  DatasetBuilder builder;
  EXPECT_EQ(load_file(builder, data("quads.nq")), 2U);
  const IndexedDataset dataset = std::move(builder).build();
  ASSERT_EQ(dataset.named_graphs().size(), 1U);
  EXPECT_EQ(dataset.dictionary().term(dataset.named_graphs()[0]).value, ex + "g1");
  EXPECT_EQ(dataset.default_graph_size(), 1U);
  EXPECT_EQ(dataset.quads().count({dataset.named_graphs()[0], no_term, no_term, no_term}), 1U);
}

TEST(RdfLoader, PutsQuadsWithoutAGraphIntoTheGraphAskedFor) {
  DatasetBuilder builder;
  EXPECT_EQ(load_file(builder, data("quads.nq"), {ex + "target", ""}), 2U);
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_EQ(dataset.named_graphs().size(), 2U);
  EXPECT_EQ(dataset.default_graph_size(), 0U);
  EXPECT_EQ(triples_of(dataset, id_of(dataset, rdf::Term::iri(ex + "target"))),
            (std::multiset<std::string>{"<" + ex + "s> <" + ex + "p> \"o\""}));
}

TEST(RdfLoader, ReadsTriGGraphs) {
  DatasetBuilder builder;
  EXPECT_EQ(load_file(builder, data("graphs.trig"), {"", "http://base.example/"}), 4U);
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_EQ(triples_of(dataset),
            (std::multiset<std::string>{"<" + ex + "s> <" + ex + "p> \"default\""}));
  const TermId g1 = id_of(dataset, rdf::Term::iri(ex + "g1"));
  const TermId g2 = id_of(dataset, rdf::Term::iri("http://base.example/g2"));
  EXPECT_EQ(dataset.named_graphs(), (std::vector<TermId>{std::min(g1, g2), std::max(g1, g2)}));
  EXPECT_EQ(triples_of(dataset, g1).size(), 2U);
  EXPECT_EQ(triples_of(dataset, g2),
            (std::multiset<std::string>{"<" + ex + "s> <" + ex + "p> \"two\""}));
}

TEST(RdfLoader, PutsAFileIntoTheNamedGraphAskedFor) {
  DatasetBuilder builder;
  EXPECT_EQ(load_file(builder, data("plain.nt"), {ex + "g", ""}), 3U);
  EXPECT_EQ(load_file(builder, data("small.rdf"), {ex + "g", ""}), 2U);
  const IndexedDataset dataset = std::move(builder).build();
  ASSERT_EQ(dataset.named_graphs().size(), 1U);
  EXPECT_EQ(dataset.default_graph_size(), 0U);
  EXPECT_EQ(dataset.quads().count({dataset.named_graphs()[0], no_term, no_term, no_term}), 5U);
}

TEST(RdfLoader, ReadsAnEmptyFileAsNoTriples) {
  for (const std::string name : {"empty.nt", "empty.rdf", "comment-only.ttl"}) {
    DatasetBuilder builder;
    EXPECT_EQ(load_file(builder, data(name)), 0U) << name;
    EXPECT_EQ(std::move(builder).build().quads().size(), 0U) << name;
  }
  DatasetBuilder builder;
  load_file(builder, data("empty.nt"), {ex + "g", ""});
  load_file(builder, data("empty.rdf"), {ex + "h", ""});
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_EQ(dataset.named_graphs().size(), 2U) << "an empty file's graph still exists";
}

TEST(RdfLoader, NamesTheLineOfBadInput) {
  EXPECT_NE(load_error("bad-line-2.nt").find("bad-line-2.nt:2:"), std::string::npos);
}

TEST(RdfLoader, NamesTheLineOfAnUndefinedPrefix) {
  const std::string message = load_error("undefined-prefix.ttl");
  EXPECT_NE(message.find("undefined-prefix.ttl:4:"), std::string::npos) << message;
  EXPECT_NE(message.find("nope:p"), std::string::npos) << message;
}

TEST(RdfLoader, RefusesANulByteNamingItsPlace) {
  const std::string message = load_error("nul-byte.ttl");
  EXPECT_NE(message.find("nul-byte.ttl:3:13: a NUL byte"), std::string::npos) << message;
}

TEST(RdfLoader, RefusesABlankGraphName) {
  const std::string message = load_error("blank-graph.nq");
  EXPECT_NE(message.find("blank-graph.nq:1:"), std::string::npos) << message;
}

TEST(RdfLoader, RefusesAMissingFile) {
  DatasetBuilder builder;
  EXPECT_THROW(load_file(builder, data("absent.ttl")), LoadError);
  EXPECT_THROW(load_file(builder, data("absent.rdf")), LoadError);
}

TEST(RdfLoader, ReadsRdfXmlWithLanguageAndDatatype) {
  DatasetBuilder builder;
  EXPECT_EQ(load_file(builder, data("small.rdf")), 2U);
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_EQ(triples_with(dataset, rdf::Term::literal("label", "nl")), 1U);
  EXPECT_EQ(triples_with(dataset, rdf::Term::typed("3", xsd + "integer")), 1U);
}

TEST(RdfLoader, ReadsInternalEntitiesOfRdfXml) {
  const IndexedDataset dataset = load({"internal-entity.rdf"});
  EXPECT_TRUE(dataset.dictionary().find(rdf::Term::iri(ex + "s")));
  EXPECT_EQ(dataset.quads().size(), 2U) << "rdf:nodeID n. and n_ are two nodes";
}

TEST(RdfLoader, NamesTheLineOfBadRdfXml) {
  const std::string message = load_error("bad-line-3.rdf");
  EXPECT_NE(message.find("bad-line-3.rdf:3:"), std::string::npos) << message;
}

/// A test file made from `name`.in, its @DIR@ the data directory and its
/// @PORT@ `port`; removed with the object.
class FileFromTemplate {
public:
  FileFromTemplate(const std::string& name, int port = 0) {
    std::ifstream in(data(name + ".in"));
    std::stringstream text;
    text << in.rdbuf();
    std::string file = std::regex_replace(text.str(), std::regex("@PORT@"), std::to_string(port));
    file = std::regex_replace(file, std::regex("@DIR@"),
                              std::filesystem::absolute(data("")).lexically_normal().string());
    path_ = std::filesystem::temp_directory_path() /
            ("werkagenda-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path_) << file;
  }
  FileFromTemplate(const FileFromTemplate&) = delete;
  FileFromTemplate& operator=(const FileFromTemplate&) = delete;
  ~FileFromTemplate() { std::filesystem::remove(path_); }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

/// Loads an RDF/XML file that asks for a file outside it (outside.txt,
/// outside.dtd, whose text says LEAKED): nothing of it may come in, or the
/// file is refused.
void expect_nothing_from_outside(const std::filesystem::path& file) {
  DatasetBuilder builder;
  try {
    load_file(builder, file);
  } catch (const LoadError&) {
    return; // refusing the file is as good as leaving the entity out
  }
  for (const std::string& value : values_of(std::move(builder).build(), rdf::Term::Kind::literal))
    EXPECT_EQ(value.find("LEAKED"), std::string::npos) << file << " read from outside: " << value;
}

TEST(RdfLoader, ReadsNoExternalEntityOfRdfXml) {
  const FileFromTemplate file("external-entity.rdf");
  expect_nothing_from_outside(file.path());
}

TEST(RdfLoader, ReadsNoExternalParameterEntityOfRdfXml) {
  const FileFromTemplate file("external-parameter-entity.rdf");
  expect_nothing_from_outside(file.path());
}

TEST(RdfLoader, ReadsNoExternalDtdOfRdfXml) {
  const FileFromTemplate file("external-subset.rdf");
  expect_nothing_from_outside(file.path());
}

TEST(RdfLoader, RefusesRdfXmlInEncodingsThatCouldHideADtd) {
  EXPECT_NE(load_error("utf16.rdf").find("NUL"), std::string::npos);
  EXPECT_NE(load_error("utf7.rdf").find("UTF-7"), std::string::npos);
}

/// A TCP port on 127.0.0.1 that only listens: a connection to it is a fetch.
class Listener {
public:
  Listener() : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    auto* any = reinterpret_cast<sockaddr*>(&address);
    if (socket_ < 0 || ::bind(socket_, any, length) != 0 || ::listen(socket_, 8) != 0 ||
        ::getsockname(socket_, any, &length) != 0)
      throw std::runtime_error("cannot listen on 127.0.0.1");
    port_ = ntohs(address.sin_port);
  }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;
  ~Listener() { ::close(socket_); }

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] bool was_called() const {
    pollfd waiting{socket_, POLLIN, 0};
    return ::poll(&waiting, 1, 0) > 0;
  }

private:
  int socket_;
  int port_ = 0;
};

TEST(RdfLoader, FetchesNothingOverTheNetworkForRdfXml) {
  Listener listener;
  const FileFromTemplate file("network.rdf", listener.port());
  const std::string port = std::to_string(listener.port());
  DatasetBuilder builder;
  std::optional<std::string> refused;
  try {
    load_file(builder, file.path());
  } catch (const LoadError& error) {
    refused = error.what();
  }
  EXPECT_FALSE(listener.was_called()) << "raptor connected to 127.0.0.1:" << port;
  if (!refused) {
    // xml:base names the network only to resolve "relative" against it.
    const IndexedDataset dataset = std::move(builder).build();
    EXPECT_TRUE(
        dataset.dictionary().find(rdf::Term::iri("http://127.0.0.1:" + port + "/base/relative")));
  }
}

} // namespace
} // namespace wa::store
