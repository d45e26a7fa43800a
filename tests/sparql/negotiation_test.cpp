#include "sparql/negotiation.hpp"

#include <gtest/gtest.h>

namespace wa::sparql {
namespace {

std::string chosen(const std::string& accept,
                   const std::vector<Format>& offered = result_set_formats()) {
  std::optional<Format> format = negotiate(accept, offered);
  return format ? format->name : "406";
}

TEST(Negotiation, NoAcceptHeaderGivesTheServersFirstChoice) {
  EXPECT_EQ(chosen(""), "json");
  EXPECT_EQ(chosen("", graph_formats()), "turtle");
}

TEST(Negotiation, PicksTheExactType) {
  EXPECT_EQ(chosen("application/sparql-results+xml"), "xml");
  EXPECT_EQ(chosen("text/csv"), "csv");
  EXPECT_EQ(chosen("text/tab-separated-values"), "tsv");
  EXPECT_EQ(chosen("application/n-triples", graph_formats()), "ntriples");
  EXPECT_EQ(chosen("application/ld+json", graph_formats()), "jsonld");
}

TEST(Negotiation, FollowsQValues) {
  EXPECT_EQ(chosen("application/sparql-results+json;q=0.5, text/csv;q=0.9"), "csv");
  EXPECT_EQ(chosen("text/csv;q=0, */*;q=0.1"), "json");
}

TEST(Negotiation, AMalformedQValueCountsAsOne) {
  EXPECT_EQ(chosen("text/csv;q=nan, application/sparql-results+json;q=0.5"), "csv");
  EXPECT_EQ(chosen("text/csv;q=0.25, application/sparql-results+json;q=0x1p-1"), "json");
  EXPECT_EQ(chosen("text/csv;q=-1, application/sparql-results+json;q=0.5"), "csv");
  EXPECT_EQ(chosen("text/csv;q=7, application/sparql-results+json;q=0.999"), "csv");
  EXPECT_EQ(chosen("text/csv;q=0.000, application/sparql-results+json;q=0.001"), "json");
  EXPECT_TRUE(prefers_html("text/html;q=nan")); // as "text/html" alone
}

TEST(Negotiation, TheMostSpecificRangeDecides) {
  EXPECT_EQ(
      chosen("text/*;q=0.9, text/csv;q=0.1, text/xml;q=0.2, application/sparql-results+json;q=0.5"),
      "tsv");
}

TEST(Negotiation, WildcardsAcceptTheFirstChoice) {
  EXPECT_EQ(chosen("*/*"), "json");
  EXPECT_EQ(chosen("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), "xml");
}

TEST(Negotiation, NothingAcceptableIs406) {
  EXPECT_EQ(chosen("image/png"), "406");
  EXPECT_EQ(chosen("text/turtle"), "406");
}

TEST(Negotiation, FindsFormatsByName) {
  EXPECT_EQ(format_named("csv", result_set_formats())->name, "csv");
  EXPECT_EQ(format_named("ttl", graph_formats())->name, "turtle");
  EXPECT_EQ(format_named("application/sparql-results+xml", result_set_formats())->name, "xml");
  EXPECT_FALSE(format_named("png", result_set_formats()).has_value());
}

TEST(Negotiation, RecognisesABrowser) {
  EXPECT_TRUE(prefers_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
  EXPECT_FALSE(prefers_html("*/*"));
  EXPECT_FALSE(prefers_html("text/turtle"));
  EXPECT_FALSE(prefers_html(""));
}

} // namespace
} // namespace wa::sparql
