// The sitemap of the description documents (sitemaps.org protocol 0.9), so
// that crawlers and portals find every page without running a query. One file
// holds at most 50,000 URLs and 50 MB (the protocol's limits); a larger site
// gets a sitemap index at /sitemap.xml that names /sitemap-1.xml, ...
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace wa::publish {

struct SitemapLimits {
  std::size_t urls_per_file = 50000;
  std::size_t bytes_per_file = 50 * 1000 * 1000;
};

class Sitemap {
public:
  /// `page_urls`: absolute URLs, listed in this order. Part N (from 1) is
  /// served at `part_url_prefix` + N + ".xml", the URL the index gives for it.
  Sitemap(const std::vector<std::string>& page_urls, const std::string& part_url_prefix,
          SitemapLimits limits = {});

  /// What /sitemap.xml serves: the one list of URLs, or the index of the parts.
  [[nodiscard]] const std::string& root() const { return root_; }
  /// Part `number` (from 1) when the root is an index; nullptr for any other number.
  [[nodiscard]] const std::string* part(std::size_t number) const;
  [[nodiscard]] std::size_t part_count() const { return parts_.size(); }

private:
  std::string root_;
  std::vector<std::string> parts_; ///< empty when the root lists the URLs itself
};

} // namespace wa::publish
