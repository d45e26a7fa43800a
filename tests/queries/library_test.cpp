// Every query of the library (queries/*.rq) runs through the real endpoint and gives the
// result committed in tests/expected/NAME.csv (SELECT, ASK) or NAME.nt
// (CONSTRUCT), which was written from the source document by hand. Rows are
// compared as a set unless the query's header says "# order: significant".
// With our engine, each query also gets the plan committed in
// tests/expected/plans/NAME.plan: which operators, which order of triple
// patterns, and whether the order is the cheapest of all (searched
// exhaustively) or greedy; the counts and estimates are left out, so a
// correction of the data does not change a plan's shape. After a deliberate
// change of the planner, WERKAGENDA_UPDATE_PLANS=1 writes the new plans; the
// diff is the review.
#include "support/project.hpp"
#include "support/server_process.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

namespace wa::test {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Records of a CSV text (RFC 4180: quoted fields may hold commas, quotes, line breaks).
std::vector<std::string> csv_records(const std::string& text) {
  std::vector<std::string> records;
  std::string record;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      records.push_back(record);
      record.clear();
      ++i;
      continue;
    }
    record += c;
  }
  if (!record.empty()) records.push_back(record);
  return records;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && !line.starts_with("#")) out.push_back(line);
  }
  return out;
}

std::vector<std::string> library_queries() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(project_root() / "queries")) {
    const std::string file = entry.path().filename().string();
    if (file.ends_with(".rq")) names.push_back(file.substr(0, file.size() - 3));
  }
  std::ranges::sort(names);
  return names;
}

class QueryLibrary : public ::testing::TestWithParam<std::string> {
protected:
  static ServerProcess* server;
  /// The deadline per query: generous, and longer in a sanitizer build, where
  /// the engine runs several times slower (WERKAGENDA_TEST_QUERY_TIMEOUT_MS).
  static std::string deadline_ms() {
    const char* configured = std::getenv("WERKAGENDA_TEST_QUERY_TIMEOUT_MS");
    return configured != nullptr ? configured : "30000";
  }
  static void SetUpTestSuite() {
    server = new ServerProcess({"--workers", "2", "--timeout-ms", deadline_ms()});
  }
  static void TearDownTestSuite() {
    delete server;
    server = nullptr;
  }
};

ServerProcess* QueryLibrary::server = nullptr;

TEST(QueryLibraryContents, HasAtLeastFifteenQueriesEachWithAnExpectedResult) {
  if (!virtuoso_test_dir().empty())
    GTEST_SKIP() << "the library's contents do not depend on the store";
  std::vector<std::string> names = library_queries();
  EXPECT_GE(names.size(), 15U);
  for (const std::string& name : names) {
    const bool has_expected =
        std::filesystem::exists(project_root() / "tests/expected" / (name + ".csv")) ||
        std::filesystem::exists(project_root() / "tests/expected" / (name + ".nt"));
    EXPECT_TRUE(has_expected) << name;
    const std::string query = read(project_root() / "queries" / (name + ".rq"));
    for (const char* header : {"# title:", "# description (en):", "# description (nl):"}) {
      EXPECT_NE(query.find(header), std::string::npos) << name << " lacks " << header;
    }
  }
}

/// Runs `query_file` through the endpoint and compares with `expected_stem`.csv
/// (or .nt for a graph): as a set of rows, or in order where the query says so.
void expect_result(const ServerProcess& server, const std::filesystem::path& query_file,
                   const std::string& expected_stem, const std::string& deadline_ms) {
  const std::string query = read(query_file);
  const std::filesystem::path expected_csv =
      project_root() / "tests/expected" / (expected_stem + ".csv");
  const bool graph = !std::filesystem::exists(expected_csv);
  const std::string expected =
      read(graph ? project_root() / "tests/expected" / (expected_stem + ".nt") : expected_csv);
  ASSERT_FALSE(expected.empty()) << "no expected result for " << expected_stem;

  httplib::Client client(server.host(), server.port());
  client.set_read_timeout(std::stoi(deadline_ms) / 1000 + 30, 0);
  auto response = client.Post("/sparql", {{"Accept", graph ? "application/n-triples" : "text/csv"}},
                              query, "application/sparql-query");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;

  std::vector<std::string> got = graph ? lines(response->body) : csv_records(response->body);
  std::vector<std::string> want = graph ? lines(expected) : csv_records(expected);
  ASSERT_FALSE(want.empty());
  const bool ordered = !graph && query.find("# order: significant") != std::string::npos;
  if (!ordered) {
    // The header row stays first; the rows are a set.
    std::sort(got.begin() + (graph ? 0 : 1), got.end());
    std::sort(want.begin() + (graph ? 0 : 1), want.end());
  }
  EXPECT_EQ(got, want) << expected_stem;
}

TEST_P(QueryLibrary, GivesTheExpectedResult) {
  const std::string name = GetParam();
  expect_result(*server, project_root() / "queries" / (name + ".rq"), name, deadline_ms());
}

/// An EXPLAIN without its numbers: "(12 triples)" and ", ~40 rows".
std::string plan_shape(const std::string& plan) {
  static const std::regex counts(R"(  \([0-9]+ triples\)|, ~[0-9.e+]+ rows)");
  return std::regex_replace(plan, counts, "");
}

TEST_P(QueryLibrary, GetsTheExpectedPlan) {
  if (!virtuoso_test_dir().empty()) GTEST_SKIP() << "plans are our engine's";
  const std::string name = GetParam();
  httplib::Client client(server->host(), server->port());
  const httplib::Params params{{"query", read(project_root() / "queries" / (name + ".rq"))},
                               {"explain", "true"}};
  auto response = client.Get("/sparql", params, httplib::Headers{});
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  const std::filesystem::path expected = project_root() / "tests/expected/plans" / (name + ".plan");
  if (std::getenv("WERKAGENDA_UPDATE_PLANS") != nullptr)
    std::ofstream(expected, std::ios::binary | std::ios::trunc) << plan_shape(response->body);
  EXPECT_EQ(plan_shape(response->body), read(expected)) << name;
}

INSTANTIATE_TEST_SUITE_P(Queries, QueryLibrary, ::testing::ValuesIn(library_queries()),
                         [](const ::testing::TestParamInfo<std::string>& parameter) {
                           std::string id = parameter.param;
                           std::ranges::replace(id, '-', '_');
                           return id;
                         });

} // namespace
} // namespace wa::test
