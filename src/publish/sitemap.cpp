#include "publish/sitemap.hpp"

#include "rdf/escaping.hpp"

#include <string_view>

namespace wa::publish {

namespace {

constexpr std::string_view declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view urlset_open =
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
constexpr std::string_view urlset_close = "</urlset>\n";
constexpr std::string_view index_open =
    "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
constexpr std::string_view index_close = "</sitemapindex>\n";

std::string urlset(const std::string& entries) {
  return std::string(declaration) + std::string(urlset_open) + entries + std::string(urlset_close);
}

/// The URLs as urlset files, each within the limits (one file when they all fit).
std::vector<std::string> urlsets(const std::vector<std::string>& urls, SitemapLimits limits) {
  const std::size_t frame = declaration.size() + urlset_open.size() + urlset_close.size();
  std::vector<std::string> files;
  std::string entries;
  std::size_t count = 0;
  for (const std::string& url : urls) {
    const std::string entry = "<url><loc>" + rdf::xml_escape(url) + "</loc></url>\n";
    const bool full = count == limits.urls_per_file ||
                      frame + entries.size() + entry.size() > limits.bytes_per_file;
    if (count > 0 && full) {
      files.push_back(urlset(entries));
      entries.clear();
      count = 0;
    }
    entries += entry;
    ++count;
  }
  files.push_back(urlset(entries));
  return files;
}

} // namespace

Sitemap::Sitemap(const std::vector<std::string>& page_urls, const std::string& part_url_prefix,
                 SitemapLimits limits) {
  std::vector<std::string> files = urlsets(page_urls, limits);
  if (files.size() == 1) {
    root_ = std::move(files.front());
    return;
  }
  parts_ = std::move(files);
  std::string entries;
  for (std::size_t number = 1; number <= parts_.size(); ++number) {
    entries += "<sitemap><loc>" +
               rdf::xml_escape(part_url_prefix + std::to_string(number) + ".xml") +
               "</loc></sitemap>\n";
  }
  root_ = std::string(declaration) + std::string(index_open) + entries + std::string(index_close);
}

const std::string* Sitemap::part(std::size_t number) const {
  if (number == 0 || number > parts_.size()) return nullptr;
  return &parts_[number - 1];
}

} // namespace wa::publish
