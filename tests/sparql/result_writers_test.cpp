#include "sparql/result_writers.hpp"

#include "rdf/escaping.hpp"

#include <gtest/gtest.h>

namespace wa::sparql {
namespace {

using rdf::QueryResult;
using rdf::Term;

QueryResult table() {
  QueryResult result;
  result.variables = {"s", "label"};
  result.rows.push_back({Term::iri("http://e/a"), Term::literal("say \"hi\", ok", "en")});
  result.rows.push_back({Term::blank("b0"), std::nullopt});
  result.rows.push_back(
      {std::nullopt, Term::typed("5", "http://www.w3.org/2001/XMLSchema#integer")});
  return result;
}

QueryResult boolean(bool value) {
  QueryResult result;
  result.form = QueryResult::Form::boolean;
  result.boolean = value;
  return result;
}

TEST(ResultWriters, JsonLeavesUnboundVariablesOut) {
  EXPECT_EQ(to_json(table()), "{\"head\":{\"vars\":[\"s\",\"label\"]},\"results\":{\"bindings\":[\n"
                              "{\"s\":{\"type\":\"uri\",\"value\":\"http://e/"
                              "a\"},\"label\":{\"type\":\"literal\",\"value\":"
                              "\"say \\\"hi\\\", ok\",\"xml:lang\":\"en\"}},\n"
                              "{\"s\":{\"type\":\"bnode\",\"value\":\"b0\"}},\n"
                              "{\"label\":{\"type\":\"literal\",\"value\":\"5\",\"datatype\":"
                              "\"http://www.w3.org/2001/XMLSchema#integer\"}}]}}\n");
  EXPECT_EQ(to_json(table()).find("unbound"), std::string::npos);
}

TEST(ResultWriters, JsonBoolean) {
  EXPECT_EQ(to_json(boolean(true)), "{\"head\":{},\"boolean\":true}\n");
}

TEST(ResultWriters, JsonEscapesControlCharacters) {
  EXPECT_EQ(rdf::json_string("a\x01"
                             "b\n"),
            "\"a\\u0001b\\n\"");
}

TEST(ResultWriters, JsonMarksTruncation) {
  QueryResult result = table();
  result.truncated = true;
  EXPECT_NE(to_json(result).find("\"truncated\":true"), std::string::npos);
}

TEST(ResultWriters, XmlLeavesUnboundVariablesOut) {
  std::string xml = to_xml(table());
  EXPECT_NE(xml.find("<variable name=\"s\"/><variable name=\"label\"/>"), std::string::npos);
  EXPECT_NE(xml.find("<result><binding name=\"s\"><bnode>b0</bnode></binding></result>"),
            std::string::npos);
  EXPECT_NE(xml.find("<literal xml:lang=\"en\">say &quot;hi&quot;, ok</literal>"),
            std::string::npos);
  EXPECT_NE(xml.find("<literal datatype=\"http://www.w3.org/2001/XMLSchema#integer\">5</literal>"),
            std::string::npos);
  EXPECT_EQ(xml.find("unbound"), std::string::npos);
}

TEST(ResultWriters, XmlBoolean) {
  EXPECT_NE(to_xml(boolean(false)).find("<boolean>false</boolean>"), std::string::npos);
}

TEST(ResultWriters, XmlRefusesCharactersItCannotCarry) {
  QueryResult result;
  result.variables = {"x"};
  result.rows.push_back({Term::literal("bell\x07")});
  EXPECT_THROW((void)to_xml(result), std::runtime_error);
}

TEST(ResultWriters, CsvWritesLexicalFormsAndQuotesWhereNeeded) {
  EXPECT_EQ(to_csv(table()), "s,label\r\nhttp://e/a,\"say \"\"hi\"\", ok\"\r\n_:b0,\r\n,5\r\n");
}

TEST(ResultWriters, TsvWritesTermsInTurtleSyntax) {
  EXPECT_EQ(to_tsv(table()), "?s\t?label\n<http://e/a>\t\"say \\\"hi\\\", "
                             "ok\"@en\n_:b0\t\n\t\"5\"^^<http://www.w3.org/2001/"
                             "XMLSchema#integer>\n");
}

} // namespace
} // namespace wa::sparql
