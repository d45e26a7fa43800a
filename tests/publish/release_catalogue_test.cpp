// Earlier releases in the catalogue, as DCAT 3 models versions: each a
// dataset of its own, described by its own catalogue, with its dumps at
// /dump/{release}/{name}, in a version chain from the current release back.
#include "publish/catalogue.hpp"
#include "publish/checksum.hpp"
#include "publish/release_folders.hpp"
#include "rdf/namespaces.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/earlier_release.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

namespace wa::publish {
namespace {

using rdf::Term;
using test::earlier_version;

const std::string dcat = "http://www.w3.org/ns/dcat#";
const std::string spdx = "http://spdx.org/rdf/terms#";

Term at_base(const std::string& path) { return Term::iri(test::default_base() + path); }
Term dcat_term(const std::string& local) { return Term::iri(dcat + local); }

class ReleaseCatalogue : public ::testing::Test {
protected:
  static rdf::Model* model;
  static EarlierReleases* kept;

  static void SetUpTestSuite() {
    kept = new EarlierReleases(read_earlier_releases(test::earlier_releases(), test::real_dataset(),
                                                     test::current_version()));
    rdf::Model curated;
    rdf::read_file(curated, test::project_root() / "data/curated/catalogue.ttl",
                   test::default_base());
    model =
        new rdf::Model(catalogue(curated, test::default_base(), {}, std::nullopt, kept->releases));
  }
  static void TearDownTestSuite() {
    delete model;
    delete kept;
  }
  static Term release() { return at_base("dataset/release/" + earlier_version); }
  static const rdf::Model& own_catalogue() { return kept->releases.front().catalogue; }
};

rdf::Model* ReleaseCatalogue::model = nullptr;
EarlierReleases* ReleaseCatalogue::kept = nullptr;

TEST_F(ReleaseCatalogue, AnEarlierReleaseIsADatasetOfTheCatalogueWithItsVersionAndNotes) {
  EXPECT_TRUE(model->contains({at_base("catalogue"), dcat_term("dataset"), release()}));
  EXPECT_TRUE(
      model->contains({release(), Term::iri(ns::term(ns::rdf, "type")), dcat_term("Dataset")}));
  EXPECT_EQ(model->objects(release(), dcat_term("version")),
            std::vector<Term>{Term::literal(earlier_version)});
  const Term notes = Term::iri("http://www.w3.org/ns/adms#versionNotes");
  EXPECT_EQ(model->objects(release(), notes), own_catalogue().objects(at_base("dataset"), notes));
  EXPECT_EQ(model->objects(release(), Term::iri(ns::term(ns::dcterms, "identifier"))),
            std::vector<Term>{Term::literal(release().value)});
}

TEST_F(ReleaseCatalogue, TheVersionChainRunsFromTheCurrentReleaseBack) {
  const Term current = at_base("dataset");
  EXPECT_EQ(model->objects(current, dcat_term("previousVersion")), std::vector<Term>{release()});
  EXPECT_EQ(model->objects(current, dcat_term("hasVersion")), std::vector<Term>{release()});
  EXPECT_EQ(model->objects(release(), dcat_term("isVersionOf")), std::vector<Term>{current});
  EXPECT_TRUE(model->objects(release(), dcat_term("previousVersion")).empty())
      << "the earliest release kept has none before it";
}

TEST_F(ReleaseCatalogue, ItsDistributionsAreItsDumpsAtTheirReleaseUrlWithTheirChecksums) {
  const auto distributions = model->objects(release(), dcat_term("distribution"));
  EXPECT_EQ(distributions.size(), 6U); // the whole dataset's dumps; no source text
  for (const Term& distribution : distributions) {
    const auto url = model->object(distribution, dcat_term("downloadURL"));
    ASSERT_TRUE(url.has_value());
    const std::string prefix = test::default_base() + "dump/" + earlier_version + "/";
    ASSERT_TRUE(url->value.starts_with(prefix)) << url->value;
    const std::string bytes = test::file_bytes(test::earlier_releases() / earlier_version /
                                               url->value.substr(prefix.size()));
    const auto checksum = model->object(distribution, Term::iri(spdx + "checksum"));
    ASSERT_TRUE(checksum.has_value());
    EXPECT_EQ(model->object(*checksum, Term::iri(spdx + "checksumValue"))->value,
              sha256_hex(bytes));
    EXPECT_EQ(model->object(distribution, dcat_term("byteSize"))->value,
              std::to_string(bytes.size()));
  }
}

TEST_F(ReleaseCatalogue, TheCurrentReleasesDescriptionIsUntouched) {
  const Term current = at_base("dataset");
  EXPECT_EQ(model->objects(current, dcat_term("version")),
            std::vector<Term>{Term::literal(test::current_version())});
  EXPECT_EQ(model->objects(current, Term::iri(ns::term(ns::dcterms, "identifier"))),
            std::vector<Term>{Term::literal(current.value)});
  EXPECT_EQ(
      model->objects(at_base("dataset#provenance"), Term::iri(ns::term(ns::rdfs, "label"))).size(),
      2U);
}

} // namespace
} // namespace wa::publish
