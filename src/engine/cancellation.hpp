// Cooperative cancellation: every loop of the evaluator calls check() (it
// reads the clock only every 1,024 calls, or every 64 under a deadline of
// less than 100 ms: a call can stand for microseconds of work, and the
// endpoint's 1 ms budget for queries on its request threads must hold) and every operator that
// holds rows charges their bytes, so a runaway query stops cleanly within milliseconds of its
// deadline or as soon as it passes its memory budget.
#pragma once

#include "engine/evaluator.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace wa::engine {

class Cancellation {
public:
  explicit Cancellation(const EvaluationOptions& options);

  /// Throws QueryTimeout once the deadline has passed.
  void check() {
    if ((++ticks_ & clock_mask_) == 0) check_clock();
  }
  /// Counts `bytes` more held; throws MemoryBudgetExceeded past the budget.
  void charge(std::size_t bytes);
  /// Gives back bytes an operator no longer holds.
  void release(std::size_t bytes) { held_ -= bytes < held_ ? bytes : held_; }
  /// Throws MemoryBudgetExceeded if `bytes` more would pass the budget.
  void check_room(std::size_t bytes) const;
  /// What is held once an operator has returned: its result, nothing of its inputs.
  void hold_exactly(std::size_t bytes);
  [[nodiscard]] std::size_t held() const { return held_; }

private:
  void check_clock() const;
  std::chrono::steady_clock::time_point deadline_;
  std::chrono::milliseconds limit_;
  std::size_t budget_;
  std::size_t held_ = 0;
  std::uint64_t ticks_ = 0;
  std::uint64_t clock_mask_;
};

} // namespace wa::engine
