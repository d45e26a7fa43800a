#include "publish/release_folders.hpp"

#include "publish/checksum.hpp"
#include "rdf/namespaces.hpp"
#include "rdf/turtle_reader.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace wa::publish {

namespace {

namespace fs = std::filesystem;
using rdf::Term;

[[noreturn]] void fail(const fs::path& path, const std::string& problem) {
  throw std::runtime_error("--releases: " + path.string() + ": " + problem);
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "cannot be read");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A file the build wrote, not a link to one elsewhere.
bool is_plain_file(const fs::directory_entry& entry) {
  return entry.is_regular_file() && !entry.is_symlink();
}

/// The checksum the release's catalogue gives the distribution `distribution`; "" if none.
std::string listed_checksum(const rdf::Model& catalogue, const Term& distribution) {
  const std::string spdx = "http://spdx.org/rdf/terms#";
  const auto checksum = catalogue.object(distribution, Term::iri(spdx + "checksum"));
  if (!checksum) return "";
  const auto value = catalogue.object(*checksum, Term::iri(spdx + "checksumValue"));
  return value ? value->value : "";
}

/// Every dump the release's catalogue lists (at {base}dump/NAME) is in the
/// folder, with the bytes its checksum names: what is served as that release
/// is what was published as it.
void check_against_catalogue(const Release& release, const fs::path& folder,
                             const std::string& base) {
  const std::string dumps_url = base + "dump/";
  const Term download = Term::iri(ns::term(ns::dcat, "downloadURL"));
  for (const rdf::Triple& link : release.catalogue.match({}, download, {})) {
    const std::string& url = link.object.value;
    // Other files (the source text), and the dumps of releases before this one.
    if (!url.starts_with(dumps_url) || url.find('/', dumps_url.size()) != std::string::npos)
      continue;
    const std::string name = url.substr(dumps_url.size());
    const auto file = std::ranges::find(release.dumps, name, &DumpFile::name);
    if (file == release.dumps.end()) fail(folder / name, "missing, yet catalogue.ttl lists it");
    if (listed_checksum(release.catalogue, link.subject) != sha256_hex(file->content))
      fail(folder / name, "its SHA-256 is not the one catalogue.ttl gives");
  }
}

Release read_release(const fs::path& folder, const agenda::Dataset& dataset) {
  const fs::path catalogue_file = folder / "catalogue.ttl";
  if (!fs::is_regular_file(fs::symlink_status(catalogue_file)))
    fail(catalogue_file, "missing: a release's folder holds what `werkagenda build --out` wrote");
  Release release;
  rdf::read_file(release.catalogue, catalogue_file, dataset.base);
  release.facts = release_of(release.catalogue, dataset.base);
  const std::string version = folder.filename().string();
  if (release.facts.version != version) {
    fail(catalogue_file,
         "its dcat:version is \"" + release.facts.version + "\", not the folder's " + version);
  }
  for (const fs::directory_entry& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (is_plain_file(entry) && is_dump_name(dataset, name))
      release.dumps.push_back({name, read_bytes(entry.path()), 0});
  }
  std::ranges::sort(release.dumps, {}, &DumpFile::name);
  check_against_catalogue(release, folder, dataset.base);
  return release;
}

} // namespace

EarlierReleases read_earlier_releases(const fs::path& directory, const agenda::Dataset& dataset,
                                      const std::string& current_version) {
  if (!is_version(current_version)) {
    fail(directory, "the current release needs a dcat:version (MAJOR.MINOR.PATCH) in "
                    "data/curated/catalogue.ttl, not \"" +
                        current_version + "\"");
  }
  if (!fs::is_directory(directory)) fail(directory, "not a folder");
  EarlierReleases found;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory)) {
    if (!entry.is_directory()) continue;
    const std::string name = entry.path().filename().string();
    if (!is_version(name))
      fail(entry.path(), "a release's folder is named by its version (MAJOR.MINOR.PATCH)");
    if (is_earlier_version(name, current_version)) {
      found.releases.push_back(read_release(entry.path(), dataset));
    } else {
      found.passed_over.push_back(entry.path());
    }
  }
  std::ranges::sort(found.releases, [](const Release& a, const Release& b) {
    return is_earlier_version(a.facts.version, b.facts.version);
  });
  std::ranges::sort(found.passed_over);
  return found;
}

} // namespace wa::publish
