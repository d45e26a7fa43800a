// What the server counts for an operator's monitoring, served at /metrics in
// the Prometheus text exposition format (version 0.0.4): requests by route
// and status, the latency of queries as a histogram, and beside them the
// gauges and counters other parts keep (cache, workers, dataset), which the
// server adds as samples when it is scraped.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wa::http {

/// One metric the server adds at a scrape: a counter or a gauge, one sample.
struct MetricSample {
  std::string name; ///< werkagenda_...
  std::string type; ///< "counter" or "gauge"
  std::string help;
  double value = 0;
  std::string labels; ///< as written between braces, e.g. path="worker"; may be empty
};

/// The route a request is counted under: one of a fixed few, so that no
/// client can make the number of series grow ("other" for the rest).
[[nodiscard]] std::string_view route_of(std::string_view path);

class Metrics {
public:
  /// Upper bounds of the query latency histogram, in seconds.
  static constexpr std::array<double, 11> latency_bounds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                         0.05,   0.1,   0.25,   1.0,   10.0};

  /// Counts one answered request; a /sparql request's time goes to the histogram.
  void record(std::string_view path, int status, std::chrono::duration<double> elapsed);

  /// Every metric in the exposition format, followed by `samples`.
  [[nodiscard]] std::string exposition(const std::vector<MetricSample>& samples) const;

private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string_view, int>, std::uint64_t> requests_; ///< by route and status
  std::array<std::uint64_t, latency_bounds.size()> latency_counts_{};  ///< not cumulative
  std::uint64_t queries_ = 0;
  std::uint64_t timeouts_ = 0; ///< /sparql answered 504
  std::uint64_t refusals_ = 0; ///< /sparql answered 4xx (a bad or refused request) or 503
  double query_seconds_ = 0;
};

} // namespace wa::http
