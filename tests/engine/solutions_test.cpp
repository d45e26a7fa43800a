// Solutions read once by GROUP BY: the same rows read alike whether a BGP's
// block or another operator's vectors hold them.
#include "engine/solutions.hpp"

#include <gtest/gtest.h>

namespace wa::engine {
namespace {

const Rows three_rows{{1, 2, no_term}, {3, no_term, 4}, {5, 6, 7}};

Row read(const Solutions& solutions, std::size_t i) {
  return {solutions[i].begin(), solutions[i].end()};
}

TEST(Solutions, ReadsTheRowsAnOperatorMade) {
  const Solutions solutions(three_rows);
  ASSERT_EQ(solutions.size(), 3U);
  for (std::size_t i = 0; i < three_rows.size(); ++i)
    EXPECT_EQ(read(solutions, i), three_rows[i]);
}

TEST(Solutions, ReadsTheRowsOfABlockAlike) {
  RowBlock block(3);
  for (const Row& row : three_rows)
    block.append(row);
  const Solutions solutions(std::move(block));
  ASSERT_EQ(solutions.size(), 3U);
  for (std::size_t i = 0; i < three_rows.size(); ++i)
    EXPECT_EQ(read(solutions, i), three_rows[i]);
}

} // namespace
} // namespace wa::engine
