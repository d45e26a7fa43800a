#include "rdf/namespaces.hpp"
#include "rdf/vocabulary_check.hpp"

#include <gtest/gtest.h>

namespace wa::rdf {
namespace {

const Term rdf_type = Term::iri(ns::term(ns::rdf, "type"));
const Term owl_class = Term::iri(ns::term(ns::owl, "Class"));

TEST(VocabularyCheck, AcceptsDeclaredClassesAndProperties) {
  Model ontology;
  ontology.add(Term::iri("http://ex/C"), rdf_type, owl_class);
  ontology.add(rdf_type, rdf_type, Term::iri(ns::term(ns::rdf, "Property")));
  Model data;
  data.add(Term::iri("http://ex/x"), rdf_type, Term::iri("http://ex/C"));
  EXPECT_TRUE(undeclared_terms(data, ontology).empty());
}

TEST(VocabularyCheck, NamesUndeclaredClassesAndProperties) {
  Model ontology;
  ontology.add(rdf_type, rdf_type, Term::iri(ns::term(ns::rdf, "Property")));
  Model data;
  data.add(Term::iri("http://ex/x"), rdf_type, Term::iri("http://ex/Unknown"));
  data.add(Term::iri("http://ex/x"), Term::iri("http://ex/unknownProperty"), Term::literal("v"));
  EXPECT_EQ(undeclared_terms(data, ontology),
            (std::vector<std::string>{"http://ex/Unknown", "http://ex/unknownProperty"}));
}

} // namespace
} // namespace wa::rdf
