// Rows of one width side by side in one array: the intermediate solutions of
// a basic graph pattern without an allocation (and a free) for each row. At
// 10M triples ministry-pairs.rq makes some 3.6M intermediate rows; as vectors
// of their own, malloc and free were a third of its time.
#pragma once

#include "engine/row_index.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace wa::engine {

class RowBlock {
public:
  explicit RowBlock(std::size_t width)
      : width_(width),
        per_chunk_(width == 0 ? SIZE_MAX : std::max<std::size_t>(1, chunk_ids / width)) {}

  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] bool empty() const { return count_ == 0; }
  [[nodiscard]] std::span<const TermId> operator[](std::size_t i) const {
    if (width_ == 0) return {};
    return {chunk(i / per_chunk_).data() + (i % per_chunk_) * width_, width_};
  }

  /// Appends a copy of `row` (which must not view this block) and returns it,
  /// for the caller to extend; valid until the next append.
  std::span<TermId> append(std::span<const TermId> row) {
    ++count_;
    if (width_ == 0) return {};
    if (last_chunk().size() == per_chunk_ * width_) {
      more_.emplace_back();
      more_.back().reserve(per_chunk_ * width_);
    }
    std::vector<TermId>& into = last_chunk();
    into.insert(into.end(), row.begin(), row.end());
    return {into.data() + into.size() - width_, width_};
  }
  /// Takes back the last row appended.
  void drop_last() {
    --count_;
    if (width_ == 0) return;
    last_chunk().resize(last_chunk().size() - width_);
    if (!more_.empty() && more_.back().empty()) more_.pop_back();
  }

  /// The rows as the operators above take them.
  [[nodiscard]] Rows rows() const {
    Rows out;
    out.reserve(count_);
    for (std::size_t i = 0; i < count_; ++i)
      out.emplace_back((*this)[i].begin(), (*this)[i].end());
    return out;
  }

private:
  /// Rows are kept in chunks of about 64 KiB that never move: a growing
  /// array was copied on every doubling, and its fresh pages faulted in (at
  /// 10M, memmove and page faults took 40% of ministry-pairs), where chunks
  /// this size come from malloc's heap and are reused by the next query. The
  /// first chunk grows as needed: most blocks hold a few rows (a BGP inside
  /// EXISTS is evaluated once per outer row).
  static constexpr std::size_t chunk_ids = 16384;
  std::size_t width_;
  std::size_t per_chunk_;
  std::size_t count_ = 0;
  std::vector<TermId> first_;
  std::vector<std::vector<TermId>> more_;

  [[nodiscard]] const std::vector<TermId>& chunk(std::size_t c) const {
    return c == 0 ? first_ : more_[c - 1];
  }
  std::vector<TermId>& last_chunk() { return more_.empty() ? first_ : more_.back(); }
};

} // namespace wa::engine
