#include "http/metrics.hpp"

#include <algorithm>
#include <cstdio>

namespace wa::http {

namespace {

/// The first segment of every path the server routes (the root last).
constexpr std::array<std::string_view, 16> routes{
    "/sparql",  "/id",      "/doc",        "/def",    "/catalogue", "/.well-known", "/dump",
    "/source",  "/sitemap", "/robots.txt", "/assets", "/queries",   "/healthz",     "/readyz",
    "/metrics", "/"};

/// A number as Prometheus reads it: integers without a fraction.
std::string number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.17g", value);
  return text;
}

void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  out.append("# HELP ").append(name).append(" ").append(help).append("\n");
  out.append("# TYPE ").append(name).append(" ").append(type).append("\n");
}

} // namespace

std::string_view route_of(std::string_view path) {
  if (path == "/") return "/";
  for (std::string_view route : routes) {
    if (route == "/" || !path.starts_with(route)) continue;
    // "/def.ttl" and "/sitemap-2.xml" are their route's; "/definitions" is not.
    if (path.size() == route.size() ||
        std::string_view("/.-").find(path[route.size()]) != std::string_view::npos)
      return route;
  }
  return "other";
}

void Metrics::record(std::string_view path, int status, std::chrono::duration<double> elapsed) {
  const std::string_view route = route_of(path);
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  if (route != "/sparql") return;
  ++queries_;
  if (status == 504) ++timeouts_;
  if ((status >= 400 && status < 500) || status == 503) ++refusals_;
  query_seconds_ += elapsed.count();
  const auto* bound = std::ranges::lower_bound(latency_bounds, elapsed.count());
  if (bound != latency_bounds.end()) ++latency_counts_[bound - latency_bounds.begin()];
}

std::string Metrics::exposition(const std::vector<MetricSample>& samples) const {
  std::string out;
  {
    std::lock_guard lock(mutex_);
    header(out, "werkagenda_http_requests_total", "counter",
           "Requests answered, by route and HTTP status.");
    for (const auto& [key, count] : requests_) {
      out.append("werkagenda_http_requests_total{route=\"")
          .append(key.first)
          .append("\",status=\"")
          .append(std::to_string(key.second))
          .append("\"} ")
          .append(std::to_string(count))
          .append("\n");
    }
    header(out, "werkagenda_query_duration_seconds", "histogram",
           "Time from a /sparql request's arrival to its answer, cached answers included.");
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < latency_bounds.size(); ++i) {
      cumulative += latency_counts_[i];
      out.append("werkagenda_query_duration_seconds_bucket{le=\"")
          .append(number(latency_bounds[i]))
          .append("\"} ")
          .append(std::to_string(cumulative))
          .append("\n");
    }
    out.append("werkagenda_query_duration_seconds_bucket{le=\"+Inf\"} ")
        .append(std::to_string(queries_))
        .append("\n");
    out.append("werkagenda_query_duration_seconds_sum ")
        .append(number(query_seconds_))
        .append("\n");
    out.append("werkagenda_query_duration_seconds_count ")
        .append(std::to_string(queries_))
        .append("\n");
    header(out, "werkagenda_query_timeouts_total", "counter",
           "/sparql requests stopped at the deadline (504).");
    out.append("werkagenda_query_timeouts_total ").append(std::to_string(timeouts_)).append("\n");
    header(out, "werkagenda_query_refusals_total", "counter",
           "/sparql requests refused: malformed or not allowed (4xx), or over a limit (503).");
    out.append("werkagenda_query_refusals_total ").append(std::to_string(refusals_)).append("\n");
  }
  std::string_view previous;
  for (const MetricSample& sample : samples) {
    if (sample.name != previous) header(out, sample.name, sample.type, sample.help);
    previous = sample.name;
    out.append(sample.name);
    if (!sample.labels.empty()) out.append("{").append(sample.labels).append("}");
    out.append(" ").append(number(sample.value)).append("\n");
  }
  return out;
}

} // namespace wa::http
