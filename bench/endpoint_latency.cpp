// Latency of each query file against a running endpoint: median and p99 of
// uncached runs (each run's text differs by a trailing comment, so the
// server's result cache never answers) and of cached runs (the same text).
//
// usage: endpoint_latency HOST PORT RUNS QUERY.rq...
#include <httplib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

double percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  const auto index =
      static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1) + 0.5);
  return values[std::min(index, values.size() - 1)];
}

/// Milliseconds for one POST of `query`; negative if it did not answer 200.
double timed_query(httplib::Client& client, const std::string& query) {
  const auto started = std::chrono::steady_clock::now();
  auto response = client.Post("/sparql", query, "application/sparql-query");
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return response && response->status == 200 ? ms : -1.0;
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s HOST PORT RUNS QUERY.rq...\n", argv[0]);
    return 2;
  }
  httplib::Client client(argv[1], std::stoi(argv[2]));
  client.set_read_timeout(60, 0);
  const int runs = std::stoi(argv[3]);
  std::printf(
      "| query | uncached median ms | uncached p99 ms | cached median ms | cached p99 ms |\n");
  std::printf("|---|---:|---:|---:|---:|\n");
  for (int i = 4; i < argc; ++i) {
    const std::string query = read_file(argv[i]);
    std::vector<double> uncached;
    std::vector<double> cached;
    bool failed = false;
    for (int run = 0; run < runs && !failed; ++run) {
      double ms = timed_query(client, query + "\n# uncached run " + std::to_string(run) + "\n");
      failed = ms < 0;
      uncached.push_back(ms);
    }
    failed = failed || timed_query(client, query) < 0; // fills the cache
    for (int run = 0; run < runs && !failed; ++run) {
      double ms = timed_query(client, query);
      failed = ms < 0;
      cached.push_back(ms);
    }
    std::string name = argv[i];
    name = name.substr(name.find_last_of('/') + 1);
    if (failed) {
      std::printf("| %s | failed | | | |\n", name.c_str());
      continue;
    }
    std::printf("| %s | %.2f | %.2f | %.3f | %.3f |\n", name.c_str(), percentile(uncached, 0.5),
                percentile(uncached, 0.99), percentile(cached, 0.5), percentile(cached, 0.99));
  }
  return 0;
}
