// A solution as the engine holds it: one term id per variable slot of the
// query, no_term where the variable is unbound.
#pragma once

#include "store/dictionary.hpp"

#include <span>
#include <vector>

namespace wa::engine {

using store::no_term;
using store::TermId;
/// A solution of its own: an operator's input, or one being built.
using Row = std::vector<TermId>;
/// A solution where it is held (in a block of rows, or a Row).
using RowView = std::span<const TermId>;

} // namespace wa::engine
