// The importer on malformed source text: it reports what it cannot place and
// never throws. Regression tests for inputs the fuzzer found (tests/fuzz,
// importer_fuzz); the inputs are in tests/data/agenda/.
#include "agenda/importer.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace wa::agenda {
namespace {

ImportResult import_file(const std::string& name) {
  const AliasIndex bodies({{"BZK", rdf::Term::iri("urn:bzk")}, {"VNG", rdf::Term::iri("urn:vng")}});
  NoteSplitter notes({"eindigt bij deze woorden"});
  return import_agenda(read_source_lines(test::test_data("agenda/" + name)), bodies, notes);
}

bool reported(const ImportResult& result, int line, const std::string& problem) {
  return std::ranges::any_of(result.diagnostics, [&](const Diagnostic& diagnostic) {
    return diagnostic.line == line && diagnostic.problem.find(problem) != std::string::npos;
  });
}

// Found by importer_fuzz: a priority heading of a programme line the text does
// not have indexed the programme lines out of range (std::out_of_range).
TEST(ImporterOnMalformedText, ReportsAPriorityOfAMissingProgrammeLine) {
  ImportResult result;
  ASSERT_NO_THROW(result = import_file("priority-without-programme-line.txt"));
  EXPECT_TRUE(reported(result, 15, "the text has no programme line 3"));
  ASSERT_EQ(result.agenda.programme_lines.size(), 1U);
  EXPECT_TRUE(result.agenda.programme_lines[0].priorities.empty());
}

// Found by importer_fuzz: a second action table of a priority numbered its
// actions 1, 1 (two resources with one IRI); a row number longer than an int
// threw std::out_of_range from std::stoi.
TEST(ImporterOnMalformedText, ReportsARepeatedActionTableAndAnOverlongRowNumber) {
  ImportResult result;
  ASSERT_NO_THROW(result = import_file("repeated-sections.txt"));
  EXPECT_TRUE(reported(result, 37, "a second action table of priority 1.1"));
  EXPECT_TRUE(reported(result, 43, "expected table row 2"));
  const Priority& priority = result.agenda.programme_lines.at(0).priorities.at(0);
  ASSERT_EQ(priority.actions.size(), 1U); // the first table's, not the second's
  EXPECT_EQ(priority.actions[0].number, 1);
  EXPECT_EQ(priority.actions[0].description, "Een actie");
}

} // namespace
} // namespace wa::agenda
