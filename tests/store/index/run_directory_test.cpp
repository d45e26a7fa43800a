// The run directory finds each term's run of a permutation in two array
// reads, for the graphs where that pays, and says so when it has none.
#include "store/run_directory.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace wa::store {
namespace {

using Key = RunDirectory::Key;

/// Graph `graph` with `terms` terms from `first`, `step` apart, each leading
/// `per_term` keys; sorted.
std::vector<Key> keys_of(TermId graph, TermId first, TermId step, TermId terms, TermId per_term) {
  std::vector<Key> keys;
  for (TermId t = 0; t < terms; ++t)
    for (TermId i = 0; i < per_term; ++i)
      keys.push_back({graph, first + t * step, 1 + i, 7});
  return keys;
}

TEST(RunDirectory, FindsTheRunOfEveryTermOfALargeDenseGraph) {
  const std::vector<Key> keys = keys_of(3, 10, 2, 3000, 3);
  const RunDirectory directory(keys);
  for (TermId term : {10U, 12U, 5000U, 6008U}) {
    const auto run = directory.run(keys, 3, term);
    ASSERT_TRUE(run.has_value()) << term;
    ASSERT_EQ(run->size(), 3U) << term;
    EXPECT_TRUE(std::ranges::all_of(*run, [&](const Key& key) { return key[1] == term; }));
  }
}

TEST(RunDirectory, AnAbsentTermHasAnEmptyRun) {
  const std::vector<Key> keys = keys_of(3, 10, 2, 3000, 3);
  const RunDirectory directory(keys);
  for (TermId term : {1U, 9U, 11U, 6009U, 4000000000U})
    EXPECT_EQ(directory.run(keys, 3, term).value().size(), 0U) << term;
}

TEST(RunDirectory, LeavesSmallAndSparseGraphsToBinarySearch) {
  std::vector<Key> keys = keys_of(1, 1, 1, 100, 2);             // small
  const std::vector<Key> sparse = keys_of(2, 1, 1000, 3000, 2); // ids 500 apart per quad
  const std::vector<Key> dense = keys_of(5, 1, 1, 3000, 2);
  keys.insert(keys.end(), sparse.begin(), sparse.end());
  keys.insert(keys.end(), dense.begin(), dense.end());
  const RunDirectory directory(keys);
  EXPECT_FALSE(directory.run(keys, 1, 1).has_value());
  EXPECT_FALSE(directory.run(keys, 2, 1).has_value());
  EXPECT_FALSE(directory.run(keys, 4, 1).has_value()); // no such graph
  ASSERT_TRUE(directory.run(keys, 5, 1).has_value());
  EXPECT_EQ(directory.run(keys, 5, 1)->size(), 2U);
  EXPECT_GT(directory.bytes(), 3000U * sizeof(std::uint32_t));
}

} // namespace
} // namespace wa::store
