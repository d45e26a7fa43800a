// Every triple pattern in a graph is one range of a permutation, with an exact count.
#include "store/quad_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <vector>

namespace wa::store {
namespace {

// Graph 0 (default) and 9: subjects 1-2, predicates 3-4, objects 5-6.
QuadIndex sample() {
  return QuadIndex(
      {{0, 1, 3, 5}, {0, 1, 3, 6}, {0, 1, 4, 5}, {0, 2, 3, 5}, {9, 1, 3, 5}, {0, 1, 3, 5}});
}

TEST(QuadIndex, RemovesDuplicates) { EXPECT_EQ(sample().size(), 5U); }

TEST(QuadIndex, CountsEveryCombinationOfBoundPositionsExactly) {
  const QuadIndex index = sample();
  EXPECT_EQ(index.count({0, 0, 0, 0}), 4U);
  EXPECT_EQ(index.count({0, 1, 0, 0}), 3U);
  EXPECT_EQ(index.count({0, 0, 3, 0}), 3U);
  EXPECT_EQ(index.count({0, 0, 0, 5}), 3U);
  EXPECT_EQ(index.count({0, 1, 3, 0}), 2U);
  EXPECT_EQ(index.count({0, 0, 3, 5}), 2U);
  EXPECT_EQ(index.count({0, 1, 0, 5}), 2U);
  EXPECT_EQ(index.count({0, 1, 3, 5}), 1U);
  EXPECT_EQ(index.count({0, 2, 4, 0}), 0U);
}

TEST(QuadIndex, KeepsGraphsApart) {
  const QuadIndex index = sample();
  EXPECT_EQ(index.count({9, 0, 0, 0}), 1U);
  EXPECT_EQ(index.count({7, 0, 0, 0}), 0U);
}

TEST(QuadIndex, ReadsQuadsBackInTheirOwnFieldOrder) {
  const QuadIndex index = sample();
  const QuadRange range = index.match({0, 0, 4, 0});
  ASSERT_EQ(range.size(), 1U);
  EXPECT_EQ(range[0], (Quad{0, 1, 4, 5}));
  const QuadRange by_object = index.match({0, 2, 0, 5});
  ASSERT_EQ(by_object.size(), 1U);
  EXPECT_EQ(by_object[0], (Quad{0, 2, 3, 5}));
}

/// Every pattern over graphs 0-2 and ids 0-3 (0: unbound) against a plain
/// filter of the quads: the same quads, in (g, s, p, o) fields, each once.
TEST(QuadIndex, MatchesEveryPatternExactlyAsAFilterWould) {
  std::vector<Quad> quads;
  for (TermId g = 0; g < 3; ++g)
    for (TermId s = 1; s < 4; ++s)
      for (TermId p = 1; p < 4; ++p)
        for (TermId o = 1; o < 4; ++o)
          if ((g + s * 3 + p * 5 + o * 7) % 4 != 0) quads.push_back({g, s, p, o});
  std::vector<Quad> with_duplicates = quads;
  with_duplicates.insert(with_duplicates.end(), quads.begin(), quads.begin() + 10);
  const QuadIndex index(with_duplicates);
  EXPECT_EQ(index.size(), quads.size());
  for (TermId g = 0; g < 4; ++g)
    for (TermId s = 0; s < 4; ++s)
      for (TermId p = 0; p < 4; ++p)
        for (TermId o = 0; o < 4; ++o) {
          std::set<Quad> expected;
          for (const Quad& quad : quads)
            if (quad.graph == g && (s == 0 || quad.subject == s) &&
                (p == 0 || quad.predicate == p) && (o == 0 || quad.object == o))
              expected.insert(quad);
          const QuadRange range = index.match({g, s, p, o});
          std::set<Quad> found;
          for (std::size_t i = 0; i < range.size(); ++i)
            found.insert(range[i]);
          EXPECT_EQ(found, expected) << g << " " << s << " " << p << " " << o;
          EXPECT_EQ(range.size(), expected.size()) << g << " " << s << " " << p << " " << o;
          EXPECT_EQ(index.count({g, s, p, o}), expected.size());
        }
}

/// A graph large enough for the run directories (subjects and objects found
/// without a binary search) beside one too small for them: every pattern
/// with a bound subject or object still matches exactly what a filter does.
TEST(QuadIndex, MatchesExactlyWithAndWithoutRunDirectories) {
  std::vector<Quad> quads;
  for (TermId s = 1; s < 2000; ++s)
    for (TermId p = 1; p < 4; ++p)
      quads.push_back({1, s, p, 1 + (s * p) % 500});
  for (TermId s = 1; s < 50; ++s)
    quads.push_back({2, s, 1, s + 1});
  const QuadIndex index(quads);
  for (TermId g : {1U, 2U, 3U})
    for (TermId s : {0U, 1U, 7U, 1999U, 2000U, 5000U})
      for (TermId p : {0U, 2U})
        for (TermId o : {0U, 8U, 14U, 499U, 600U}) {
          if (s == 0 && o == 0) continue;
          const auto expected = std::ranges::count_if(quads, [&](const Quad& quad) {
            return quad.graph == g && (s == 0 || quad.subject == s) &&
                   (p == 0 || quad.predicate == p) && (o == 0 || quad.object == o);
          });
          const QuadRange range = index.match({g, s, p, o});
          ASSERT_EQ(range.size(), static_cast<std::size_t>(expected)) << g << s << p << o;
          for (std::size_t i = 0; i < range.size(); ++i) {
            const Quad quad = range[i];
            EXPECT_TRUE(quad.graph == g && (s == 0 || quad.subject == s) &&
                        (p == 0 || quad.predicate == p) && (o == 0 || quad.object == o));
          }
        }
}

TEST(QuadIndex, AnEmptyIndexMatchesNothing) {
  const QuadIndex index;
  EXPECT_EQ(index.count({0, 1, 0, 0}), 0U);
  EXPECT_TRUE(index.match({0, 0, 0, 0}).empty());
}

} // namespace
} // namespace wa::store
