#include "rdf/turtle_reader.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace wa::rdf {
namespace {

std::filesystem::path data(const std::string& name) {
  return std::filesystem::path(WERKAGENDA_TEST_DATA) / "rdf" / name;
}

TEST(TurtleReader, ResolvesRelativeIrisAgainstTheBase) {
  Model model;
  read_file(model, data("small.ttl"), "https://example.net/base/");
  EXPECT_TRUE(model.contains({Term::iri("https://example.net/base/thing/a"),
                              Term::iri("http://example.org/next"),
                              Term::iri("https://example.net/base/thing/b")}));
}

TEST(TurtleReader, ReadsEveryTriple) {
  Model model;
  read_file(model, data("small.ttl"), "https://example.net/");
  EXPECT_EQ(model.size(), 7U);
}

TEST(TurtleReader, NamesFileAndLineOfASyntaxError) {
  Model model;
  try {
    read_file(model, data("bad-syntax.ttl"), "https://example.net/");
    FAIL() << "a syntax error must throw";
  } catch (const ParseError& error) {
    EXPECT_NE(std::string(error.what()).find("bad-syntax.ttl:4:"), std::string::npos)
        << error.what();
  }
}

TEST(TurtleReader, ReadsAnEmptyFileAsNoTriples) {
  Model model;
  read_file(model, data("empty.ttl"), "https://example.net/");
  EXPECT_EQ(model.size(), 0U);
}

TEST(TurtleReader, ReportsAMissingFile) {
  Model model;
  EXPECT_THROW(read_file(model, data("no-such-file.ttl"), "https://example.net/"), ParseError);
}

// The file is larger than one page of the reader (64 KiB): the line is counted across pages.
TEST(TurtleReader, RefusesAFileWithANulByteNamingItsLine) {
  Model model;
  try {
    read_file(model, data("nul-byte-on-line-900.nt"), "", Syntax::ntriples);
    FAIL() << "a NUL byte must not end the input silently";
  } catch (const ParseError& error) {
    EXPECT_NE(std::string(error.what()).find("nul-byte-on-line-900.nt:900: a NUL byte"),
              std::string::npos)
        << error.what();
  }
}

TEST(TurtleReader, RefusesTextWithANulByteNamingItsLine) {
  std::ifstream file(data("nul-byte-on-line-900.nt"), std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  Model model;
  try {
    read_string(model, text.str(), "", "inline", Syntax::ntriples);
    FAIL() << "a NUL byte must not end the input silently";
  } catch (const ParseError& error) {
    EXPECT_NE(std::string(error.what()).find("inline:900: a NUL byte"), std::string::npos)
        << error.what();
  }
}

TEST(TurtleReader, ReadsNTriples) {
  Model model;
  read_string(model, "<http://a> <http://b> \"c\"@nl .\n", "", "inline", Syntax::ntriples);
  EXPECT_TRUE(
      model.contains({Term::iri("http://a"), Term::iri("http://b"), Term::literal("c", "nl")}));
}

} // namespace
} // namespace wa::rdf
