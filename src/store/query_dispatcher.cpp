#include "store/query_dispatcher.hpp"

#include "query/fingerprint.hpp"

#include <functional>
#include <string>

namespace wa::store {

namespace {

/// What identifies a request for the memory of those that overran: the
/// query's tokens (so that the same query with other comments or spacing is
/// known), and all else the request says.
std::size_t request_key(const WorkRequest& request) {
  const WorkRequest rest{"", request.accept, request.row_limit, request.dataset};
  return query::fingerprint(request.query, std::hash<std::string>{}(encode(rest)));
}

} // namespace

QueryDispatcher::QueryDispatcher(WorkerPool& pool) : pool_(pool) {}

QueryDispatcher::QueryDispatcher(WorkerPool& pool, WorkHandler attempt, InlineBudget budget)
    : pool_(pool), attempt_(budget.time.count() > 0 ? std::move(attempt) : WorkHandler()),
      budget_(budget) {}

WorkResponse QueryDispatcher::submit(const WorkRequest& request) {
  if (!attempt_) return in_worker(request);
  const std::size_t key = request_key(request);
  if (known_too_large(key)) return in_worker(request);
  WorkResponse answer = attempt_(request);
  if (!ran_past_budget(answer)) {
    ++inline_answers_;
    return answer;
  }
  ++overran_;
  remember_too_large(key);
  return in_worker(request);
}

WorkResponse QueryDispatcher::in_worker(const WorkRequest& request) {
  ++worker_answers_;
  return pool_.submit(request);
}

bool QueryDispatcher::known_too_large(std::size_t request) const {
  std::lock_guard lock(mutex_);
  return too_large_.contains(request);
}

void QueryDispatcher::remember_too_large(std::size_t request) {
  std::lock_guard lock(mutex_);
  if (too_large_.size() >= budget_.remembered) too_large_.clear();
  too_large_.insert(request);
}

DispatchCounts QueryDispatcher::counts() const {
  return {inline_answers_.load(), overran_.load(), worker_answers_.load()};
}

} // namespace wa::store
