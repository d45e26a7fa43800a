#include "rdf/turtle_reader.hpp"
#include "rdf/writer.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace wa::rdf {
namespace {

Model small_model() {
  Model model;
  read_file(model, std::filesystem::path(WERKAGENDA_TEST_DATA) / "rdf/small.ttl",
            "https://example.net/");
  return model;
}

TEST(Writer, TurtleReadsBackToTheSameGraph) {
  Model original = small_model();
  Model copy;
  read_string(copy, to_turtle(original), "", "written.ttl");
  EXPECT_EQ(copy.triples(), original.triples());
}

TEST(Writer, NTriplesReadsBackToTheSameGraph) {
  Model original = small_model();
  Model copy;
  read_string(copy, to_ntriples(original), "", "written.nt", Syntax::ntriples);
  EXPECT_EQ(copy.triples(), original.triples());
}

TEST(Writer, SameGraphGivesSameBytesWhateverTheInsertionOrder) {
  Model forwards;
  Model backwards;
  std::vector<Triple> triples = small_model().triples();
  for (const Triple& triple : triples)
    forwards.add(triple);
  for (auto it = triples.rbegin(); it != triples.rend(); ++it)
    backwards.add(*it);
  EXPECT_EQ(to_turtle(forwards), to_turtle(backwards));
  EXPECT_EQ(to_ntriples(forwards), to_ntriples(backwards));
}

TEST(Writer, TurtleUsesPrefixesAndGroupsBySubject) {
  std::string turtle = to_turtle(small_model());
  EXPECT_NE(turtle.find("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."),
            std::string::npos);
  EXPECT_NE(turtle.find("rdfs:label"), std::string::npos);
  EXPECT_EQ(turtle.find("<http://www.w3.org/2000/01/rdf-schema#label>"), std::string::npos);
}

TEST(Writer, NQuadsPutEveryTripleInTheGraph) {
  std::string quads = to_nquads(small_model(), "https://example.net/graph/g");
  std::size_t lines = 0;
  for (std::size_t at = quads.find("<https://example.net/graph/g> .\n"); at != std::string::npos;
       at = quads.find("<https://example.net/graph/g> .\n", at + 1)) {
    ++lines;
  }
  EXPECT_EQ(lines, 7U);
}

TEST(Writer, NQuadsHandedToASinkAreTheSameBytes) {
  const Model model = small_model();
  std::string pieces;
  std::size_t calls = 0;
  write_nquads(model, "https://example.net/graph/g", [&](std::string_view piece) {
    pieces += piece;
    ++calls;
  });
  EXPECT_EQ(pieces, to_nquads(model, "https://example.net/graph/g"));
  EXPECT_GT(calls, 7U); // in pieces, not gathered first
}

} // namespace
} // namespace wa::rdf
