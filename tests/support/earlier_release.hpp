// An earlier release of the dataset for the tests of `--releases`: release
// 0.9.0, built at test time by tests/support/make-earlier-release (see there
// why, and how it differs from the current release), once per test process.
#pragma once

#include <filesystem>
#include <string>

namespace wa::test {

/// The version of the release earlier_releases() holds.
inline const std::string earlier_version = "0.9.0";

/// A folder for `serve --releases`: earlier_version's folder, as `build --out` wrote it.
[[nodiscard]] const std::filesystem::path& earlier_releases();

/// The current release's version, as data/curated/catalogue.ttl names it.
[[nodiscard]] std::string current_version();

/// The bytes of a file.
[[nodiscard]] std::string file_bytes(const std::filesystem::path& path);

} // namespace wa::test
