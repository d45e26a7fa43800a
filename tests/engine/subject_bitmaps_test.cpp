// A membership check gives the same answer from the index and, once asked
// often, from the bitmap of the pair's subjects.
#include "engine/subject_bitmaps.hpp"

#include <gtest/gtest.h>

#include <string>

namespace wa::engine {
namespace {

const std::string ex = "http://example.org/";

/// 3,000 subjects: every third is an ex:Action in the default graph; in the
/// named graph ex:g every fifth is.
store::IndexedDataset typed_subjects() {
  store::DatasetBuilder builder;
  const rdf::Term type = rdf::Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  for (int i = 0; i < 3000; ++i) {
    const rdf::Term subject = rdf::Term::iri(ex + "s" + std::to_string(i));
    builder.add({subject, rdf::Term::iri(ex + "p"), rdf::Term::literal(std::to_string(i))});
    if (i % 3 == 0) builder.add({subject, type, rdf::Term::iri(ex + "Action")});
    if (i % 5 == 0) builder.add({subject, type, rdf::Term::iri(ex + "Action")}, ex + "g");
  }
  return std::move(builder).build();
}

class SubjectBitmapsTest : public ::testing::Test {
protected:
  const store::IndexedDataset dataset = typed_subjects();
  EvaluationOptions options;
  Cancellation cancellation{options};
  SubjectBitmaps bitmaps;
  const TermId type = id_of(rdf::Term::iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"));
  const TermId action = id_of(rdf::Term::iri(ex + "Action"));

  [[nodiscard]] TermId id_of(const rdf::Term& term) const {
    return dataset.dictionary().find(term).value_or(store::no_term);
  }
};

TEST_F(SubjectBitmapsTest, AnswersAlikeBeforeAndAfterTheBitmapIsBuilt) {
  const TermId graph = id_of(rdf::Term::iri(ex + "g"));
  // Three rounds over every subject: the first asks reach the index, the
  // later ones the bitmaps (256 asks and more than a sixteenth of 1,000).
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 3000; ++i) {
      const TermId subject = id_of(rdf::Term::iri(ex + "s" + std::to_string(i)));
      EXPECT_EQ(bitmaps.contains(dataset, cancellation, store::no_term, subject, type, action),
                i % 3 == 0)
          << round << " " << i;
      EXPECT_EQ(bitmaps.contains(dataset, cancellation, graph, subject, type, action), i % 5 == 0)
          << round << " " << i;
    }
  }
}

TEST_F(SubjectBitmapsTest, BuildsTheBitmapAtOnceForAJoinThatWillAskOften) {
  // 1,000 subjects; a join about to ask for 3,000 rows earns a bitmap before its first ask.
  bitmaps.expect(dataset, cancellation, store::no_term, type, action, 3000);
  EXPECT_TRUE(bitmaps.has_bitmap(store::no_term, type, action));
  for (int i = 0; i < 3000; ++i) {
    const TermId subject = id_of(rdf::Term::iri(ex + "s" + std::to_string(i)));
    EXPECT_EQ(bitmaps.contains(dataset, cancellation, store::no_term, subject, type, action),
              i % 3 == 0)
        << i;
  }
}

TEST_F(SubjectBitmapsTest, BuildsNoBitmapForAJoinThatWillAskLittle) {
  // 40 asks of 1,000 subjects: index lookups are cheaper than a pass over them.
  bitmaps.expect(dataset, cancellation, store::no_term, type, action, 40);
  EXPECT_FALSE(bitmaps.has_bitmap(store::no_term, type, action));
}

TEST_F(SubjectBitmapsTest, ATermBeyondTheDictionaryIsNoSubject) {
  const auto beyond = static_cast<TermId>(dataset.dictionary().size() + 1000);
  for (int i = 0; i < 1100; ++i)
    EXPECT_FALSE(bitmaps.contains(dataset, cancellation, store::no_term, beyond, type, action));
}

} // namespace
} // namespace wa::engine
