// The werkagenda program as users run it: a real process, real files.
#include "support/earlier_release.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace wa::cli {
namespace {

struct CommandRun {
  int status = -1;
  std::string output; ///< stdout and stderr
};

std::string quoted(const std::string& argument) { return "'" + argument + "'"; }

CommandRun werkagenda(const std::string& arguments) {
  std::string command = quoted(WERKAGENDA_BINARY) + " " + arguments + " 2>&1";
  CommandRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  while (std::size_t read = fread(buffer.data(), 1, buffer.size(), pipe)) {
    run.output.append(buffer.data(), read);
  }
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class WerkagendaCommand : public ::testing::Test {
protected:
  std::filesystem::path scratch;

  void SetUp() override {
    scratch = std::filesystem::temp_directory_path() /
              ("werkagenda-cli-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(scratch);
  }
  void TearDown() override { std::filesystem::remove_all(scratch); }
};

TEST_F(WerkagendaCommand, HelpListsTheCommands) {
  CommandRun run = werkagenda("--help");
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(run.output.find("build"), std::string::npos);
  EXPECT_NE(run.output.find("validate"), std::string::npos);
}

TEST_F(WerkagendaCommand, UnknownCommandIsAUsageError) {
  EXPECT_EQ(werkagenda("frobnicate").status, 2);
  EXPECT_EQ(werkagenda("build --no-such-option").status, 2);
}

TEST_F(WerkagendaCommand, BuildTwiceGivesByteIdenticalFiles) {
  CommandRun first = werkagenda("build --out " + quoted((scratch / "a").string()));
  ASSERT_EQ(first.status, 0) << first.output;
  CommandRun second = werkagenda("build --out " + quoted((scratch / "b").string()));
  ASSERT_EQ(second.status, 0) << second.output;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(scratch / "a")) {
    ++files;
    EXPECT_EQ(read_file(entry.path()), read_file(scratch / "b" / entry.path().filename()))
        << entry.path().filename();
  }
  EXPECT_EQ(files, 23U); // 22 dumps and the catalogue
}

TEST_F(WerkagendaCommand, BuildHonoursTheBase) {
  CommandRun run =
      werkagenda("--base http://localhost:9999/ build --out " + quoted(scratch.string()));
  ASSERT_EQ(run.status, 0) << run.output;
  std::string agenda = read_file(scratch / "agenda.nt");
  EXPECT_NE(agenda.find("<http://localhost:9999/id/action/3.3.5>"), std::string::npos);
  EXPECT_EQ(agenda.find("https://w3id.org/werkagenda/id/"), std::string::npos);
}

TEST_F(WerkagendaCommand, BuildNamesTheOperatorAsPublisherWhenTold) {
  CommandRun run = werkagenda("build --out " + quoted(scratch.string()) +
                              " --publisher-name 'Open Data Lab' --publisher-iri "
                              "https://example.org/lab --contact-email data@example.org");
  ASSERT_EQ(run.status, 0) << run.output;
  const std::string catalogue = read_file(scratch / "catalogue.ttl");
  EXPECT_NE(catalogue.find("dcterms:publisher <https://example.org/lab>"), std::string::npos);
  EXPECT_NE(catalogue.find("\"Open Data Lab\""), std::string::npos);
  EXPECT_NE(catalogue.find("<mailto:data@example.org>"), std::string::npos);
  // The project stays the creator; BZK is the author of the source only.
  EXPECT_NE(catalogue.find("dcterms:creator <https://w3id.org/werkagenda/catalogue#werkagenda-ld>"),
            std::string::npos);
}

TEST_F(WerkagendaCommand, HelpNamesTheReleasesOption) {
  CommandRun run = werkagenda("--help");
  EXPECT_NE(run.output.find("--releases DIR"), std::string::npos);
  EXPECT_NE(run.output.find("/dump/VERSION/NAME"), std::string::npos);
}

TEST_F(WerkagendaCommand, BuildListsTheEarlierReleasesItIsGiven) {
  CommandRun run = werkagenda("build --out " + quoted(scratch.string()) + " --releases " +
                              quoted(test::earlier_releases().string()));
  ASSERT_EQ(run.status, 0) << run.output;
  const std::string catalogue = read_file(scratch / "catalogue.ttl");
  const std::string release =
      "<https://w3id.org/werkagenda/dataset/release/" + test::earlier_version + ">";
  EXPECT_NE(catalogue.find("dcat:previousVersion " + release), std::string::npos);
  EXPECT_NE(catalogue.find("<https://w3id.org/werkagenda/dump/" + test::earlier_version +
                           "/werkagenda.ttl>"),
            std::string::npos);
}

TEST_F(WerkagendaCommand, BuildStopsOnAReleaseFolderNotNamedByAVersionAndWritesNothing) {
  std::filesystem::create_directories(scratch / "releases/newest");
  CommandRun run = werkagenda("build --out " + quoted((scratch / "out").string()) + " --releases " +
                              quoted((scratch / "releases").string()));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.output.find((scratch / "releases/newest").string()), std::string::npos)
      << run.output;
  EXPECT_FALSE(std::filesystem::exists(scratch / "out"));
}

TEST_F(WerkagendaCommand, ABadPublisherIriIsAUsageError) {
  CommandRun run =
      werkagenda("build --out " + quoted(scratch.string()) + " --publisher-iri not-an-iri");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.output.find("--publisher-iri"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(scratch / "catalogue.ttl"));
}

TEST_F(WerkagendaCommand, ValidatePassesOnTheDataset) {
  CommandRun run = werkagenda("validate");
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("0 violation(s)"), std::string::npos) << run.output;
}

TEST_F(WerkagendaCommand, ValidateFailsOnBrokenData) {
  CommandRun run = werkagenda("validate " + quoted(test::test_data("broken/action.ttl").string()));
  EXPECT_EQ(run.status, 1) << run.output;
  for (const char* expected :
       {"sh:maxCount", "sh:datatype", "sh:pattern", "is used but not declared in the ontology"}) {
    EXPECT_NE(run.output.find(expected), std::string::npos) << expected << "\n" << run.output;
  }
}

TEST_F(WerkagendaCommand, ABadSourceLineIsReportedWithItsNumberAndNothingIsWritten) {
  std::filesystem::path root = scratch / "root";
  std::filesystem::create_directories(root / "data");
  std::filesystem::copy(test::project_root() / "data", root / "data",
                        std::filesystem::copy_options::recursive);
  std::filesystem::copy(test::project_root() / "ontology", root / "ontology",
                        std::filesystem::copy_options::recursive);
  const std::filesystem::path source =
      root / "data/source/werkagenda-waardengedreven-digitaliseren-2022.txt";
  std::string text = read_file(source);
  // Line 209 is the heading of the actions of 1.3; the stray line takes its place.
  const std::string anchor = "\n1.3b Impact online desinformatie verminderen | Acties\n";
  text.insert(text.find(anchor) + 1, "Een verdwaalde regel\n");
  std::ofstream(source, std::ios::binary | std::ios::trunc) << text;

  CommandRun run = werkagenda("--root " + quoted(root.string()) + " build --out " +
                              quoted((scratch / "out").string()));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.output.find(":209: "), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("Een verdwaalde regel"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(scratch / "out"));
}

TEST_F(WerkagendaCommand, ACuratedSyntaxErrorNamesFileAndLine) {
  std::filesystem::path root = scratch / "root";
  std::filesystem::create_directories(root);
  std::filesystem::copy(test::project_root() / "data", root / "data",
                        std::filesystem::copy_options::recursive);
  std::filesystem::copy(test::project_root() / "ontology", root / "ontology",
                        std::filesystem::copy_options::recursive);
  std::ofstream(root / "data/curated/agenda.ttl", std::ios::app) << "\n<id/x> <broken .\n";
  CommandRun run = werkagenda("--root " + quoted(root.string()) + " build --out " +
                              quoted((scratch / "out").string()));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.output.find("agenda.ttl:"), std::string::npos) << run.output;
}

} // namespace
} // namespace wa::cli

namespace wa::cli {
namespace {

TEST(WerkagendaQuery, RunsALibraryQueryAsAnAlignedTable) {
  CommandRun run = werkagenda(
      "query " + quoted((test::project_root() / "queries/actions-per-lead.rq").string()));
  ASSERT_EQ(run.status, 0) << run.output;
  const std::string first_row =
      run.output.substr(run.output.find('\n', run.output.find("-+-")) + 1);
  EXPECT_TRUE(first_row.starts_with("organisation:BZK ")) << run.output;
  EXPECT_NE(first_row.find("| 82\n"), std::string::npos) << first_row.substr(0, 200);
}

TEST(WerkagendaQuery, WritesCsv) {
  CommandRun run = werkagenda(
      "query --format csv -e " +
      quoted("SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://w3id.org/werkagenda/def#Goal> }"));
  EXPECT_EQ(run.status, 0);
  EXPECT_EQ(run.output, "n\r\n51\r\n");
}

TEST(WerkagendaQuery, AQueryErrorExits1WithThePosition) {
  CommandRun run = werkagenda("query -e " + quoted("SELECT ?x WHERE { ?x"));
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.output.find("line 1"), std::string::npos) << run.output;
  CommandRun refused = werkagenda(
      "query -e " + quoted("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"));
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.output.find("SERVICE"), std::string::npos);
}

/// Agenda items that name an act with a subject in the loaded file.
const std::string items_by_loaded_subject =
    "PREFIX dcterms: <http://purl.org/dc/terms/> "
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
    "SELECT (COUNT(DISTINCT ?item) AS ?items) ?label WHERE { "
    "?item dcterms:references ?act . ?act dcterms:subject/skos:prefLabel ?label } GROUP BY ?label";

TEST(WerkagendaQuery, JoinsTheAgendaWithRdfXmlLoadedBesideIt) {
  const std::string file = (test::project_root() / "tests/data/cli/ai-act-subjects.rdf").string();
  CommandRun run = werkagenda("query --format csv --load " + quoted(file) + " -e " +
                              quoted(items_by_loaded_subject));
  ASSERT_EQ(run.status, 0) << run.output;
  CommandRun named = werkagenda(
      "query --format csv -e " +
      quoted("PREFIX dcterms: <http://purl.org/dc/terms/> SELECT (COUNT(DISTINCT ?item) AS ?items) "
             "WHERE { ?item dcterms:references <http://data.europa.eu/eli/reg/2024/1689/oj> }"));
  ASSERT_EQ(named.status, 0) << named.output;
  // As many agenda items as name the AI Act, now found through the loaded subject.
  const std::string count = named.output.substr(named.output.find('\n') + 1);
  EXPECT_EQ(run.output,
            "items,label\r\n" + count.substr(0, count.find('\r')) + ",artificial intelligence\r\n");
  EXPECT_NE(count, "0\r\n");
}

TEST(WerkagendaQuery, KeepsTheLoadedFileInAGraphOfItsOwn) {
  const std::string file = (test::project_root() / "tests/data/cli/ai-act-subjects.rdf").string();
  CommandRun run = werkagenda(
      "query --format csv --load " + quoted(file) +
      " --load-graph https://example.org/subjects -e " +
      quoted(
          "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://example.org/subjects> { ?s ?p ?o } }"));
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_EQ(run.output, "n\r\n3\r\n");
}

TEST(WerkagendaQuery, ServesALoadedFileAloneWithNoAgenda) {
  const std::string file = (test::project_root() / "tests/data/cli/ai-act-subjects.rdf").string();
  CommandRun run = werkagenda("query --format csv --no-agenda --load " + quoted(file) + " -e " +
                              quoted("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"));
  EXPECT_EQ(run.status, 0) << run.output;
  EXPECT_EQ(run.output, "n\r\n3\r\n");
  EXPECT_EQ(werkagenda("query --no-agenda -e 'ASK {}'").status, 2) << "--no-agenda needs --load";
}

TEST(WerkagendaQuery, UsageErrorsExit2) {
  EXPECT_EQ(werkagenda("query").status, 2);
  EXPECT_EQ(werkagenda("query -e 'ASK {}' --format png").status, 2);
  EXPECT_EQ(werkagenda("query -e 'ASK {}' --row-limit many").status, 2);
}

} // namespace
} // namespace wa::cli
