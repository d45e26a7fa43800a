// Reads the executor cell of an action ("Uitvoerder: door wie, met wie"):
// the named bodies in order, the first being the lead ("trekker").
#pragma once

#include "agenda/alias_index.hpp"
#include "agenda/document.hpp"

#include <string_view>

namespace wa::agenda {

/// Everything in `cell` must be a known body's name or connective wording
/// ("en", "incl.", a qualifier in parentheses or "voor ..."); the rest is
/// reported in Executors::unresolved.
[[nodiscard]] Executors read_executors(std::string_view cell, const AliasIndex& bodies);

/// True when `cell` consists of body names only: the executor column, even
/// where the extraction shifted it into a result column.
[[nodiscard]] bool is_executor_cell(std::string_view cell, const AliasIndex& bodies);

} // namespace wa::agenda
