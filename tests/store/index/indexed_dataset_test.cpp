// The dataset as built: graphs, the union default graph, the graphs' list.
#include "store/indexed_dataset.hpp"

#include <gtest/gtest.h>

namespace wa::store {
namespace {

const std::string ex = "http://example.org/";

rdf::Triple triple(const std::string& s, const std::string& o) {
  return {rdf::Term::iri(ex + s), rdf::Term::iri(ex + "p"), rdf::Term::literal(o)};
}

TEST(IndexedDataset, KeepsTheDefaultGraphApartFromNamedOnes) {
  DatasetBuilder builder;
  builder.add(triple("s", "default"));
  builder.add(triple("s", "named"), ex + "g");
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_EQ(dataset.default_graph_size(), 1U);
  ASSERT_EQ(dataset.named_graphs().size(), 1U);
  EXPECT_EQ(dataset.quads().count({dataset.named_graphs()[0], 0, 0, 0}), 1U);
  EXPECT_EQ(dataset.quads().size(), 2U);
}

TEST(IndexedDataset, MakesTheDefaultGraphTheUnionOnceForEachTriple) {
  DatasetBuilder builder;
  builder.add(triple("s", "both"), ex + "g1");
  builder.add(triple("s", "both"), ex + "g2");
  builder.add(triple("s", "only"), ex + "g2");
  builder.add(triple("s", "both"));
  builder.default_graph_is_union();
  const IndexedDataset dataset = std::move(builder).build();
  EXPECT_EQ(dataset.default_graph_size(), 2U);
  EXPECT_EQ(dataset.quads().size(), 5U);
  const auto both = dataset.dictionary().find(rdf::Term::literal("both"));
  ASSERT_TRUE(both);
  EXPECT_EQ(dataset.quads().count({no_term, 0, 0, *both}), 1U);
}

TEST(IndexedDataset, ListsNamedGraphsOnceInIdOrder) {
  DatasetBuilder builder;
  builder.add(triple("a", "x"), ex + "g2");
  builder.add(triple("b", "x"), ex + "g1");
  builder.add(triple("c", "x"), ex + "g2");
  builder.add_graph(ex + "g1");
  const IndexedDataset dataset = std::move(builder).build();
  const auto g1 = dataset.dictionary().find(rdf::Term::iri(ex + "g1"));
  const auto g2 = dataset.dictionary().find(rdf::Term::iri(ex + "g2"));
  ASSERT_TRUE(g1 && g2);
  EXPECT_EQ(dataset.named_graphs(), (std::vector<TermId>{*g2, *g1}));
  EXPECT_LT(*g2, *g1);
}

TEST(IndexedDataset, DeclaresAnEmptyNamedGraph) {
  DatasetBuilder builder;
  builder.add_graph(ex + "empty");
  const IndexedDataset dataset = std::move(builder).build();
  ASSERT_EQ(dataset.named_graphs().size(), 1U);
  EXPECT_EQ(dataset.quads().count({dataset.named_graphs()[0], 0, 0, 0}), 0U);
  EXPECT_EQ(dataset.default_graph_size(), 0U);
}

TEST(IndexedDataset, CanonicalisesTermsAsItAddsThem) {
  DatasetBuilder builder;
  builder.add({rdf::Term::iri(ex + "s"), rdf::Term::iri(ex + "p"), rdf::Term::literal("x", "EN")});
  builder.add({rdf::Term::iri(ex + "s"), rdf::Term::iri(ex + "p"), rdf::Term::literal("x", "en")});
  EXPECT_EQ(std::move(builder).build().default_graph_size(), 1U);
}

} // namespace
} // namespace wa::store
