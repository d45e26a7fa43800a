#include "store/query_text.hpp"

#include <gtest/gtest.h>

namespace wa::store {
namespace {

TEST(QueryText, FindsTheFirstKeywordAfterThePrologue) {
  EXPECT_EQ(first_keyword("PREFIX ex: <http://e/>\nBASE <http://b/>\n# comment\nselect * {}"),
            "SELECT");
  EXPECT_EQ(first_keyword("  ASK {}"), "ASK");
  EXPECT_EQ(first_keyword(""), "");
}

TEST(QueryText, RecognisesUpdates) {
  EXPECT_TRUE(is_update("PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }"));
  EXPECT_TRUE(is_update("load <http://example.org/data>"));
  EXPECT_TRUE(is_update("# INSERT is not a comment's business\nCLEAR ALL"));
  EXPECT_FALSE(is_update("SELECT ?insert WHERE { ?insert ?p ?o }"));
}

TEST(QueryText, TurnsTheWhereClauseIntoAnAsk) {
  EXPECT_EQ(
      where_clause_as_ask("PREFIX ex: <http://e/>\nSELECT ?c (COUNT(*) AS ?n) WHERE { ?s ex:c ?c "
                          "OPTIONAL { ?s ex:d ?d } } GROUP BY ?c"),
      "PREFIX ex: <http://e/>\nASK { ?s ex:c ?c OPTIONAL { ?s ex:d ?d } }");
}

TEST(QueryText, BracesInStringsAndIrisDoNotCount) {
  EXPECT_EQ(
      where_clause_as_ask(
          "SELECT ?s { ?s ?p \"}{\" . ?s ?q '''}''' FILTER(?s != <http://e/}>) } GROUP BY ?s"),
      "ASK { ?s ?p \"}{\" . ?s ?q '''}''' FILTER(?s != <http://e/}>) }");
}

TEST(QueryText, HasNoWhereClauseWithoutSelect) {
  EXPECT_FALSE(where_clause_as_ask("ASK { ?s ?p ?o }").has_value());
}

} // namespace
} // namespace wa::store

namespace wa::store {
namespace {

TEST(QueryText, RemovesTheTopLevelLimitAndOffset) {
  EXPECT_EQ(
      without_limit_and_offset("SELECT ?x { ?x ?p \"LIMIT 5\" } ORDER BY ?x OFFSET 1 LIMIT 2"),
      "SELECT ?x { ?x ?p \"LIMIT 5\" } ORDER BY ?x " + std::string(16, ' '));
  EXPECT_EQ(without_limit_and_offset("ASK { ?s ?p ?o }"), "ASK { ?s ?p ?o }");
}

} // namespace
} // namespace wa::store
