// Solutions kept side by side in chunks: each row reads back as it was
// appended and extended, across chunks; a row taken back, rows filtered in
// place or picked out leave the others as they were.
#include "engine/rows.hpp"

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

Row copy_of(RowView row) { return {row.begin(), row.end()}; }

TEST(Rows, ReadsBackEveryRowAcrossManyChunks) {
  constexpr std::size_t width = 5;
  constexpr std::size_t count = 20000; // some 6 chunks of 64 KiB
  Rows block(width);
  for (std::size_t i = 0; i < count; ++i)
    block.append(numbered_row(i, width));
  ASSERT_EQ(block.size(), count);
  for (std::size_t i = 0; i < count; i += 997) {
    const Row expected = numbered_row(i, width);
    EXPECT_EQ(copy_of(block[i]), expected) << "row " << i;
  }
  EXPECT_EQ(copy_of(block[count - 1]), numbered_row(count - 1, width));
}

TEST(Rows, KeepsTheExtensionMadeToAnAppendedRow) {
  Rows block(3);
  const Row partial{7, no_term, no_term};
  block.append(partial)[1] = 8;
  ASSERT_EQ(block.size(), 1U);
  EXPECT_EQ(copy_of(block[0]), (Row{7, 8, no_term}));
}

TEST(Rows, TakesBackTheLastRowAtAChunkBoundary) {
  constexpr std::size_t width = 4;
  Rows block(width);
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
    EXPECT_EQ(copy_of(block[i]), numbered_row(i, width)) << "row " << i;
}

TEST(Rows, CountsRowsOfAQueryWithoutVariables) {
  Rows block(0);
  block.append({});
  block.append({});
  block.drop_last();
  EXPECT_EQ(block.size(), 1U);
  EXPECT_TRUE(block[0].empty());
}

/// Rows 0 to count - 1 of width 3.
Rows numbered_rows(std::size_t count) {
  Rows rows(3);
  for (std::size_t i = 0; i < count; ++i)
    rows.append(numbered_row(i, 3));
  return rows;
}

TEST(Rows, KeepsTheRowsAFilterKeepsInTheirOrderAcrossChunks) {
  Rows rows = numbered_rows(12000);                          // two chunks and more
  rows.keep_if([](RowView row) { return row[0] % 2 == 1; }); // rows 0, 2, 4, ...
  ASSERT_EQ(rows.size(), 6000U);
  for (std::size_t i = 0; i < rows.size(); i += 399)
    EXPECT_EQ(copy_of(rows[i]), numbered_row(i * 2, 3)) << "row " << i;
  rows.append(numbered_row(7, 3));
  EXPECT_EQ(copy_of(rows[6000]), numbered_row(7, 3));
}

TEST(Rows, KeepsTheChangesAFilterMakesInPlace) {
  Rows rows = numbered_rows(3);
  rows.keep_if([](std::span<TermId> row) {
    row[2] = no_term;
    return row[0] != 4; // drops row 1
  });
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(copy_of(rows[1]), (Row{7, 8, no_term}));
}

TEST(Rows, PicksOutRowsInAnyOrderAndRanges) {
  const Rows rows = numbered_rows(5);
  const Rows picked = rows.gathered({4, 0, 4});
  ASSERT_EQ(picked.size(), 3U);
  EXPECT_EQ(copy_of(picked[0]), numbered_row(4, 3));
  EXPECT_EQ(copy_of(picked[1]), numbered_row(0, 3));
  const Rows middle = rows.between(1, 3);
  ASSERT_EQ(middle.size(), 2U);
  EXPECT_EQ(copy_of(middle[1]), numbered_row(2, 3));
}

TEST(Rows, AppendsAnotherSetOfRows) {
  Rows rows = numbered_rows(2);
  rows.append(numbered_rows(3));
  ASSERT_EQ(rows.size(), 5U);
  EXPECT_EQ(copy_of(rows[4]), numbered_row(2, 3));
  std::size_t seen = 0;
  for (RowView row : rows)
    seen += row.size();
  EXPECT_EQ(seen, 15U);
}

} // namespace
} // namespace wa::engine
