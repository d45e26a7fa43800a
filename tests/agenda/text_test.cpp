#include "agenda/text.hpp"

#include <gtest/gtest.h>

namespace wa::agenda {
namespace {

TEST(Text, TrimsSpacesAndLineBreaks) { EXPECT_EQ(trim("\n  a b \t\n"), "a b"); }

TEST(Text, SplitsKeepingEmptyParts) {
  EXPECT_EQ(split("a||b|", '|'), (std::vector<std::string>{"a", "", "b", ""}));
}

TEST(Text, JoinsWithGlue) { EXPECT_EQ(join({"a", "b", "c"}, ", "), "a, b, c"); }

TEST(Text, FoldsTheCaseOfAsciiLettersOnly) {
  EXPECT_EQ(ascii_lower("Application/SPARQL-Query"), "application/sparql-query");
  EXPECT_EQ(ascii_upper("select ?x"), "SELECT ?X");
  EXPECT_EQ(ascii_upper("\xC3\xA9t\xC3\xA9"), "\xC3\xA9T\xC3\xA9"); // "été": UTF-8 bytes stay
}

TEST(Text, LettersAndDigitsAreNotBoundaries) {
  EXPECT_FALSE(on_word_boundaries("DSAx", 0, 3));
  EXPECT_FALSE(on_word_boundaries("xDSA", 1, 3));
  EXPECT_FALSE(on_word_boundaries("NIB2", 0, 3));
  EXPECT_TRUE(on_word_boundaries("(DSA)", 1, 3));
  EXPECT_TRUE(on_word_boundaries("Woo-project", 0, 3));
}

TEST(Text, AccentedLettersAreNotBoundaries) {
  // "é" is two bytes in UTF-8: "Aé" must not let "A" stand alone.
  EXPECT_FALSE(on_word_boundaries("Aé", 0, 1));
  EXPECT_FALSE(on_word_boundaries("éA", 2, 1));
}

TEST(Text, CurlyQuotesAreBoundaries) {
  EXPECT_TRUE(on_word_boundaries("‘AVG’", 3, 3)); // ‘ is three bytes
}

} // namespace
} // namespace wa::agenda
