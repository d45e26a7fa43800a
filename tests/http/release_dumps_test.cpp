// Earlier releases at stable URLs, as a harvester meets them: each release's
// dumps byte for byte at /dump/{release}/{name}, as its entry in the served
// catalogue says; the current release at its version too; and nothing the
// server does not hold: it reads no file because a request names one.
#include "publish/checksum.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/earlier_release.hpp"
#include "support/project.hpp"
#include "support/server_process.hpp"
#include "support/server_with_releases.hpp"

#include <httplib.h>

#include <unistd.h>

#include <gtest/gtest.h>

namespace wa::http {
namespace {

using test::earlier_version;
using test::ServerProcess;

const std::string dcat = "http://www.w3.org/ns/dcat#";

class ReleaseDumps : public test::ServerWithReleases {
protected:
  static rdf::Model served_catalogue() {
    rdf::Model model;
    auto response = get("/catalogue");
    if (response && response->status == 200)
      rdf::read_string(model, response->body, "", "catalogue");
    return model;
  }
  static std::string kept_file(const std::string& name) {
    return test::file_bytes(test::earlier_releases() / earlier_version / name);
  }
};

TEST_F(ReleaseDumps, AnEarlierReleaseIsServedByteForByteWithTheChecksumTheCatalogueGives) {
  const rdf::Model catalogue = served_catalogue();
  for (const std::string name : {"werkagenda.ttl", "werkagenda.nq.gz", "werkagenda.nt"}) {
    auto response = get("/dump/" + earlier_version + "/" + name);
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << name;
    EXPECT_EQ(response->body, kept_file(name)) << name;
    const rdf::Term distribution = rdf::Term::iri(test::default_base() + "dataset/release/" +
                                                  earlier_version + "/distribution/" + name);
    EXPECT_EQ(catalogue.object(distribution, rdf::Term::iri(dcat + "downloadURL")),
              rdf::Term::iri(test::default_base() + "dump/" + earlier_version + "/" + name));
    const auto checksum =
        catalogue.object(distribution, rdf::Term::iri("http://spdx.org/rdf/terms#checksum"));
    ASSERT_TRUE(checksum.has_value()) << name;
    EXPECT_EQ(
        catalogue.object(*checksum, rdf::Term::iri("http://spdx.org/rdf/terms#checksumValue"))
            ->value,
        publish::sha256_hex(response->body));
  }
  // It is that release, not the current one: 0.9.0 had no English translations.
  EXPECT_NE(get("/dump/" + earlier_version + "/agenda.nt")->body, get("/dump/agenda.nt")->body);
}

TEST_F(ReleaseDumps, TheCatalogueListsTheReleaseWithItsVersionAndNotes) {
  const rdf::Model catalogue = served_catalogue();
  const rdf::Term release =
      rdf::Term::iri(test::default_base() + "dataset/release/" + earlier_version);
  const rdf::Term current = rdf::Term::iri(test::default_base() + "dataset");
  EXPECT_TRUE(catalogue.contains({rdf::Term::iri(test::default_base() + "catalogue"),
                                  rdf::Term::iri(dcat + "dataset"), release}));
  EXPECT_EQ(catalogue.object(release, rdf::Term::iri(dcat + "version")),
            rdf::Term::literal(earlier_version));
  EXPECT_EQ(
      catalogue.objects(release, rdf::Term::iri("http://www.w3.org/ns/adms#versionNotes")).size(),
      2U);
  EXPECT_EQ(catalogue.object(current, rdf::Term::iri(dcat + "previousVersion")), release);
  EXPECT_EQ(catalogue.object(release, rdf::Term::iri(dcat + "isVersionOf")), current);
}

TEST_F(ReleaseDumps, TheCurrentReleaseIsAlsoAtItsVersion) {
  auto latest = get("/dump/werkagenda.ttl");
  auto versioned = get("/dump/" + test::current_version() + "/werkagenda.ttl");
  ASSERT_TRUE(latest && versioned);
  EXPECT_EQ(versioned->status, 200);
  EXPECT_EQ(versioned->body, latest->body);
  EXPECT_EQ(versioned->get_header_value("ETag"), latest->get_header_value("ETag"));
}

TEST_F(ReleaseDumps, UnknownReleasesUnknownNamesAndPathTricksAreNotFound) {
  const std::string release = "/dump/" + earlier_version;
  for (const std::string& path : std::vector<std::string>{
           "/dump/0.0.1/werkagenda.ttl", release + "/nothing.ttl",
           release + "/catalogue.ttl", // in the folder, but not a dump
           release + "/../../data/curated/catalogue.ttl",
           "/dump/../" + earlier_version + "/agenda.nt",
           release + "/..%2F..%2Fdata%2Fcurated%2Fcatalogue.ttl", release + "%2Fwerkagenda.ttl",
           release + "/%2e%2e/werkagenda.ttl", "/dump/%2e%2e/werkagenda.ttl",
           release + "/werkagenda%2Ettl", "/dump/" + earlier_version + "/"}) {
    auto response = get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 404) << path;
  }
}

TEST(ReleaseDumpsFromMemory, AReleaseIsReadOnceAtStartAndNeverAgain) {
  const std::filesystem::path releases =
      std::filesystem::temp_directory_path() / ("werkagenda-held-" + std::to_string(::getpid()));
  std::filesystem::remove_all(releases);
  std::filesystem::copy(test::earlier_releases(), releases,
                        std::filesystem::copy_options::recursive);
  ServerProcess server({"--workers", "1", "--releases", releases.string()});
  std::filesystem::remove_all(releases); // the folder is gone; the release is still served
  httplib::Client client(server.host(), server.port());
  auto response = client.Get("/dump/" + earlier_version + "/werkagenda.nt");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body,
            test::file_bytes(test::earlier_releases() / earlier_version / "werkagenda.nt"));
}

TEST(ReleaseDumpsAtStart, ABadReleasesFolderStopsTheServerWithItsPath) {
  const std::filesystem::path releases =
      std::filesystem::temp_directory_path() / ("werkagenda-bad-" + std::to_string(::getpid()));
  std::filesystem::remove_all(releases);
  std::filesystem::create_directories(releases / "latest");
  try {
    ServerProcess server({"--workers", "1", "--releases", releases.string()});
    ADD_FAILURE() << "the server started with a release folder named \"latest\"";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("exited at start"), std::string::npos) << message;
    EXPECT_NE(message.find((releases / "latest").string()), std::string::npos) << message;
  }
  std::filesystem::remove_all(releases);
}

} // namespace
} // namespace wa::http
