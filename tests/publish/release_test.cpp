// What names and orders a release: semantic versioning of the data, and the
// version and date a catalogue gives its dataset.
#include "publish/release.hpp"
#include "rdf/namespaces.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <set>

namespace wa::publish {
namespace {

using rdf::Term;

rdf::Model curated() {
  rdf::Model model;
  rdf::read_file(model, test::project_root() / "data/curated/catalogue.ttl", test::default_base());
  return model;
}

TEST(Release, AVersionIsMajorMinorPatch) {
  for (const char* version : {"0.9.0", "1.0.0", "10.20.30", "1.0.12"}) {
    EXPECT_TRUE(is_version(version)) << version;
  }
  // Leading zeros would give one release two names; anything else is no release's name.
  for (const char* other : {"", "1", "1.0", "1.0.0.0", "01.0.0", "1.00.0", "v1.0.0", "1.0.0-rc1",
                            "1..0", "..", ".", "1.0.", "-1.0.0", "1.0.0/", "latest"}) {
    EXPECT_FALSE(is_version(other)) << other;
  }
}

TEST(Release, VersionsAreOrderedNumberByNumber) {
  EXPECT_TRUE(is_earlier_version("0.9.0", "1.0.0"));
  EXPECT_TRUE(is_earlier_version("1.9.0", "1.10.0"));
  EXPECT_TRUE(is_earlier_version("1.0.9", "1.1.0"));
  EXPECT_FALSE(is_earlier_version("1.0.0", "1.0.0"));
  EXPECT_FALSE(is_earlier_version("2.0.0", "1.99.99"));
}

TEST(Release, TheCuratedCatalogueNamesTheCurrentReleaseAndItsDate) {
  const ReleaseFacts facts = release_of(curated(), test::default_base());
  EXPECT_TRUE(is_version(facts.version)) << facts.version;
  // Without a dct:modified of its own, a release is dated by the dataset's dct:issued.
  const rdf::Model model = curated();
  const Term dataset = Term::iri(test::default_base() + "dataset");
  const auto modified = model.object(dataset, Term::iri(ns::term(ns::dcterms, "modified")));
  const auto issued = model.object(dataset, Term::iri(ns::term(ns::dcterms, "issued")));
  ASSERT_TRUE(issued.has_value());
  EXPECT_EQ(facts.date, modified ? modified->value : issued->value);
}

TEST(Release, TheCurrentReleaseHasVersionNotesInDutchAndEnglish) {
  const rdf::Model model = curated();
  const auto notes = model.objects(Term::iri(test::default_base() + "dataset"),
                                   Term::iri("http://www.w3.org/ns/adms#versionNotes"));
  std::set<std::string> languages;
  for (const Term& note : notes)
    languages.insert(note.language);
  EXPECT_EQ(languages, (std::set<std::string>{"en", "nl"}));
}

} // namespace
} // namespace wa::publish
