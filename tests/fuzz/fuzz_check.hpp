// What the fuzz targets share: an invariant check that stops the fuzzer with
// a message (libFuzzer then saves the input as a crash).
#pragma once

#include <cstdio>
#include <cstdlib>

namespace wa::fuzz {

/// Aborts with `what` when `holds` is false.
inline void require(bool holds, const char* what) {
  if (!holds) {
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
  }
}

} // namespace wa::fuzz
