#include "rdf/model.hpp"
#include "rdf/namespaces.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace wa::rdf {
namespace {

const Term alice = Term::iri("http://example.org/alice");
const Term knows = Term::iri("http://example.org/knows");
const Term name = Term::iri("http://example.org/name");
const Term bob = Term::iri("http://example.org/bob");

/// Alice and Bob know each other; Alice has a name.
Model acquaintances() {
  Model model;
  model.add(alice, knows, bob);
  model.add(bob, knows, alice);
  model.add(alice, name, Term::literal("Alice"));
  return model;
}

TEST(Model, AddsEachTripleOnce) {
  Model model;
  model.add(alice, name, Term::literal("Alice"));
  model.add(alice, name, Term::literal("Alice"));
  EXPECT_EQ(model.size(), 1U);
}

TEST(Model, KeepsLiteralsApartByLanguageAndDatatype) {
  Model model;
  model.add(alice, name, Term::literal("Alice"));
  model.add(alice, name, Term::literal("Alice", "en"));
  model.add(alice, name, Term::typed("Alice", "http://example.org/type"));
  EXPECT_EQ(model.size(), 3U);
  EXPECT_TRUE(model.contains({alice, name, Term::literal("Alice", "en")}));
  EXPECT_FALSE(model.contains({alice, name, Term::literal("Alice", "nl")}));
}

TEST(Model, TreatsXsdStringAsAPlainLiteral) {
  EXPECT_EQ(Term::typed("x", ns::term(ns::xsd, "string")), Term::literal("x"));
}

TEST(Model, MatchesWithWildcards) {
  const Model model = acquaintances();
  EXPECT_EQ(model.match(alice, {}, {}).size(), 2U);
  EXPECT_EQ(model.match({}, knows, {}).size(), 2U);
  EXPECT_EQ(model.subjects(knows, alice), std::vector<Term>{bob});
  EXPECT_EQ(model.objects(alice, knows), std::vector<Term>{bob});
  EXPECT_EQ(model.object(bob, name), std::nullopt);
}

TEST(Model, IteratesInSortedOrder) {
  Model model;
  model.add(Term::iri("http://example.org/b"), name, Term::literal("b"));
  model.add(Term::iri("http://example.org/a"), name, Term::literal("a"));
  std::vector<Triple> triples = model.triples();
  ASSERT_EQ(triples.size(), 2U);
  EXPECT_EQ(triples[0].subject.value, "http://example.org/a");
}

TEST(Model, VisitsTheMatchingTriplesOneByOneInTheOrderMatchGivesThem) {
  const Model model = acquaintances();
  std::vector<Triple> visited;
  model.for_each({}, knows, {}, [&](const Triple& triple) { visited.push_back(triple); });
  EXPECT_EQ(visited, model.match({}, knows, {}));
  visited.clear();
  model.for_each_triple([&](const Triple& triple) { visited.push_back(triple); });
  EXPECT_EQ(visited, model.triples());
}

TEST(Model, CopiesAnotherModelTermForTerm) {
  Model from = acquaintances();
  from.add(alice, name, Term::literal("Alice", "en"));
  from.add(alice, name, Term::typed("Alice", "http://example.org/type"));
  from.add(Term::blank("b0"), knows, alice);
  Model into;
  into.add(bob, name, Term::literal("Bob"));
  into.add_all(from);
  into.add_all(into); // a model already holds itself
  EXPECT_EQ(into.size(), from.size() + 1);
  for (const Triple& triple : from.triples())
    EXPECT_TRUE(into.contains(triple)) << triple.object.value;
}

TEST(Model, WritesTermsAsNTriples) {
  EXPECT_EQ(Term::literal("say \"hi\"\n", "en").to_ntriples(), "\"say \\\"hi\\\"\\n\"@en");
  EXPECT_EQ(Term::typed("1", "http://t").to_ntriples(), "\"1\"^^<http://t>");
  EXPECT_EQ(alice.to_ntriples(), "<http://example.org/alice>");
}

} // namespace
} // namespace wa::rdf

namespace wa::rdf {
namespace {

// The HTTP layer describes resources from one model on many request threads
// at once; looking a term up must not disturb another thread's lookup.
TEST(Model, AnswersLookupsFromManyThreadsAtOnce) {
  Model model;
  for (int i = 0; i < 100; ++i)
    model.add(Term::iri("urn:s:" + std::to_string(i)), Term::iri("urn:p"),
              Term::literal(std::to_string(i)));
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) {
        const int at = (i * 7 + t) % 100;
        if (model.objects(Term::iri("urn:s:" + std::to_string(at)), Term::iri("urn:p")).size() != 1)
          ++wrong;
        if (!model
                 .match(Term::iri("urn:absent:" + std::to_string(t) + ":" + std::to_string(i)), {},
                        {})
                 .empty())
          ++wrong;
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(model.size(), 100U);
}

} // namespace
} // namespace wa::rdf
