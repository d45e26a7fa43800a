#include "support/earlier_release.hpp"

#include "publish/release.hpp"
#include "rdf/turtle_reader.hpp"
#include "support/project.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace wa::test {

namespace {

std::filesystem::path build_earlier_releases() {
  const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                       ("werkagenda-releases-" + std::to_string(::getpid()));
  std::filesystem::remove_all(folder);
  const std::string command = "'" +
                              (project_root() / "tests/support/make-earlier-release").string() +
                              "' '" + WERKAGENDA_BINARY + "' '" + folder.string() + "'";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
  return folder;
}

/// Removes the folder when the test process ends.
struct RemovedAtExit {
  std::filesystem::path path;
  ~RemovedAtExit() { std::filesystem::remove_all(path); }
};

} // namespace

const std::filesystem::path& earlier_releases() {
  static const std::filesystem::path folder = build_earlier_releases();
  static const RemovedAtExit removal{folder};
  return folder;
}

std::string current_version() {
  rdf::Model curated;
  rdf::read_file(curated, project_root() / "data/curated/catalogue.ttl", default_base());
  return publish::release_of(curated, default_base()).version;
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

} // namespace wa::test
