// Facts of section 17 the W3C suites check only in passing.
#include "engine/expr/functions.hpp"
#include "engine/expr/strings.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace wa::engine {
namespace {

const std::string xsd = "http://www.w3.org/2001/XMLSchema#";

rdf::Term typed(const std::string& value, const std::string& type) {
  return rdf::Term::typed(value, xsd + type);
}

rdf::Term call(const std::string& name, std::vector<rdf::Term> args) {
  FunctionContext context("http://example.org/", std::chrono::system_clock::now());
  return call_builtin(name, args, context);
}

TEST(Functions, ShortPlusShortIsAnInteger) {
  EXPECT_EQ(arithmetic(Arithmetic::add, typed("1", "short"), typed("2", "short")),
            typed("3", "integer"));
}

TEST(Functions, IntegerDivisionGivesAnExactDecimal) {
  EXPECT_EQ(arithmetic(Arithmetic::divide, typed("1", "integer"), typed("4", "integer")),
            typed("0.25", "decimal"));
  EXPECT_THROW((void)arithmetic(Arithmetic::divide, typed("1", "integer"), typed("0", "integer")),
               ExpressionError);
}

TEST(Functions, DecimalsAreExact) {
  EXPECT_EQ(arithmetic(Arithmetic::add, typed("0.1", "decimal"), typed("0.2", "decimal")),
            typed("0.3", "decimal"));
}

TEST(Functions, UpperCaseOfEszettIsDoubleS) {
  EXPECT_EQ(call("UCASE", {rdf::Term::literal("straße", "de")}),
            rdf::Term::literal("STRASSE", "de"));
}

TEST(Functions, MapsTheCaseOfAsciiAndOfOtherTextAlike) {
  // ASCII text takes a short way round ICU; the answers must not tell.
  EXPECT_EQ(call("LCASE", {rdf::Term::literal("Algoritme AI-Act 2024")}),
            rdf::Term::literal("algoritme ai-act 2024"));
  EXPECT_EQ(call("UCASE", {rdf::Term::literal("abc-xyz_09", "nl")}),
            rdf::Term::literal("ABC-XYZ_09", "nl"));
  EXPECT_EQ(call("LCASE", {rdf::Term::literal("ÉÉN ALGORITME")}),
            rdf::Term::literal("één algoritme"));
}

TEST(Functions, SearchesAsciiTextAsItsLowerCaseWouldBeSearched) {
  EXPECT_EQ(ascii_lower_case_contains("Het ALGORITMEregister", "algoritme"), true);
  EXPECT_EQ(ascii_lower_case_contains("Het ALGORITMEregister", "ALGORITME"), false)
      << "the lower-cased text has no capitals left to match";
  EXPECT_EQ(ascii_lower_case_contains("abc", ""), true);
  // Outside ASCII only ICU knows the lower case: U+212A KELVIN SIGN's is "k".
  EXPECT_EQ(ascii_lower_case_contains("\u212A", "k"), std::nullopt);
  EXPECT_EQ(
      call("CONTAINS", {call("LCASE", {rdf::Term::literal("\u212A")}), rdf::Term::literal("k")}),
      rdf::Term::typed("true", xsd + "boolean"));
}

TEST(Functions, UpperCaseMayMakeTextThreeTimesLonger) {
  // U+0390 (2 bytes) upper-cases to U+0399 U+0308 U+0301 (6 bytes).
  std::string small;
  std::string large;
  for (int i = 0; i < 20; ++i) {
    small += "\u0390";
    large += "\u0399\u0308\u0301";
  }
  EXPECT_EQ(call("UCASE", {rdf::Term::literal(small)}), rdf::Term::literal(large));
}

TEST(Functions, CountsCodePointsNotBytes) {
  EXPECT_EQ(call("STRLEN", {rdf::Term::literal("één")}), typed("3", "integer"));
  EXPECT_EQ(call("SUBSTR", {rdf::Term::literal("één"), typed("2", "integer")}),
            rdf::Term::literal("én"));
}

TEST(Functions, TheQFlagTakesThePatternLiterally) {
  EXPECT_EQ(
      call("REGEX", {rdf::Term::literal("a.c"), rdf::Term::literal("."), rdf::Term::literal("q")}),
      typed("true", "boolean"));
  EXPECT_EQ(
      call("REGEX", {rdf::Term::literal("abc"), rdf::Term::literal("."), rdf::Term::literal("q")}),
      typed("false", "boolean"));
}

TEST(Functions, ReplaceRefusesAPatternThatMatchesNothing) {
  EXPECT_THROW((void)call("REPLACE", {rdf::Term::literal("abc"), rdf::Term::literal("x*"),
                                      rdf::Term::literal("y")}),
               ExpressionError);
}

TEST(Functions, ComparingLiteralsOfAnUnknownDatatypeIsAnError) {
  const rdf::Term a = rdf::Term::typed("a", "http://example.org/t");
  const rdf::Term b = rdf::Term::typed("b", "http://example.org/t");
  EXPECT_THROW((void)compare(Comparison::equal, a, b), ExpressionError);
  EXPECT_TRUE(compare(Comparison::equal, a, a));
  EXPECT_FALSE(compare(Comparison::equal, rdf::Term::literal("a", "en"), a));
}

TEST(Functions, OrdersBlankNodesThenIrisThenLiterals) {
  EXPECT_LT(order_compare(rdf::Term::blank("b"), rdf::Term::iri("http://a")), 0);
  EXPECT_LT(order_compare(rdf::Term::iri("http://z"), rdf::Term::literal("a")), 0);
  EXPECT_LT(order_compare(typed("2", "integer"), typed("10", "integer")), 0);
}

} // namespace
} // namespace wa::engine
