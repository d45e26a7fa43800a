// Earlier releases kept on disk: one folder per release, named by its version,
// each holding what `werkagenda build --out` wrote while that release was
// current (its dumps and its catalogue). Read once, at start, into memory: a
// server never reads a file because a request asked for it.
#pragma once

#include "agenda/dataset.hpp"
#include "publish/release.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace wa::publish {

struct EarlierReleases {
  std::vector<Release> releases; ///< earliest first
  /// Folders of the current release or a later one: not earlier, so not read
  /// (an operator keeps every release in one place, and may roll back).
  std::vector<std::filesystem::path> passed_over;
};

/// Reads the releases in `directory` that came before `current_version`. Of a
/// folder only catalogue.ttl and the regular files (not links) named as the
/// dumps of `dataset` are read. Throws std::runtime_error naming the path when
/// `directory` is not a folder, a folder in it is not named by a version, its
/// catalogue is missing or names another version, or a dump its catalogue lists
/// is missing or has other bytes than its checksum says.
[[nodiscard]] EarlierReleases read_earlier_releases(const std::filesystem::path& directory,
                                                    const agenda::Dataset& dataset,
                                                    const std::string& current_version);

} // namespace wa::publish
