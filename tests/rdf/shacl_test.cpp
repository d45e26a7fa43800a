#include "rdf/shacl.hpp"
#include "rdf/turtle_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace wa::rdf {
namespace {

Model read(const std::string& name) {
  Model model;
  read_file(model, std::filesystem::path(WERKAGENDA_TEST_DATA) / "shacl" / name,
            "http://example.org/");
  return model;
}

bool has_result(const ShaclReport& report, const std::string& focus,
                const std::string& constraint) {
  return std::ranges::any_of(report.results, [&](const ShaclResult& result) {
    return result.focus == focus && result.constraint == constraint;
  });
}

TEST(Shacl, ValidDataConforms) {
  ShaclReport report = validate_shacl(read("valid.ttl"), read("shapes.ttl"));
  EXPECT_TRUE(report.conforms());
  EXPECT_TRUE(report.results.empty());
}

TEST(Shacl, FindsEveryKindOfViolation) {
  ShaclReport report = validate_shacl(read("invalid.ttl"), read("shapes.ttl"));
  EXPECT_FALSE(report.conforms());
  const std::string item1 = "<http://example.org/item/1>";
  const std::string thing = "<http://example.org/thing/x>";
  EXPECT_TRUE(has_result(report, item1, "qualifiedMinCount"));
  EXPECT_TRUE(has_result(report, item1, "datatype"));
  EXPECT_TRUE(has_result(report, item1, "class"));
  EXPECT_TRUE(has_result(report, item1, "in"));
  EXPECT_TRUE(has_result(report, thing, "pattern"));
  EXPECT_TRUE(has_result(report, thing, "uniqueLang"));
  EXPECT_TRUE(has_result(report, thing, "minCount"));
  EXPECT_TRUE(has_result(report, thing, "maxCount"));
}

TEST(Shacl, ReportsSeverityFromTheShape) {
  ShaclReport report = validate_shacl(read("invalid.ttl"), read("shapes.ttl"));
  EXPECT_EQ(report.count("Warning"), 1U);
  EXPECT_TRUE(has_result(report, "<http://example.org/box>", "minCount"));
}

TEST(Shacl, RefusesShapesItCannotCheck) {
  ShaclReport report = validate_shacl(read("valid.ttl"), read("unsupported-shape.ttl"));
  EXPECT_FALSE(report.conforms());
  ASSERT_EQ(report.shape_errors.size(), 1U);
  EXPECT_NE(report.shape_errors[0].find("lessThan"), std::string::npos);
}

} // namespace
} // namespace wa::rdf
