// The per-predicate counts the planner estimates with: triples, distinct
// subjects and distinct objects of each predicate, graph by graph.
#include "store/indexed_dataset.hpp"

#include <gtest/gtest.h>

namespace wa::store {
namespace {

const std::string ex = "http://example.org/";

rdf::Term iri(const std::string& local) { return rdf::Term::iri(ex + local); }

/// Two people who each know two others (one shared), and one name each.
IndexedDataset people(const std::string& graph = "") {
  DatasetBuilder builder;
  const std::vector<rdf::Triple> triples = {
      {iri("alice"), iri("knows"), iri("bob")},
      {iri("alice"), iri("knows"), iri("carol")},
      {iri("bob"), iri("knows"), iri("carol")},
      {iri("bob"), iri("knows"), iri("dave")},
      {iri("alice"), iri("name"), rdf::Term::literal("Alice")},
      {iri("bob"), iri("name"), rdf::Term::literal("Bob")}};
  for (const rdf::Triple& triple : triples) {
    if (graph.empty()) {
      builder.add(triple);
    } else {
      builder.add(triple, ex + graph);
    }
  }
  return std::move(builder).build();
}

TEST(PredicateStatistics, CountsTriplesAndDistinctSubjectsAndObjects) {
  const IndexedDataset dataset = people();
  const TermId knows = *dataset.dictionary().find(iri("knows"));
  const PredicateCounts counts = dataset.statistics().of(no_term, knows);
  EXPECT_EQ(counts.triples, 4U);
  EXPECT_EQ(counts.subjects, 2U) << "alice and bob";
  EXPECT_EQ(counts.objects, 3U) << "bob, carol and dave";
  const PredicateCounts names =
      dataset.statistics().of(no_term, *dataset.dictionary().find(iri("name")));
  EXPECT_EQ(names.triples, 2U);
  EXPECT_EQ(names.subjects, 2U);
  EXPECT_EQ(names.objects, 2U);
}

TEST(PredicateStatistics, KeepsEachGraphsCountsApart) {
  const IndexedDataset dataset = people("g");
  const TermId knows = *dataset.dictionary().find(iri("knows"));
  const TermId graph = *dataset.dictionary().find(iri("g"));
  EXPECT_EQ(dataset.statistics().of(graph, knows).triples, 4U);
  EXPECT_EQ(dataset.statistics().of(no_term, knows).triples, 0U)
      << "the default graph holds none of them";
}

TEST(PredicateStatistics, IsZeroForAPredicateWithoutTriples) {
  const IndexedDataset dataset = people();
  const TermId alice = *dataset.dictionary().find(iri("alice"));
  const PredicateCounts counts = dataset.statistics().of(no_term, alice);
  EXPECT_EQ(counts.triples, 0U);
  EXPECT_EQ(counts.subjects, 0U);
  EXPECT_EQ(counts.objects, 0U);
}

} // namespace
} // namespace wa::store
