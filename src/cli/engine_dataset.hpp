// The files a command loads into our engine's store instead of the agenda:
// --load FILE is the default graph (relative IRIs against --load-base) and
// --load-named "IRI=FILE ..." adds each file as a named graph, as the W3C
// suites' datasets need.
#pragma once

#include "cli/options.hpp"
#include "store/indexed_dataset.hpp"

#include <memory>

namespace wa::cli {

/// The loaded dataset, or null when there is no --load.
[[nodiscard]] std::shared_ptr<const store::IndexedDataset>
loaded_engine_dataset(const Options& options);

} // namespace wa::cli
