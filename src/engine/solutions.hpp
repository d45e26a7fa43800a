// Solutions for an operator that reads them once and keeps none (GROUP BY):
// the block a basic graph pattern filled, or the rows another operator
// made, read alike as spans of term ids. Neither is copied into the other.
#pragma once

#include "engine/row_block.hpp"

#include <cstddef>
#include <span>
#include <utility>
#include <variant>

namespace wa::engine {

class Solutions {
public:
  explicit Solutions(RowBlock block) : held_(std::move(block)) {}
  explicit Solutions(Rows rows) : held_(std::move(rows)) {}

  [[nodiscard]] std::size_t size() const {
    return std::visit([](const auto& rows) { return rows.size(); }, held_);
  }
  [[nodiscard]] std::span<const TermId> operator[](std::size_t i) const {
    if (const auto* block = std::get_if<RowBlock>(&held_)) return (*block)[i];
    return std::get<Rows>(held_)[i];
  }

private:
  std::variant<RowBlock, Rows> held_;
};

} // namespace wa::engine
