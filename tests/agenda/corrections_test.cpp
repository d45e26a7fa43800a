// The correction table mends listed damage of the extraction on listed lines,
// and refuses to mend anything it cannot find exactly where the table says.
#include "agenda/corrections.hpp"

#include "support/project.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace wa::agenda {
namespace {

std::vector<SourceLine> three_lines() {
  return source_lines_of("Eerste regel\n"
                         "burgers en hun gedachtenvormingbeïnvloeden.\n"
                         "dat alle1 overheden conform de AVG handelen\n");
}

TEST(CorrectionTable, ReadsLineExtractedCorrectedAndReason) {
  CorrectionTable table = CorrectionTable::from_file(test::test_data("agenda/corrections.txt"));
  ASSERT_EQ(table.entries().size(), 3U);
  EXPECT_EQ(table.entries()[0].source_line, 2);
  EXPECT_EQ(table.entries()[0].extracted, "gedachtenvormingbeïnvloeden");
  EXPECT_EQ(table.entries()[0].corrected, "gedachtenvorming beïnvloeden");
  EXPECT_EQ(table.entries()[0].reason, "two words joined by the extraction");
}

TEST(CorrectionTable, MendsOnlyTheListedLine) {
  std::vector<SourceLine> lines = three_lines();
  CorrectionTable table = CorrectionTable::from_file(test::test_data("agenda/corrections.txt"));
  CorrectionTable::Applied applied = table.apply(lines);
  EXPECT_EQ(lines[0].text, "Eerste regel");
  EXPECT_EQ(lines[1].text, "burgers en hun gedachtenvorming beïnvloeden.");
  EXPECT_EQ(lines[2].text, "dat alle overheden conform de AVG handelen");
  EXPECT_EQ(lines[2].number, 3);
  EXPECT_EQ(applied.corrections.size(), 2U);
}

TEST(CorrectionTable, ReportsAnEntryThatDoesNotMatchItsLine) {
  std::vector<SourceLine> lines = three_lines();
  CorrectionTable table = CorrectionTable::from_file(test::test_data("agenda/corrections.txt"));
  CorrectionTable::Applied applied = table.apply(lines);
  ASSERT_EQ(applied.problems.size(), 1U);
  EXPECT_EQ(applied.problems[0].line, 3);
  EXPECT_EQ(applied.problems[0].text, "niet op deze regel");
}

TEST(CorrectionTable, ReportsAnEntryWhoseTextStandsTwiceOnItsLine) {
  std::vector<SourceLine> lines = source_lines_of("alle1 en alle1\n");
  CorrectionTable table({{1, "alle1", "alle", "footnote marker"}});
  CorrectionTable::Applied applied = table.apply(lines);
  EXPECT_EQ(applied.problems.size(), 1U);
  EXPECT_EQ(lines[0].text, "alle1 en alle1");
}

TEST(CorrectionTable, ReportsAnEntryBeyondTheLastLine) {
  std::vector<SourceLine> lines = three_lines();
  CorrectionTable table({{40, "alle1", "alle", "footnote marker"}});
  EXPECT_EQ(table.apply(lines).problems.size(), 1U);
}

TEST(CorrectionTable, AMalformedEntryNamesFileAndLine) {
  try {
    (void)CorrectionTable::from_file(test::test_data("agenda/corrections-malformed.txt"));
    FAIL() << "a malformed table was accepted";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("corrections-malformed.txt:3:"), std::string::npos)
        << error.what();
  }
}

} // namespace
} // namespace wa::agenda
