// Earlier releases as an operator keeps them: a folder per release, read once.
// A folder that is not what `werkagenda build --out` wrote for that release
// stops the start, and the message names it.
#include "publish/checksum.hpp"
#include "publish/release_folders.hpp"
#include "support/earlier_release.hpp"
#include "support/project.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>

namespace wa::publish {
namespace {

namespace fs = std::filesystem;
using test::earlier_version;

const std::string current = test::current_version();

class ReleaseFolders : public ::testing::Test {
protected:
  fs::path scratch;

  void SetUp() override {
    scratch = fs::temp_directory_path() /
              ("werkagenda-release-folders-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(scratch);
    fs::create_directories(scratch);
  }
  void TearDown() override { fs::remove_all(scratch); }

  /// The earlier release copied into the scratch folder as `name`.
  fs::path copy_of_release(const std::string& name) {
    fs::copy(test::earlier_releases() / earlier_version, scratch / name);
    return scratch / name;
  }
  /// The message read_earlier_releases stops with, or "" if it does not.
  std::string refusal() {
    try {
      (void)read_earlier_releases(scratch, test::real_dataset(), current);
    } catch (const std::runtime_error& error) {
      return error.what();
    }
    return "";
  }
};

TEST_F(ReleaseFolders, ReadsEachReleasesDumpsAndCatalogue) {
  const EarlierReleases found =
      read_earlier_releases(test::earlier_releases(), test::real_dataset(), current);
  ASSERT_EQ(found.releases.size(), 1U);
  const Release& release = found.releases.front();
  EXPECT_EQ(release.facts.version, earlier_version);
  EXPECT_EQ(release.dumps.size(), 22U); // every dump, not the catalogue
  for (const DumpFile& dump : release.dumps) {
    EXPECT_EQ(dump.content,
              test::file_bytes(test::earlier_releases() / earlier_version / dump.name))
        << dump.name;
  }
}

TEST_F(ReleaseFolders, FoldersOfTheCurrentOrALaterReleaseArePassedOver) {
  copy_of_release(earlier_version);
  fs::create_directories(scratch / current);
  fs::create_directories(scratch / "999.0.0");
  const EarlierReleases found = read_earlier_releases(scratch, test::real_dataset(), current);
  EXPECT_EQ(found.releases.size(), 1U);
  EXPECT_EQ(found.passed_over, (std::vector<fs::path>{scratch / current, scratch / "999.0.0"}));
}

TEST_F(ReleaseFolders, OnlyDumpsAreReadNotOtherFilesOrLinks) {
  const fs::path release = copy_of_release(earlier_version);
  std::ofstream(release / "notes.txt") << "not a dump";
  fs::remove(release / "agenda.nt");
  fs::create_symlink(test::project_root() / "README.md", release / "agenda.nt");
  const EarlierReleases found = read_earlier_releases(scratch, test::real_dataset(), current);
  ASSERT_EQ(found.releases.size(), 1U);
  for (const DumpFile& dump : found.releases.front().dumps) {
    EXPECT_NE(dump.name, "notes.txt");
    EXPECT_NE(dump.name, "agenda.nt") << "a link is not a file the build wrote";
  }
}

TEST_F(ReleaseFolders, AFolderNotNamedByAVersionStopsTheStart) {
  fs::create_directories(scratch / "latest");
  const std::string message = refusal();
  EXPECT_NE(message.find((scratch / "latest").string()), std::string::npos) << message;
  EXPECT_NE(message.find("MAJOR.MINOR.PATCH"), std::string::npos) << message;
}

TEST_F(ReleaseFolders, ACatalogueOfAnotherVersionStopsTheStart) {
  copy_of_release("0.8.0");
  const std::string message = refusal();
  EXPECT_NE(message.find((scratch / "0.8.0/catalogue.ttl").string()), std::string::npos) << message;
  EXPECT_NE(message.find("\"" + earlier_version + "\""), std::string::npos) << message;
}

TEST_F(ReleaseFolders, AFolderWithoutItsCatalogueStopsTheStart) {
  fs::remove(copy_of_release(earlier_version) / "catalogue.ttl");
  const std::string message = refusal();
  EXPECT_NE(message.find("catalogue.ttl"), std::string::npos) << message;
}

TEST_F(ReleaseFolders, ADumpWithOtherBytesThanItsChecksumStopsTheStart) {
  const fs::path release = copy_of_release(earlier_version);
  std::ofstream(release / "werkagenda.nt", std::ios::app) << "\n";
  const std::string message = refusal();
  EXPECT_NE(message.find((release / "werkagenda.nt").string()), std::string::npos) << message;
  EXPECT_NE(message.find("SHA-256"), std::string::npos) << message;
}

TEST_F(ReleaseFolders, AMissingFolderStopsTheStart) {
  EXPECT_THROW((void)read_earlier_releases(scratch / "nothing", test::real_dataset(), current),
               std::runtime_error);
}

} // namespace
} // namespace wa::publish
