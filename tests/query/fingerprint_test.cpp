#include "query/fingerprint.hpp"

#include <gtest/gtest.h>

namespace wa::query {
namespace {

TEST(Fingerprint, IsTheSameWhateverTheCommentsAndSpacing) {
  EXPECT_EQ(fingerprint("SELECT * { ?s ?p ?o }"),
            fingerprint("# a comment\nSELECT *\n  {?s ?p ?o} # 42\n"));
}

TEST(Fingerprint, DiffersWithAnyToken) {
  EXPECT_NE(fingerprint("SELECT * { ?s ?p ?o }"), fingerprint("SELECT * { ?s ?p ?x }"));
  EXPECT_NE(fingerprint("ASK { ?s ?p 1 }"), fingerprint("ASK { ?s ?p 2 }"));
  EXPECT_NE(fingerprint("ASK { ?s ?p \"a b\" }"), fingerprint("ASK { ?s ?p \"a  b\" }"));
}

TEST(Fingerprint, TellsAVariableFromAStringOfTheSameText) {
  EXPECT_NE(fingerprint("ASK { ?s ?p ?o }"), fingerprint("ASK { ?s ?p \"o\" }"));
}

TEST(Fingerprint, DiffersWithTheSeed) {
  EXPECT_NE(fingerprint("ASK {}", 1), fingerprint("ASK {}", 2));
}

TEST(Fingerprint, HashesTextThatIsNoQueryAsItIs) {
  EXPECT_EQ(fingerprint("SELECT \"unterminated"), fingerprint("SELECT \"unterminated"));
  EXPECT_NE(fingerprint("SELECT \"unterminated"), fingerprint("SELECT  \"unterminated"));
}

} // namespace
} // namespace wa::query
