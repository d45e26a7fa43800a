// Releases of the data. A release is named by the dcat:version of <{base}dataset>
// in its catalogue: semantic versioning of the data (MAJOR.MINOR.PATCH; see
// data/curated/catalogue.ttl for what each part means), dated by that dataset's
// dct:modified, or its dct:issued when it has none. An earlier release is the
// folder `werkagenda build --out` wrote while it was current: its dumps, kept
// at stable URLs, and its catalogue, which describes it.
#pragma once

#include "publish/dumps.hpp"
#include "rdf/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace wa::publish {

/// What names and dates a release.
struct ReleaseFacts {
  std::string version; ///< "1.0.0"; empty when the catalogue names none
  std::string date;    ///< xsd:date, "2026-11-29"
};

/// The release a catalogue describes (curated or built, read with `base`).
/// Throws std::runtime_error when <{base}dataset> has neither dct:modified nor dct:issued.
[[nodiscard]] ReleaseFacts release_of(const rdf::Model& catalogue, const std::string& base);

/// Whether `text` is a version: MAJOR.MINOR.PATCH, each a number without leading zeros.
[[nodiscard]] bool is_version(std::string_view text);

/// Whether version `a` comes before version `b` (both is_version), number by number.
[[nodiscard]] bool is_earlier_version(std::string_view a, std::string_view b);

/// An earlier release as the server holds it: read once at start, never again.
struct Release {
  ReleaseFacts facts;
  std::vector<DumpFile> dumps; ///< the dump files of its folder
  rdf::Model catalogue;        ///< its own catalogue, as its build wrote it
};

} // namespace wa::publish
