// Files of every syntax into the engine's store: blank nodes scoped per
// file, relative IRIs resolved, bad input named by its line, and RDF/XML
// read without touching anything but the file.
#include "store/rdf_loader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

namespace wa::store {
namespace {

std::filesystem::path data(const std::string& name) {
  return std::filesystem::path(WERKAGENDA_TEST_DATA) / "store/index" / name;
}

std::size_t triples_with(const IndexedDataset& dataset, const rdf::Term& object) {
  auto id = dataset.dictionary().find(object);
  return id ? dataset.quads().count({no_term, no_term, no_term, *id}) : 0;
}

TEST(RdfLoader, ScopesBlankNodesToTheirFile) {
  DatasetBuilder builder;
  load_file(builder, data("first.ttl"));
  load_file(builder, data("second.ttl"));
  const IndexedDataset dataset = std::move(builder).build();
  // ex:a ex:p _:x (first file) and ex:b ex:p _:x (second): two blank nodes.
  auto p = dataset.dictionary().find(rdf::Term::iri("http://example.org/p"));
  ASSERT_TRUE(p);
  std::set<TermId> objects;
  const QuadRange range = dataset.quads().match({no_term, no_term, *p, no_term});
  for (std::size_t i = 0; i < range.size(); ++i)
    if (dataset.dictionary().term(range[i].object).is_blank()) objects.insert(range[i].object);
  EXPECT_EQ(objects.size(), 2U);
}

TEST(RdfLoader, ResolvesRelativeIrisAndCanonicalisesLiterals) {
  DatasetBuilder builder;
  load_file(builder, data("first.ttl"), {"", "http://base.example/dir/"});
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_TRUE(dataset.dictionary().find(rdf::Term::iri("http://base.example/dir/rel")));
  EXPECT_EQ(triples_with(dataset, rdf::Term::literal("x")), 1U);
  EXPECT_EQ(triples_with(dataset, rdf::Term::literal("one", "en")), 1U);
}

TEST(RdfLoader, PutsQuadsInTheirGraphs) {
  DatasetBuilder builder;
  EXPECT_EQ(load_file(builder, data("quads.nq")), 2U);
  const IndexedDataset dataset = std::move(builder).build();
  ASSERT_EQ(dataset.named_graphs().size(), 1U);
  EXPECT_EQ(dataset.default_graph_size(), 1U);
  EXPECT_EQ(dataset.quads().count({dataset.named_graphs()[0], no_term, no_term, no_term}), 1U);
}

TEST(RdfLoader, PutsAFileIntoTheNamedGraphAskedFor) {
  DatasetBuilder builder;
  load_file(builder, data("empty.nt"), {"http://example.org/g", ""});
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_EQ(dataset.named_graphs().size(), 1U) << "an empty file's graph still exists";
  EXPECT_EQ(dataset.default_graph_size(), 0U);
}

TEST(RdfLoader, NamesTheLineOfBadInput) {
  DatasetBuilder builder;
  try {
    load_file(builder, data("bad-line-2.nt"));
    FAIL() << "read a bad line";
  } catch (const LoadError& error) {
    EXPECT_NE(std::string(error.what()).find("bad-line-2.nt:2:"), std::string::npos)
        << error.what();
  }
}

TEST(RdfLoader, ReadsRdfXmlWithLanguageAndDatatype) {
  DatasetBuilder builder;
  EXPECT_EQ(load_file(builder, data("small.rdf")), 2U);
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_EQ(triples_with(dataset, rdf::Term::literal("label", "nl")), 1U);
  EXPECT_EQ(
      triples_with(dataset, rdf::Term::typed("3", "http://www.w3.org/2001/XMLSchema#integer")), 1U);
}

TEST(RdfLoader, ReadsNoExternalEntityOfRdfXml) {
  DatasetBuilder builder;
  try {
    load_file(builder, data("external-entity.rdf"));
  } catch (const LoadError&) {
    return; // refusing the file is as good as leaving the entity out
  }
  const IndexedDataset dataset = std::move(builder).build();
  for (std::size_t id = 1; id <= dataset.dictionary().size(); ++id) {
    const rdf::Term& term = dataset.dictionary().term(static_cast<TermId>(id));
    EXPECT_FALSE(term.is_literal() && !term.value.empty()) << "read from outside: " << term.value;
  }
}

TEST(RdfLoader, RefusesAnUnknownExtension) { EXPECT_THROW((void)syntax_of("data.csv"), LoadError); }

} // namespace
} // namespace wa::store
