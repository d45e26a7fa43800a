// Solutions of one width side by side in chunks: what every operator takes
// and returns, without an allocation (and a free) for each row. At 10M
// triples ministry-pairs.rq makes some 3.6M intermediate rows; as vectors of
// their own, malloc and free were a third of its time.
#pragma once

#include "engine/row.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>
#include <vector>

namespace wa::engine {

class Rows {
public:
  /// No rows, each to be `width` ids wide (the query's variable slots).
  explicit Rows(std::size_t width)
      : width_(width),
        per_chunk_(width == 0 ? SIZE_MAX : std::max<std::size_t>(1, chunk_ids / width)) {}

  [[nodiscard]] std::size_t width() const { return width_; }
  [[nodiscard]] std::size_t size() const { return count_; }
  [[nodiscard]] bool empty() const { return count_ == 0; }
  [[nodiscard]] RowView operator[](std::size_t i) const {
    if (width_ == 0) return {};
    return {chunk(i / per_chunk_).data() + (i % per_chunk_) * width_, width_};
  }
  /// Row `i`, to change in place.
  [[nodiscard]] std::span<TermId> row(std::size_t i) {
    if (width_ == 0) return {};
    return {chunk(i / per_chunk_).data() + (i % per_chunk_) * width_, width_};
  }

  /// Appends a copy of `row` (which must not view these rows) and returns it,
  /// for the caller to extend; valid until the next append.
  std::span<TermId> append(RowView row) {
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
  /// Appends every row of `other`.
  void append(const Rows& other) {
    for (std::size_t i = 0; i < other.size(); ++i)
      append(other[i]);
  }
  /// Takes back the last row appended.
  void drop_last() { truncate(count_ - 1); }

  /// Keeps the rows for which `keep(row)` holds (the row may be changed in
  /// place), in their order.
  template <class Keep> void keep_if(Keep&& keep) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < count_; ++i) {
      if (!keep(row(i))) continue;
      if (kept != i) std::ranges::copy((*this)[i], row(kept).begin());
      ++kept;
    }
    truncate(kept);
  }
  /// The rows at `positions`, in that order.
  [[nodiscard]] Rows gathered(const std::vector<std::size_t>& positions) const {
    Rows out(width_);
    for (std::size_t i : positions)
      out.append((*this)[i]);
    return out;
  }
  /// Rows `from` to `to` (not included).
  [[nodiscard]] Rows between(std::size_t from, std::size_t to) const {
    Rows out(width_);
    for (std::size_t i = from; i < to; ++i)
      out.append((*this)[i]);
    return out;
  }

  class Iterator {
  public:
    using value_type = RowView;
    using difference_type = std::ptrdiff_t;
    Iterator() = default;
    Iterator(const Rows* rows, std::size_t at) : rows_(rows), at_(at) {}
    RowView operator*() const { return (*rows_)[at_]; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++at_;
      return before;
    }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }

  private:
    const Rows* rows_ = nullptr;
    std::size_t at_ = 0;
  };
  [[nodiscard]] Iterator begin() const { return {this, 0}; }
  [[nodiscard]] Iterator end() const { return {this, count_}; }

private:
  /// Rows are kept in chunks of about 64 KiB that never move: a growing
  /// array was copied on every doubling, and its fresh pages faulted in (at
  /// 10M, memmove and page faults took 40% of ministry-pairs), where chunks
  /// this size come from malloc's heap and are reused by the next query. The
  /// first chunk grows as needed: most hold a few rows (a BGP inside EXISTS,
  /// or on the right of a join, is evaluated once per outer row).
  static constexpr std::size_t chunk_ids = 16384;
  std::size_t width_;
  std::size_t per_chunk_;
  std::size_t count_ = 0;
  std::vector<TermId> first_;
  std::vector<std::vector<TermId>> more_;

  [[nodiscard]] const std::vector<TermId>& chunk(std::size_t c) const {
    return c == 0 ? first_ : more_[c - 1];
  }
  [[nodiscard]] std::vector<TermId>& chunk(std::size_t c) { return c == 0 ? first_ : more_[c - 1]; }
  std::vector<TermId>& last_chunk() { return more_.empty() ? first_ : more_.back(); }
  /// Keeps the first `count` rows.
  void truncate(std::size_t count) {
    count_ = count;
    if (width_ == 0) return;
    const std::size_t chunks = count == 0 ? 1 : (count - 1) / per_chunk_ + 1;
    more_.resize(chunks - 1);
    last_chunk().resize((count - (chunks - 1) * per_chunk_) * width_);
  }
};

} // namespace wa::engine
