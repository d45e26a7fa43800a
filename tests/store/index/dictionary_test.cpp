// The dictionary gives equal RDF 1.1 terms one id, and only equal ones.
#include "store/dictionary.hpp"

#include <gtest/gtest.h>

namespace wa::store {
namespace {

const std::string xsd = "http://www.w3.org/2001/XMLSchema#";

TEST(Dictionary, GivesDenseIdsFromOne) {
  Dictionary dictionary;
  EXPECT_EQ(dictionary.intern(rdf::Term::iri("http://e/a")), 1U);
  EXPECT_EQ(dictionary.intern(rdf::Term::iri("http://e/b")), 2U);
  EXPECT_EQ(dictionary.intern(rdf::Term::iri("http://e/a")), 1U);
  EXPECT_EQ(dictionary.size(), 2U);
  EXPECT_EQ(dictionary.term(2).value, "http://e/b");
}

TEST(Dictionary, AnXsdStringIsTheSimpleLiteral) {
  Dictionary dictionary;
  const TermId plain = dictionary.intern(rdf::Term::literal("x"));
  EXPECT_EQ(dictionary.intern(rdf::Term::typed("x", xsd + "string")), plain);
  EXPECT_EQ(dictionary.term(plain).datatype, "");
}

TEST(Dictionary, LanguageTagsAreComparedWithoutCase) {
  Dictionary dictionary;
  const TermId lower = dictionary.intern(rdf::Term::literal("chat", "en"));
  EXPECT_EQ(dictionary.find(rdf::Term::literal("chat", "EN")), lower);
}

TEST(Dictionary, KeepsLexicalFormsThatDifferAsDifferentTerms) {
  Dictionary dictionary;
  EXPECT_NE(dictionary.intern(rdf::Term::typed("01", xsd + "integer")),
            dictionary.intern(rdf::Term::typed("1", xsd + "integer")));
  EXPECT_NE(dictionary.intern(rdf::Term::iri("x")), dictionary.intern(rdf::Term::blank("x")));
  EXPECT_FALSE(dictionary.find(rdf::Term::literal("absent")));
}

TEST(Dictionary, StoresTheCanonicalFormWhicheverCameFirst) {
  Dictionary dictionary;
  const TermId typed =
      dictionary.intern(rdf::Term{rdf::Term::Kind::literal, "x", "", xsd + "string"});
  EXPECT_EQ(dictionary.term(typed), rdf::Term::literal("x"));
  const TermId upper = dictionary.intern(rdf::Term::literal("chat", "EN"));
  EXPECT_EQ(dictionary.term(upper).language, "en");
  EXPECT_EQ(dictionary.intern(rdf::Term::literal("chat", "en")), upper);
  EXPECT_EQ(dictionary.size(), 2U);
  EXPECT_EQ(canonical_term(rdf::Term::typed("01", xsd + "integer")).value, "01");
}

} // namespace
} // namespace wa::store
