#include "sparql/graph_writers.hpp"

#include "rdf/turtle_reader.hpp"

#include <gtest/gtest.h>

namespace wa::sparql {
namespace {

using rdf::Term;

std::vector<rdf::Triple> graph() {
  return {{Term::iri("http://e/a"), Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
           Term::iri("http://e/T")},
          {Term::iri("http://e/a"), Term::iri("http://e/ns#label"), Term::literal("A & B", "nl")},
          {Term::iri("http://e/a"), Term::iri("http://e/count"),
           Term::typed("3", "http://www.w3.org/2001/XMLSchema#integer")},
          {Term::blank("x"), Term::iri("http://e/ns#label"), Term::literal("blank")}};
}

TEST(GraphWriters, TurtleAndNTriplesReadBack) {
  rdf::Model from_turtle;
  rdf::read_string(from_turtle, graph_to_turtle(graph(), false), "", "turtle");
  EXPECT_EQ(from_turtle.size(), 4U);
  rdf::Model from_ntriples;
  rdf::read_string(from_ntriples, graph_to_ntriples(graph(), true), "", "nt",
                   rdf::Syntax::ntriples);
  EXPECT_EQ(from_ntriples.size(), 4U);
  EXPECT_TRUE(graph_to_ntriples(graph(), true).starts_with("# truncated"));
}

TEST(GraphWriters, RdfXmlDeclaresNamespacesAndEscapes) {
  std::string xml = graph_to_rdfxml(graph());
  EXPECT_NE(xml.find("<rdf:Description rdf:about=\"http://e/a\">"), std::string::npos);
  EXPECT_NE(xml.find("xml:lang=\"nl\">A &amp; B</"), std::string::npos);
  EXPECT_NE(xml.find("rdf:datatype=\"http://www.w3.org/2001/XMLSchema#integer\">3</"),
            std::string::npos);
  EXPECT_NE(xml.find("<rdf:Description rdf:nodeID=\"x\">"), std::string::npos);
  EXPECT_NE(xml.find("=\"http://e/\""), std::string::npos);
  EXPECT_NE(xml.find("<rdf:type rdf:resource=\"http://e/T\"/>"), std::string::npos);
}

TEST(GraphWriters, RdfXmlRefusesAPredicateWithoutALocalName) {
  EXPECT_THROW((void)graph_to_rdfxml(
                   {{Term::iri("http://e/a"), Term::iri("http://e/1/"), Term::literal("x")}}),
               std::runtime_error);
}

TEST(GraphWriters, JsonLdIsExpanded) {
  std::string json = graph_to_jsonld(graph());
  EXPECT_NE(json.find("{\"@id\":\"http://e/a\",\"@type\":[\"http://e/T\"]"), std::string::npos)
      << json;
  EXPECT_NE(json.find("\"http://e/ns#label\":[{\"@value\":\"A & B\",\"@language\":\"nl\"}]"),
            std::string::npos);
  EXPECT_NE(json.find("{\"@id\":\"_:x\""), std::string::npos);
}

} // namespace
} // namespace wa::sparql
