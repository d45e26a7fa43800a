// A query as the grammar's terminals: what the full-SPARQL guard and the
// grammar rules read, so that a keyword in a string, an IRI or a comment is
// never taken for one, and a group is found by its brackets.
#include "store/query_tokens.hpp"

#include <gtest/gtest.h>

namespace wa::store {
namespace {

TEST(QueryTokens, KeepsKeywordsInsideStringsIrisAndCommentsOutOfTheWords) {
  const auto tokens = tokenize_query("SELECT ?s # SERVICE\n"
                                     "WHERE { ?s <http://x/SERVICE> \"\"\"FROM\n\"\"\" , 'LOAD' }");
  std::vector<std::string> words;
  for (const QueryToken& token : tokens) {
    if (token.kind == QueryToken::Kind::word) words.push_back(token.text);
  }
  EXPECT_EQ(words, (std::vector<std::string>{"SELECT", "WHERE"}));
}

TEST(QueryTokens, SplitsWordsAtHyphensButNotPrefixedNames) {
  const auto tokens = tokenize_query("?a-SERVICE ex:a-b.c 1.5. ?x<?y");
  ASSERT_EQ(tokens.size(), 9U);
  EXPECT_EQ(tokens[2].text, "SERVICE");
  EXPECT_EQ(tokens[3].kind, QueryToken::Kind::prefixed_name);
  EXPECT_EQ(tokens[3].text, "ex:a-b.c");
  EXPECT_EQ(tokens[4].text, "1.5");
  EXPECT_TRUE(tokens[5].is("."));
  EXPECT_TRUE(tokens[7].is("<")); // "<?y" is no IRI: '?' may be in one, but it never closes
}

TEST(QueryTokens, NamesTheLineOfAnUnterminatedString) {
  EXPECT_THROW((void)tokenize_query("SELECT *\nWHERE { ?s ?p \"open }"), std::invalid_argument);
}

TEST(QueryTokens, FindsTheEndOfAGroupPastNestedGroups) {
  const auto tokens = tokenize_query("FILTER ( ( ?a ) && ( ?b ) ) . { { } } [ ]");
  EXPECT_EQ(group_end(tokens, 1), 10U); // just past the ")" that closes the first "("
  EXPECT_EQ(group_end(tokens, 11), 15U);
  EXPECT_EQ(group_end(tokens, 15), 17U);
}

TEST(QueryTokens, FindsTheStartOfAGroupFromItsClosingBracket) {
  const auto tokens = tokenize_query("FILTER ( ( ?a ) && ( ?b ) ) . { { } }");
  EXPECT_EQ(group_start(tokens, 9), 1U);
  EXPECT_EQ(group_start(tokens, 8), 6U);
  EXPECT_EQ(group_start(tokens, 14), 11U);
}

TEST(QueryTokens, AGroupNeverClosedOrOpenedEndsAtTheLastToken) {
  const auto tokens = tokenize_query("( ( ?a ) ?b ) )");
  EXPECT_EQ(group_end(tokens, 1), 4U);
  EXPECT_EQ(group_start(tokens, 6), tokens.size()); // the last ")" opens nothing
  const auto open = tokenize_query("{ ?s ?p ?o");
  EXPECT_EQ(group_end(open, 0), open.size());
}

} // namespace
} // namespace wa::store
