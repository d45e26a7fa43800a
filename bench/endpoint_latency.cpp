// Latency of each query file against a running endpoint: median and p99 of
// uncached runs (each run's text differs by a trailing comment, so the
// server's result cache never answers) and of cached runs (the same text).
// Bounded: at most RUNS runs of each kind, and no more uncached runs once a
// query has used its time budget. A query that does not answer 200 is
// reported with what happened (refused, timed out, failed), never dropped.
//
// usage: endpoint_latency [--tsv] [--path /sparql] [--budget-ms N] [--timeout-s N]
//                         HOST PORT RUNS QUERY.rq...
//   --tsv: one line a query: name, outcome, uncached runs, uncached median ms,
//   uncached p99 ms, cached runs, cached median ms, cached p99 ms (outcome "ok",
//   "refused 400", "timeout 504", "timeout (client)", "failed 503", ...).
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

struct Timed {
  double ms = 0;
  std::string outcome; ///< "ok" or what went wrong
};

/// One POST of `query`, timed.
Timed timed_query(httplib::Client& client, const std::string& path, const std::string& query) {
  const auto started = std::chrono::steady_clock::now();
  auto response = client.Post(path, query, "application/sparql-query");
  Timed timed;
  timed.ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  if (!response) {
    timed.outcome =
        response.error() == httplib::Error::Read ? "timeout (client)" : "no answer (connection)";
  } else if (response->status == 200) {
    timed.outcome = "ok";
  } else if (response->status == 400) {
    timed.outcome = "refused 400";
  } else if (response->status == 504) {
    timed.outcome = "timeout 504";
  } else {
    timed.outcome = "failed " + std::to_string(response->status);
  }
  return timed;
}

struct Options {
  bool tsv = false;
  std::string path = "/sparql";
  double budget_ms = 1e12;
  int timeout_s = 60;
  std::vector<std::string> positional;
};

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--tsv") {
      options.tsv = true;
    } else if (arg == "--path" && i + 1 < argc) {
      options.path = argv[++i];
    } else if (arg == "--budget-ms" && i + 1 < argc) {
      options.budget_ms = std::stod(argv[++i]);
    } else if (arg == "--timeout-s" && i + 1 < argc) {
      options.timeout_s = std::stoi(argv[++i]);
    } else {
      options.positional.push_back(arg);
    }
  }
  return options;
}

} // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  if (options.positional.size() < 4) {
    std::fprintf(stderr,
                 "usage: %s [--tsv] [--path /sparql] [--budget-ms N] [--timeout-s N] "
                 "HOST PORT RUNS QUERY.rq...\n",
                 argv[0]);
    return 2;
  }
  httplib::Client client(options.positional[0], std::stoi(options.positional[1]));
  client.set_read_timeout(options.timeout_s, 0);
  const int runs = std::stoi(options.positional[2]);
  if (!options.tsv) {
    std::printf(
        "| query | uncached median ms | uncached p99 ms | cached median ms | cached p99 ms |\n");
    std::printf("|---|---:|---:|---:|---:|\n");
  }
  for (std::size_t i = 3; i < options.positional.size(); ++i) {
    const std::string query = read_file(options.positional[i]);
    std::vector<double> uncached;
    std::vector<double> cached;
    std::string outcome = "ok";
    double spent = 0;
    for (int run = 0; run < runs && outcome == "ok" && spent < options.budget_ms; ++run) {
      Timed timed = timed_query(client, options.path,
                                query + "\n# uncached run " + std::to_string(run) + "\n");
      outcome = timed.outcome;
      spent += timed.ms;
      if (outcome == "ok") uncached.push_back(timed.ms);
    }
    if (outcome == "ok")
      outcome = timed_query(client, options.path, query).outcome; // fills the cache
    for (int run = 0; run < runs && outcome == "ok"; ++run) {
      Timed timed = timed_query(client, options.path, query);
      outcome = timed.outcome;
      if (outcome == "ok") cached.push_back(timed.ms);
    }
    std::string name = options.positional[i];
    name = name.substr(name.find_last_of('/') + 1);
    if (options.tsv) {
      std::printf("%s\t%s\t%zu\t%.3f\t%.3f\t%zu\t%.3f\t%.3f\n", name.c_str(), outcome.c_str(),
                  uncached.size(), uncached.empty() ? -1.0 : percentile(uncached, 0.5),
                  uncached.empty() ? -1.0 : percentile(uncached, 0.99), cached.size(),
                  cached.empty() ? -1.0 : percentile(cached, 0.5),
                  cached.empty() ? -1.0 : percentile(cached, 0.99));
    } else if (outcome != "ok") {
      std::printf("| %s | %s | | | |\n", name.c_str(), outcome.c_str());
    } else {
      std::printf("| %s | %.2f | %.2f | %.3f | %.3f |\n", name.c_str(), percentile(uncached, 0.5),
                  percentile(uncached, 0.99), percentile(cached, 0.5), percentile(cached, 0.99));
    }
    std::fflush(stdout);
  }
  return 0;
}
