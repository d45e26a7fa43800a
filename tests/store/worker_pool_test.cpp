// The worker pool with handlers that misbehave on purpose: the pool is the
// real one; only what runs inside a worker is chosen by the test.
#include "store/worker_pool.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <future>
#include <set>
#include <thread>
#include <unistd.h>
#include <vector>

namespace wa::store {
namespace {

/// Echoes the query, crashes on "crash", spins on "spin", sleeps on "sleep".
WorkHandlerFactory test_handlers() {
  return [] {
    return [](const WorkRequest& request) -> WorkResponse {
      if (request.query == "crash") std::abort();
      if (request.query == "spin")
        for (;;) {
        }
      if (request.query == "sleep") ::usleep(300 * 1000);
      if (request.query == "hog") {
        std::vector<char> memory(1UL << 30U, 'x'); // 1 GiB, past the test's cap
        return {200, "text/plain", false, std::to_string(memory.back())};
      }
      if (request.query == "pid") return {200, "text/plain", false, std::to_string(::getpid())};
      return {200, "text/plain", request.row_limit == 7, request.query};
    };
  };
}

WorkerLimits limits(int workers, int deadline_ms) {
  WorkerLimits limits;
  limits.workers = workers;
  limits.deadline = std::chrono::milliseconds(deadline_ms);
  limits.queue_wait = std::chrono::milliseconds(5000);
  return limits;
}

TEST(WorkerPool, AnswersInAnotherProcess) {
  WorkerPool pool(test_handlers(), limits(1, 2000));
  WorkResponse response = pool.submit({"pid", "", 0, {}});
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body, std::to_string(::getpid()));
  EXPECT_EQ(pool.submit({"hello", "", 7, {}}).body, "hello");
  EXPECT_TRUE(pool.submit({"hello", "", 7, {}}).truncated);
}

TEST(WorkerPool, StartsItsWorkersWhileTheCallerGoesOn) {
  WorkerPool pool(test_handlers(), limits(3, 2000));
  EXPECT_EQ(pool.alive(), 3); // asked for, not yet handed over
  pool.await_first_worker();
  EXPECT_EQ(pool.alive(), 3);
  EXPECT_EQ(pool.submit({"hello", "", 0, {}}).body, "hello");
  EXPECT_EQ(pool.alive(), 3);
}

TEST(WorkerPool, SaysSoWhenNoWorkerCanStart) {
  const WorkHandlerFactory failing = []() -> WorkHandler { ::_exit(3); };
  // The zygote may be gone before the pool has asked it for every worker
  // (then the constructor says so) or after (then the wait does).
  EXPECT_THROW(
      {
        WorkerPool pool(failing, limits(2, 2000));
        pool.await_first_worker();
      },
      std::runtime_error);
}

TEST(WorkerPool, ReplacesAWorkerAfterItsQuotaOfQueries) {
  WorkerLimits quota = limits(1, 2000);
  quota.queries_per_worker = 3;
  WorkerPool pool(test_handlers(), quota);
  std::set<std::string> pids;
  for (int i = 0; i < 7; ++i) {
    WorkResponse response = pool.submit({"pid", "", 0, {}});
    ASSERT_EQ(response.status, 200);
    pids.insert(response.body);
  }
  EXPECT_EQ(pids.size(), 3U);    // answers 1-3, 4-6 and 7 from three processes
  EXPECT_EQ(pool.replaced(), 0); // a planned replacement is no failure
}

TEST(WorkerPool, ACrashCostsOnlyItsOwnRequest) {
  WorkerPool pool(test_handlers(), limits(1, 2000));
  WorkResponse crashed = pool.submit({"crash", "", 0, {}});
  EXPECT_EQ(crashed.status, 503);
  EXPECT_NE(crashed.body.find("died"), std::string::npos);
  EXPECT_EQ(pool.submit({"after", "", 0, {}}).body, "after");
  EXPECT_EQ(pool.replaced(), 1);
}

TEST(WorkerPool, ARunawayIsStoppedAtTheDeadline) {
  WorkerPool pool(test_handlers(), limits(1, 300));
  const auto started = std::chrono::steady_clock::now();
  WorkResponse stopped = pool.submit({"spin", "", 0, {}});
  const auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(stopped.status, 504);
  EXPECT_NE(stopped.body.find("300 ms"), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::seconds(5));
  EXPECT_EQ(pool.submit({"after", "", 0, {}}).body, "after");
}

TEST(WorkerPool, AQueryThatNeedsTooMuchMemoryGetsAClearError) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer builds run workers without an address-space cap";
#endif
  WorkerLimits capped = limits(1, 5000);
  capped.memory_bytes = 256UL << 20U;
  WorkerPool pool(test_handlers(), capped);
  WorkResponse refused = pool.submit({"hog", "", 0, {}});
  EXPECT_EQ(refused.status, 503);
  EXPECT_NE(refused.body.find("256 MB"), std::string::npos) << refused.body;
  EXPECT_EQ(pool.submit({"after", "", 0, {}}).body, "after");
}

TEST(WorkerPool, ServesClientsInParallel) {
  WorkerPool pool(test_handlers(), limits(3, 5000));
  std::vector<std::future<WorkResponse>> answers;
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i) {
    answers.push_back(std::async(std::launch::async, [&pool] {
      return pool.submit({"sleep", "", 0, {}});
    }));
  }
  for (auto& answer : answers)
    EXPECT_EQ(answer.get().status, 200);
  // Three 300 ms requests on three workers: far less than the 900 ms they take in a row.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(850));
}

TEST(WorkerPool, ARunawayDoesNotBlockOtherClients) {
  WorkerPool pool(test_handlers(), limits(2, 1500));
  auto runaway = std::async(std::launch::async, [&pool] {
    return pool.submit({"spin", "", 0, {}});
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(pool.submit({"meanwhile", "", 0, {}}).body, "meanwhile");
  EXPECT_EQ(runaway.get().status, 504);
}

} // namespace
} // namespace wa::store
