// Reads an indicator cell: "Nog te bepalen", or a measure with an optional
// target value, target year and baseline, e.g.
// "% van de mensen ... in 2025 (streefwaarde: 80%, in 2021 was de waarde 79%)".
#pragma once

#include "agenda/document.hpp"

#include <string_view>

namespace wa::agenda {

[[nodiscard]] Indicator read_indicator(std::string_view cell);

} // namespace wa::agenda
