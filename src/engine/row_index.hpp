// The rows of one side of a join, found by the values of the variables both
// sides bind: a hash join's table. Rows with every key variable bound are
// hashed by those values; a row that leaves one unbound is compatible with
// many others and is kept aside, offered to every probe. A probe that leaves
// a key variable unbound is offered every row. Callers still check
// compatibility: the index only rules out rows that cannot be compatible.
#pragma once

#include "engine/rows.hpp"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace wa::engine {

class RowIndex {
public:
  /// Indexes `rows` (which must outlive the index) by `key_slots`.
  RowIndex(const Rows& rows, std::vector<std::size_t> key_slots);

  /// The slots bound in some row of `left` and some row of `right` but not in
  /// `input` (which every row of both extends): what a join of the two can
  /// be keyed on.
  [[nodiscard]] static std::vector<std::size_t> shared_slots(const Rows& left, const Rows& right,
                                                             RowView input);

  /// Calls visit(row) for every indexed row that may be compatible with `probe`.
  template <class Visit> void for_each_candidate(RowView probe, Visit&& visit) const {
    if (!fully_keyed(probe)) {
      for (RowView row : rows_)
        visit(row);
      return;
    }
    if (auto found = by_key_.find(hash_of(probe)); found != by_key_.end()) {
      for (std::uint32_t index : found->second)
        visit(rows_[index]);
    }
    for (std::uint32_t index : loose_)
      visit(rows_[index]);
  }

private:
  const Rows& rows_;
  std::vector<std::size_t> key_slots_;
  /// By a hash of the key values: rows whose key collides are offered too,
  /// and the caller's compatibility check tells them apart.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_key_;
  std::vector<std::uint32_t> loose_;

  [[nodiscard]] bool fully_keyed(RowView row) const;
  [[nodiscard]] std::uint64_t hash_of(RowView row) const;
};

} // namespace wa::engine
