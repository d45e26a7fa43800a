// The sitemap: one list while the site fits the protocol's limits, else an
// index of parts, each within them.
#include "publish/sitemap.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wa::publish {
namespace {

std::vector<std::string> pages(int count) {
  std::vector<std::string> urls;
  for (int i = 1; i <= count; ++i)
    urls.push_back("https://example.org/doc/item/" + std::to_string(i) + ".html");
  return urls;
}

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++count;
  return count;
}

TEST(Sitemap, ListsASmallSiteInOneFile) {
  const Sitemap sitemap(pages(3), "https://example.org/sitemap-");
  EXPECT_EQ(sitemap.part_count(), 0U);
  EXPECT_NE(sitemap.root().find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"),
            std::string::npos);
  EXPECT_EQ(occurrences(sitemap.root(), "<url><loc>"), 3U);
  EXPECT_EQ(sitemap.part(1), nullptr);
}

TEST(Sitemap, SplitsIntoAnIndexOfPartsAtTheUrlLimit) {
  const Sitemap sitemap(pages(7), "https://example.org/sitemap-", {.urls_per_file = 3});
  ASSERT_EQ(sitemap.part_count(), 3U);
  EXPECT_NE(sitemap.root().find("<sitemapindex"), std::string::npos);
  EXPECT_NE(sitemap.root().find("<sitemap><loc>https://example.org/sitemap-3.xml</loc></sitemap>"),
            std::string::npos);
  EXPECT_EQ(occurrences(sitemap.root(), "<sitemap><loc>"), 3U);
  EXPECT_EQ(occurrences(*sitemap.part(1), "<url><loc>"), 3U);
  EXPECT_EQ(occurrences(*sitemap.part(3), "<url><loc>"), 1U);
  EXPECT_NE(sitemap.part(3)->find("/doc/item/7.html"), std::string::npos);
  EXPECT_EQ(sitemap.part(0), nullptr);
  EXPECT_EQ(sitemap.part(4), nullptr);
}

TEST(Sitemap, SplitsAtTheByteLimitToo) {
  const SitemapLimits limits{.urls_per_file = 50000, .bytes_per_file = 400};
  const Sitemap sitemap(pages(10), "https://example.org/sitemap-", limits);
  ASSERT_GT(sitemap.part_count(), 1U);
  std::size_t listed = 0;
  for (std::size_t number = 1; number <= sitemap.part_count(); ++number) {
    EXPECT_LE(sitemap.part(number)->size(), limits.bytes_per_file);
    listed += occurrences(*sitemap.part(number), "<url><loc>");
  }
  EXPECT_EQ(listed, 10U);
}

TEST(Sitemap, EscapesUrlsForXml) {
  const Sitemap sitemap({"https://example.org/?a=1&b=2"}, "https://example.org/sitemap-");
  EXPECT_NE(sitemap.root().find("<loc>https://example.org/?a=1&amp;b=2</loc>"), std::string::npos);
}

} // namespace
} // namespace wa::publish
