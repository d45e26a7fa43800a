// A solution as the engine holds it: one term id per variable slot of the
// query, no_term where the variable is unbound.
#pragma once

#include "store/dictionary.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace wa::engine {

using store::no_term;
using store::TermId;
/// A solution of its own: an operator's input, or one being built.
using Row = std::vector<TermId>;
/// A solution where it is held (in a block of rows, or a Row).
using RowView = std::span<const TermId>;

/// FNV-1a over term ids, the one way rows are hashed: a hash join's keys,
/// DISTINCT, a solution's identity for BNODE(label).
class IdHash {
public:
  void add(TermId id) { value_ = (value_ ^ id) * 1099511628211ULL; }
  [[nodiscard]] std::uint64_t value() const { return value_; }

private:
  std::uint64_t value_ = 1469598103934665603ULL;
};

} // namespace wa::engine
