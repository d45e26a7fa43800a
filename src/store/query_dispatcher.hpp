// Sends a query to a worker process only when it needs one.
//
// Most of what users ask (a lookup, a join on a few bound terms) takes our
// engine a fraction of a millisecond, less than the round trip to a worker
// process: perf over uncached lookups put 40% of the server's time in the
// kernel for that trip (two socket writes, two reads, two context switches)
// and 8% in the engine. So a query is first tried on the calling thread under
// a small budget of time and memory, which the engine enforces by itself
// (cooperative cancellation). A query that runs past the budget is stopped
// there and sent, from the start, to a worker under the full deadline and
// memory cap; its request is remembered, so that next time it goes to a
// worker at once and costs the budget only once.
//
// What the worker processes still guard against is then a bug in the engine
// on a query that is large: a crash or a loop that misses its deadline checks
// costs one worker. The same bug on a small query would cost the server; the
// engine's fuzzing and sanitizer runs are what stand against that, and an
// operator who wants every query in a worker sets the budget to zero.
#pragma once

#include "store/worker_pool.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <unordered_set>

namespace wa::store {

/// How the calling thread tries a query before a worker does.
struct InlineBudget {
  std::chrono::milliseconds time{1}; ///< 0: every query goes to a worker
  std::size_t memory_bytes = 32U << 20U;
  /// Requests remembered as too large to try inline; the memory is cleared
  /// when it is full (a bound, not a cache policy: forgetting costs one try).
  std::size_t remembered = 4096;
};

/// How many requests went where, since start.
struct DispatchCounts {
  std::uint64_t inline_answers = 0; ///< answered on the calling thread
  std::uint64_t overran = 0;        ///< tried inline, past the budget, then sent to a worker
  std::uint64_t worker_answers = 0; ///< answered by a worker (the overrun ones included)
};

/// The engine's answer when it stopped at its own limit: 504 for its
/// deadline, 503 for its memory budget (store::EngineStore, sparql::respond).
[[nodiscard]] inline bool ran_past_budget(const WorkResponse& response) {
  return response.status == 504 || response.status == 503;
}

class QueryDispatcher {
public:
  /// Every query in a worker (a backend that cannot stop itself, or budget 0).
  explicit QueryDispatcher(WorkerPool& pool);
  /// `attempt` answers on the calling thread within `budget`, or answers
  /// 503 / 504 when it ran past it (see ran_past_budget); it must be safe to
  /// call from many threads at once.
  QueryDispatcher(WorkerPool& pool, WorkHandler attempt, InlineBudget budget);

  /// Thread-safe. Never throws for a failing query: the response says what happened.
  WorkResponse submit(const WorkRequest& request);

  [[nodiscard]] DispatchCounts counts() const;
  [[nodiscard]] const WorkerPool& pool() const { return pool_; }

private:
  WorkerPool& pool_;
  WorkHandler attempt_; ///< empty: every query goes to a worker
  InlineBudget budget_;

  mutable std::mutex mutex_;
  std::unordered_set<std::size_t> too_large_; ///< hashes of requests that overran

  std::atomic<std::uint64_t> inline_answers_{0};
  std::atomic<std::uint64_t> overran_{0};
  std::atomic<std::uint64_t> worker_answers_{0};

  [[nodiscard]] bool known_too_large(std::size_t request) const;
  void remember_too_large(std::size_t request);
  WorkResponse in_worker(const WorkRequest& request);
};

} // namespace wa::store
