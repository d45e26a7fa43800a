// A basic graph pattern's intermediate rows, kept side by side in chunks:
// each row reads back as it was appended and extended, across chunks, and a
// row taken back leaves the others as they were.
#include "engine/row_block.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace wa::engine {
namespace {

/// Row number `i` of a block `width` wide: distinct ids in every position.
Row numbered_row(std::size_t i, std::size_t width) {
  Row row(width);
  for (std::size_t at = 0; at < width; ++at)
    row[at] = static_cast<TermId>(i * width + at + 1);
  return row;
}

TEST(RowBlock, ReadsBackEveryRowAcrossManyChunks) {
  constexpr std::size_t width = 5;
  constexpr std::size_t count = 20000; // some 6 chunks of 64 KiB
  RowBlock block(width);
  for (std::size_t i = 0; i < count; ++i)
    block.append(numbered_row(i, width));
  ASSERT_EQ(block.size(), count);
  for (std::size_t i = 0; i < count; i += 997) {
    const Row expected = numbered_row(i, width);
    EXPECT_EQ(Row(block[i].begin(), block[i].end()), expected) << "row " << i;
  }
  const Rows rows = block.rows();
  ASSERT_EQ(rows.size(), count);
  EXPECT_EQ(rows.back(), numbered_row(count - 1, width));
}

TEST(RowBlock, KeepsTheExtensionMadeToAnAppendedRow) {
  RowBlock block(3);
  const Row partial{7, no_term, no_term};
  block.append(partial)[1] = 8;
  EXPECT_EQ(block.rows(), (Rows{{7, 8, no_term}}));
}

TEST(RowBlock, TakesBackTheLastRowAtAChunkBoundary) {
  constexpr std::size_t width = 4;
  RowBlock block(width);
  std::size_t appended = 0;
  // Fill exactly one chunk, start a second, take its only row back, go on.
  while (appended == 0 || block[appended - 1].data() + width == block[0].data() + appended * width)
    block.append(numbered_row(appended++, width));
  block.drop_last();
  --appended;
  block.append(numbered_row(appended, width));
  block.append(numbered_row(appended + 1, width));
  ASSERT_EQ(block.size(), appended + 2);
  for (std::size_t i = 0; i < block.size(); ++i)
    EXPECT_EQ(Row(block[i].begin(), block[i].end()), numbered_row(i, width)) << "row " << i;
}

TEST(RowBlock, CountsRowsOfAQueryWithoutVariables) {
  RowBlock block(0);
  block.append({});
  block.append({});
  block.drop_last();
  EXPECT_EQ(block.size(), 1U);
  EXPECT_EQ(block.rows(), (Rows{Row{}}));
}

} // namespace
} // namespace wa::engine
