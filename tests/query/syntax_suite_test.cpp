// The W3C SPARQL 1.0 and 1.1 syntax tests, straight against the parser: a
// positive test must parse, a negative one must be refused with a
// SyntaxError. Every query of the evaluation tests must parse too.
#include "query/parser.hpp"
#include "rdf/model.hpp"
#include "rdf/turtle_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <set>
#include <sstream>

namespace wa::query {
namespace {

const std::string mf = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const std::string qt = "http://www.w3.org/2001/sw/DataAccess/tests/test-query#";
const std::string rdf_ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const std::filesystem::path suite =
    std::filesystem::path(WERKAGENDA_SOURCE_DIR) / "tests/w3c/suite";

struct SuiteTest {
  std::string name;
  std::filesystem::path query;
  bool positive = true;
};

/// How a test shows in gtest's output: its query file.
void PrintTo(const SuiteTest& test, std::ostream* out) { *out << test.query.filename(); }

std::filesystem::path path_of(const rdf::Term& term) {
  return term.value.substr(std::string("file://").size());
}

std::vector<rdf::Term> list_items(const rdf::Model& model, rdf::Term list) {
  std::vector<rdf::Term> items;
  const rdf::Term first = rdf::Term::iri(rdf_ns + "first");
  const rdf::Term rest = rdf::Term::iri(rdf_ns + "rest");
  while (list.value != rdf_ns + "nil") {
    auto item = model.object(list, first);
    auto next = model.object(list, rest);
    if (!item || !next) break;
    items.push_back(*item);
    list = *next;
  }
  return items;
}

/// Every test of `manifest` and the manifests it includes.
void read_manifest(const std::filesystem::path& manifest, std::vector<SuiteTest>& tests,
                   std::set<std::filesystem::path>& seen, bool evaluation) {
  if (!std::filesystem::exists(manifest) || !seen.insert(manifest).second) return;
  rdf::Model model;
  rdf::read_file(model, manifest, "file://" + manifest.string());
  const auto manifests =
      model.subjects(rdf::Term::iri(rdf_ns + "type"), rdf::Term::iri(mf + "Manifest"));
  for (const rdf::Term& node : manifests) {
    for (const rdf::Term& list : model.objects(node, rdf::Term::iri(mf + "include")))
      for (const rdf::Term& included : list_items(model, list))
        read_manifest(path_of(included), tests, seen, evaluation);
    for (const rdf::Term& list : model.objects(node, rdf::Term::iri(mf + "entries"))) {
      for (const rdf::Term& entry : list_items(model, list)) {
        auto type = model.object(entry, rdf::Term::iri(rdf_ns + "type"));
        auto action = model.object(entry, rdf::Term::iri(mf + "action"));
        if (!type || !action) continue;
        const std::string kind = type->value.substr(type->value.find('#') + 1);
        const std::string name = manifest.parent_path().filename().string() + "_" +
                                 entry.value.substr(entry.value.find_last_of("#/") + 1);
        if (!evaluation && kind.find("SyntaxTest") != std::string::npos) {
          tests.push_back({name, path_of(*action), kind.starts_with("Positive")});
        } else if (evaluation && kind == "QueryEvaluationTest") {
          if (auto query = model.object(*action, rdf::Term::iri(qt + "query")))
            tests.push_back({name, path_of(*query), true});
        }
      }
    }
  }
}

std::vector<SuiteTest> suite_tests(bool evaluation) {
  std::vector<SuiteTest> tests;
  std::set<std::filesystem::path> seen;
  if (evaluation) {
    read_manifest(suite / "sparql10/manifest-evaluation.ttl", tests, seen, true);
    read_manifest(suite / "sparql11/manifest-sparql11-query.ttl", tests, seen, true);
  } else {
    read_manifest(suite / "sparql10/manifest-syntax.ttl", tests, seen, false);
    read_manifest(suite / "sparql11/syntax-query/manifest.ttl", tests, seen, false);
    read_manifest(suite / "sparql11/syntax-fed/manifest.ttl", tests, seen, false);
  }
  return tests;
}

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string test_name(const ::testing::TestParamInfo<SuiteTest>& info) {
  std::string name = info.param.name + "_" + std::to_string(info.index);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

class SyntaxSuite : public ::testing::TestWithParam<SuiteTest> {};

TEST_P(SyntaxSuite, PositiveParsesAndNegativeIsRefused) {
  const SuiteTest& test = GetParam();
  const std::string text = read(test.query);
  const ParseOptions options{"file://" + test.query.string()};
  if (test.positive) {
    EXPECT_NO_THROW((void)parse_query(text, options)) << test.query << "\n" << text;
  } else {
    EXPECT_THROW((void)parse_query(text, options), SyntaxError) << test.query << "\n" << text;
  }
}

INSTANTIATE_TEST_SUITE_P(W3C, SyntaxSuite, ::testing::ValuesIn(suite_tests(false)), test_name);

class EvaluationQueries : public ::testing::TestWithParam<SuiteTest> {};

TEST_P(EvaluationQueries, Parse) {
  const SuiteTest& test = GetParam();
  const std::string text = read(test.query);
  EXPECT_NO_THROW((void)parse_query(text, {"file://" + test.query.string()})) << test.query << "\n"
                                                                              << text;
}

INSTANTIATE_TEST_SUITE_P(W3C, EvaluationQueries, ::testing::ValuesIn(suite_tests(true)), test_name);

} // namespace
} // namespace wa::query
