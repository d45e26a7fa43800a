#include "publish/dumps.hpp"

#include "publish/gzip.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace wa::publish {
namespace {

const std::vector<DumpFile>& dumps() {
  static const std::vector<DumpFile> files = make_dumps(test::real_dataset());
  return files;
}

const DumpFile& dump(const std::string& name) {
  auto found = std::ranges::find(dumps(), name, &DumpFile::name);
  if (found == dumps().end()) throw std::out_of_range(name);
  return *found;
}

bool has_dump(const std::string& name) {
  return std::ranges::find(dumps(), name, &DumpFile::name) != dumps().end();
}

TEST(Dumps, GivesEachPartAndTheWholeInEveryFormat) {
  for (const char* part : {"werkagenda", "agenda", "organisations", "legislation", "ontology"}) {
    for (const char* extension : {".ttl", ".ttl.gz", ".nt", ".nt.gz"}) {
      std::string name = std::string(part) + extension;
      EXPECT_TRUE(has_dump(name)) << name;
    }
  }
  EXPECT_TRUE(has_dump("werkagenda.nq.gz"));
}

TEST(Dumps, TurtleAndNTriplesParseBackToTheSameNumberOfTriples) {
  for (const char* part : {"werkagenda", "agenda", "organisations", "legislation", "ontology"}) {
    rdf::Model from_turtle;
    rdf::read_string(from_turtle, dump(std::string(part) + ".ttl").content, "", part);
    rdf::Model from_ntriples;
    rdf::read_string(from_ntriples, dump(std::string(part) + ".nt").content, "", part,
                     rdf::Syntax::ntriples);
    EXPECT_EQ(from_turtle.size(), dump(std::string(part) + ".ttl").triples) << part;
    EXPECT_EQ(from_ntriples.size(), from_turtle.size()) << part;
    EXPECT_GT(from_turtle.size(), 0U) << part;
  }
}

TEST(Dumps, TheWholeIsTheUnionOfItsParts) {
  std::size_t parts = 0;
  for (const char* part : {"agenda", "organisations", "legislation", "ontology"}) {
    parts += dump(std::string(part) + ".nt").triples;
  }
  // A triple may stand in two parts (the ontology declares reused terms that
  // curated files describe too), so the union is at most the sum.
  EXPECT_LE(dump("werkagenda.nt").triples, parts);
  EXPECT_EQ(dump("werkagenda.nq").triples, parts);
}

TEST(Dumps, GzipFilesHoldTheSameBytes) {
  for (const DumpFile& file : dumps()) {
    if (file.name.ends_with(".gz")) {
      EXPECT_EQ(gunzip(file.content), dump(file.name.substr(0, file.name.size() - 3)).content);
    }
  }
}

TEST(Dumps, SameDatasetGivesTheSameBytes) {
  std::vector<DumpFile> again = make_dumps(test::real_dataset());
  ASSERT_EQ(again.size(), dumps().size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    EXPECT_EQ(again[i].content, dumps()[i].content) << again[i].name;
  }
}

TEST(Dumps, TheListWithoutBytesNamesTheSameFiles) {
  const std::vector<DumpFile> list = dump_list(test::real_dataset(), dump("werkagenda.nt").triples);
  ASSERT_EQ(list.size(), dumps().size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(list[i].name, dumps()[i].name);
    EXPECT_EQ(list[i].triples, dumps()[i].triples) << list[i].name;
    EXPECT_TRUE(list[i].content.empty());
    EXPECT_TRUE(is_dump_name(test::real_dataset(), list[i].name));
  }
  EXPECT_FALSE(is_dump_name(test::real_dataset(), "werkagenda.rdf"));
}

TEST(Dumps, NQuadsPutEachPartInItsNamedGraph) {
  const std::string& quads = dump("werkagenda.nq").content;
  EXPECT_NE(quads.find("<https://w3id.org/werkagenda/graph/agenda> .\n"), std::string::npos);
  EXPECT_NE(quads.find("<https://w3id.org/werkagenda/graph/legislation> .\n"), std::string::npos);
}

} // namespace
} // namespace wa::publish
