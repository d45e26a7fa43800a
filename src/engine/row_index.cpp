#include "engine/row_index.hpp"

#include <utility>

namespace wa::engine {

namespace {

/// Which slots are bound in at least one of `rows`.
std::vector<bool> bound_somewhere(const Rows& rows, std::size_t width) {
  std::vector<bool> bound(width, false);
  for (RowView row : rows)
    for (std::size_t i = 0; i < width; ++i)
      if (row[i] != no_term) bound[i] = true;
  return bound;
}

} // namespace

RowIndex::RowIndex(const Rows& rows, std::vector<std::size_t> key_slots)
    : rows_(rows), key_slots_(std::move(key_slots)) {
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const auto index = static_cast<std::uint32_t>(i);
    if (fully_keyed(rows_[i])) {
      by_key_[hash_of(rows_[i])].push_back(index);
    } else {
      loose_.push_back(index);
    }
  }
}

std::vector<std::size_t> RowIndex::shared_slots(const Rows& left, const Rows& right,
                                                RowView input) {
  const std::vector<bool> in_left = bound_somewhere(left, input.size());
  const std::vector<bool> in_right = bound_somewhere(right, input.size());
  std::vector<std::size_t> shared;
  for (std::size_t i = 0; i < input.size(); ++i)
    if (in_left[i] && in_right[i] && input[i] == no_term) shared.push_back(i);
  return shared;
}

bool RowIndex::fully_keyed(RowView row) const {
  for (std::size_t slot : key_slots_)
    if (row[slot] == no_term) return false;
  return true;
}

std::uint64_t RowIndex::hash_of(RowView row) const {
  IdHash hash;
  for (std::size_t slot : key_slots_)
    hash.add(row[slot]);
  return hash.value();
}

} // namespace wa::engine
