// Every triple pattern in a graph is one range of a permutation, with an exact count.
#include "store/quad_index.hpp"

#include <gtest/gtest.h>

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
  const QuadRange range = sample().match({0, 0, 4, 0});
  ASSERT_EQ(range.size(), 1U);
  EXPECT_EQ(range[0], (Quad{0, 1, 4, 5}));
  const QuadRange by_object = sample().match({0, 2, 0, 5});
  ASSERT_EQ(by_object.size(), 1U);
  EXPECT_EQ(by_object[0], (Quad{0, 2, 3, 5}));
}

} // namespace
} // namespace wa::store
