#include "http/caching.hpp"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <stdexcept>

namespace wa::http {

namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ')
    text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ')
    text.remove_suffix(1);
  return text;
}

/// Field names compare without regard to case (RFC 9110, 5.1).
bool same_field(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

/// Whether the comma-separated `list` holds `field`.
bool lists(std::string_view list, std::string_view field) {
  while (!list.empty()) {
    const std::size_t comma = std::min(list.find(','), list.size());
    if (same_field(trimmed(list.substr(0, comma)), field)) return true;
    list.remove_prefix(std::min(comma + 1, list.size()));
  }
  return false;
}

} // namespace

std::string http_date_of(const std::string& xsd_date) {
  std::tm day{};
  char rest = 0;
  if (std::sscanf(xsd_date.c_str(), "%4d-%2d-%2d%c", &day.tm_year, &day.tm_mon, &day.tm_mday,
                  &rest) != 3 ||
      xsd_date.size() != 10) {
    throw std::invalid_argument("not a date (YYYY-MM-DD): " + xsd_date);
  }
  day.tm_year -= 1900;
  day.tm_mon -= 1;
  const std::time_t when = timegm(&day);
  std::tm utc{};
  gmtime_r(&when, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return buffer;
}

void add_vary(httplib::Response& response, std::string_view field) {
  const std::string vary = response.get_header_value("Vary");
  if (lists(vary, field)) return;
  response.headers.erase("Vary");
  response.set_header("Vary", vary.empty() ? std::string(field) : vary + ", " + std::string(field));
}

void apply_cache_policy(const httplib::Request& request, httplib::Response& response) {
  if (response.status >= 400) {
    response.headers.erase("Cache-Control");
    response.headers.erase("ETag");
    response.headers.erase("Last-Modified");
    response.set_header("Cache-Control", cache_never);
    return;
  }
  const bool readable = request.method == "GET" || request.method == "HEAD";
  if (readable && !response.has_header("Cache-Control"))
    response.set_header("Cache-Control", cache_until_next_release);
  if (response.get_header_value("Cache-Control") != cache_never)
    add_vary(response, "Accept-Encoding");
}

} // namespace wa::http
