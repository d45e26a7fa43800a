#include "engine/cancellation.hpp"

#include <string>

namespace wa::engine {

Cancellation::Cancellation(const EvaluationOptions& options)
    : deadline_(options.deadline), limit_(options.deadline_limit),
      budget_(options.memory_budget_bytes),
      clock_mask_(options.deadline_limit.count() > 0 &&
                          options.deadline_limit < std::chrono::milliseconds(100)
                      ? 63U
                      : 1023U) {}

void Cancellation::check_clock() const {
  if (std::chrono::steady_clock::now() < deadline_) return;
  throw QueryTimeout("the query ran longer than the limit of " + std::to_string(limit_.count()) +
                     " ms and was stopped");
}

void Cancellation::charge(std::size_t bytes) {
  held_ += bytes;
  check_room(0);
}

void Cancellation::check_room(std::size_t bytes) const {
  if (held_ + bytes <= budget_) return;
  throw MemoryBudgetExceeded("the query needs more than its memory budget of " +
                             std::to_string(budget_ >> 20U) + " MB and was stopped");
}

void Cancellation::hold_exactly(std::size_t bytes) {
  held_ = bytes;
  check_room(0);
}

} // namespace wa::engine
