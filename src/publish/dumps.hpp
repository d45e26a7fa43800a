// The dataset's downloadable files: each part and the whole, in Turtle and
// N-Triples (the whole also in N-Quads, one named graph per part), each also
// gzipped. Same dataset, same bytes.
#pragma once

#include "agenda/dataset.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace wa::publish {

struct DumpFile {
  std::string name;    ///< file name, e.g. "agenda.ttl.gz"
  std::string content; ///< the bytes
  std::size_t triples = 0;
};

/// Every dump of `dataset`, in a fixed order.
[[nodiscard]] std::vector<DumpFile> make_dumps(const agenda::Dataset& dataset);

/// The names and triple counts of make_dumps' files, in its order, without
/// their bytes (`combined_triples`: the size of the union of the parts).
[[nodiscard]] std::vector<DumpFile> dump_list(const agenda::Dataset& dataset,
                                              std::size_t combined_triples);

/// Whether make_dumps gives a file of this name.
[[nodiscard]] bool is_dump_name(const agenda::Dataset& dataset, const std::string& name);

/// The source text the agenda is imported from, as published beside the dumps
/// (at {base}source/NAME), read from the project folder `root`; nullopt if the
/// file is not there (a server of other data than the agenda).
[[nodiscard]] std::optional<DumpFile> read_source_text(const std::filesystem::path& root);

/// Writes the dumps into `directory` (created if missing).
void write_dumps(const std::vector<DumpFile>& dumps, const std::filesystem::path& directory);

} // namespace wa::publish
