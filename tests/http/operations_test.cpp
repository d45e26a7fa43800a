// What operators and load balancers ask of a running server: whether it is
// alive (/healthz), whether it should get requests (/readyz), what it has
// done (/metrics, scraped as Prometheus would), and that asked to stop it
// first says it is not ready, keeps answering, then finishes what is in.
#include "support/server_process.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <optional>
#include <regex>
#include <string>
#include <thread>

namespace wa::http {
namespace {

using test::ServerProcess;

/// The value of the one sample of `metrics` whose name and labels are `series`, e.g.
/// werkagenda_http_requests_total{route="/sparql",status="200"}; nullopt if none.
std::optional<double> sample(const std::string& metrics, const std::string& series) {
  const std::string line_start = "\n" + series + " ";
  const std::size_t at = ("\n" + metrics).find(line_start);
  if (at == std::string::npos) return std::nullopt;
  return std::stod(metrics.substr(at + line_start.size() - 1));
}

class Operations : public ::testing::Test {
protected:
  static ServerProcess* server;
  static void SetUpTestSuite() { server = new ServerProcess({"--workers", "2"}); }
  static void TearDownTestSuite() {
    delete server;
    server = nullptr;
  }
  static httplib::Result get(const std::string& path) {
    httplib::Client client(server->host(), server->port());
    client.set_read_timeout(30, 0);
    return client.Get(path);
  }
  static std::string scrape() {
    auto response = get("/metrics");
    return response && response->status == 200 ? response->body : "";
  }
};

ServerProcess* Operations::server = nullptr;

TEST_F(Operations, SaysItIsAliveAndReady) {
  auto alive = get("/healthz");
  ASSERT_TRUE(alive);
  EXPECT_EQ(alive->status, 200);
  EXPECT_EQ(alive->get_header_value("Cache-Control"), "no-store");
  auto ready = get("/readyz");
  ASSERT_TRUE(ready);
  EXPECT_EQ(ready->status, 200);
  EXPECT_EQ(ready->body, "ready\n");
}

TEST_F(Operations, ServesMetricsInThePrometheusTextFormat) {
  auto response = get("/metrics");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
  // Every line is a comment (# HELP / # TYPE) or a sample: name, optional labels, a number.
  const std::regex sample_line(
      R"([a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? [-+0-9.eEInf]+)");
  std::size_t samples = 0;
  std::size_t start = 0;
  while (start < response->body.size()) {
    const std::size_t end = response->body.find('\n', start);
    ASSERT_NE(end, std::string::npos) << "the exposition ends with a newline";
    const std::string line = response->body.substr(start, end - start);
    if (!line.starts_with("# HELP ") && !line.starts_with("# TYPE ")) {
      EXPECT_TRUE(std::regex_match(line, sample_line)) << line;
      ++samples;
    }
    start = end + 1;
  }
  EXPECT_GT(samples, 20U);
}

TEST_F(Operations, CountsQueriesTheirTimeAndTheCache) {
  const std::string before = scrape();
  const std::string ok = R"(werkagenda_http_requests_total{route="/sparql",status="200"})";
  const std::string bad = R"(werkagenda_http_requests_total{route="/sparql",status="400"})";
  const double answered = sample(before, ok).value_or(0);
  const double refused = sample(before, "werkagenda_query_refusals_total").value_or(0);
  const double hits = sample(before, "werkagenda_cache_hits_total").value_or(0);
  const double timed = sample(before, "werkagenda_query_duration_seconds_count").value_or(0);
  // The same query twice (the second from the cache), and one malformed.
  const std::string query =
      "/sparql?query=SELECT%20%3Fs%20WHERE%20%7B%3Fs%20a%20%3Fo%7D%20LIMIT%203";
  ASSERT_EQ(get(query)->status, 200);
  ASSERT_EQ(get(query)->status, 200);
  ASSERT_EQ(get("/sparql?query=SELECT%20WHERE")->status, 400);

  const std::string after = scrape();
  EXPECT_EQ(sample(after, ok), answered + 2) << after;
  EXPECT_EQ(sample(after, bad).value_or(0), sample(before, bad).value_or(0) + 1);
  EXPECT_EQ(sample(after, "werkagenda_query_refusals_total"), refused + 1);
  EXPECT_GE(sample(after, "werkagenda_cache_hits_total"), hits + 1);
  EXPECT_EQ(sample(after, "werkagenda_query_duration_seconds_count"), timed + 3);
  EXPECT_EQ(sample(after, R"(werkagenda_query_duration_seconds_bucket{le="+Inf"})"), timed + 3);
  EXPECT_GT(sample(after, "werkagenda_cache_bytes").value_or(0), 0);
}

TEST_F(Operations, ReportsTheWorkersAndTheDataset) {
  const std::string metrics = scrape();
  EXPECT_EQ(sample(metrics, "werkagenda_workers_alive"), 2) << metrics;
  EXPECT_EQ(sample(metrics, "werkagenda_workers_replaced_total"), 0);
  EXPECT_GT(sample(metrics, "werkagenda_dataset_triples").value_or(0), 5000);
  EXPECT_EQ(sample(metrics, "werkagenda_draining"), 0);
  // The ETag label is the one the endpoint sends.
  auto response = get("/sparql?query=ASK%7B%7D");
  ASSERT_TRUE(response);
  const std::string etag = response->get_header_value("ETag"); // W/"..."
  ASSERT_GT(etag.size(), 4U);
  const std::string info =
      "werkagenda_dataset_info{etag=\"" + etag.substr(3, etag.size() - 4) + "\"}";
  EXPECT_EQ(sample(metrics, info), 1) << metrics;
}

TEST(OperationsDrain, StopsBeingReadyThenFinishesAndExits) {
  ServerProcess server({"--drain-seconds", "2"});
  httplib::Client client(server.host(), server.port());
  ASSERT_EQ(client.Get("/readyz")->status, 200);
  server.terminate();
  // Within the drain time: not ready, yet every request is still answered.
  std::optional<int> readiness;
  for (int i = 0; i < 50 && readiness != 503; ++i) {
    auto response = client.Get("/readyz");
    if (response) readiness = response->status;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(readiness, 503);
  auto answer = client.Get("/sparql?query=ASK%7B%7D");
  ASSERT_TRUE(answer);
  EXPECT_EQ(answer->status, 200);
  EXPECT_EQ(server.wait_for_exit(10), 0);
}

} // namespace
} // namespace wa::http
