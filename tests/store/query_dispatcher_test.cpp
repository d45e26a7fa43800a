// The dispatcher in front of a real worker pool: which requests are answered
// on the calling thread and which by a worker, told apart by the process id
// each side answers with.
#include "store/query_dispatcher.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <string>

namespace wa::store {
namespace {

std::string this_process() { return std::to_string(::getpid()); }

/// Workers answer with their process id.
WorkHandlerFactory workers_answering_their_pid() {
  return [] {
    return [](const WorkRequest&) -> WorkResponse {
      return {200, "text/plain", false, std::to_string(::getpid())};
    };
  };
}

WorkerLimits one_worker() {
  WorkerLimits limits;
  limits.workers = 1;
  limits.deadline = std::chrono::milliseconds(2000);
  limits.queue_wait = std::chrono::milliseconds(5000);
  return limits;
}

/// Stands for the engine under its inline budget: a query with "large" in it
/// runs past the time budget, one with "hog" past the memory budget, one with
/// "typo" is refused; the rest are answered with this process's id.
struct InlineEngine {
  std::atomic<int> calls{0};

  WorkHandler handler() {
    return [this](const WorkRequest& request) -> WorkResponse {
      ++calls;
      if (request.query.find("large") != std::string::npos)
        return {504, "text/plain", false, "past the inline deadline"};
      if (request.query.find("hog") != std::string::npos)
        return {503, "text/plain", false, "past the inline memory budget"};
      if (request.query.find("typo") != std::string::npos)
        return {400, "text/plain", false, "syntax error"};
      return {200, "text/plain", false, this_process()};
    };
  }
};

InlineBudget budget(std::size_t remembered = 4096) {
  InlineBudget budget;
  budget.time = std::chrono::milliseconds(1);
  budget.remembered = remembered;
  return budget;
}

WorkRequest request(const std::string& query) { return {query, "", 0, {}}; }

/// A worker pool of one, the stand-in engine, and a dispatcher with a 1 ms budget.
class Dispatching : public ::testing::Test {
protected:
  WorkerPool pool{workers_answering_their_pid(), one_worker()};
  InlineEngine engine;
  QueryDispatcher dispatcher{pool, engine.handler(), budget()};
};

TEST_F(Dispatching, AnswersASmallQueryOnTheCallingThread) {
  EXPECT_EQ(dispatcher.submit(request("ASK {}")).body, this_process());
  EXPECT_EQ(dispatcher.counts().inline_answers, 1U);
  EXPECT_EQ(dispatcher.counts().worker_answers, 0U);
}

TEST_F(Dispatching, StartsAQueryPastTheTimeOrMemoryBudgetAgainInAWorker) {
  for (const char* query : {"SELECT * { ?large ?p ?o }", "SELECT * { ?hog ?p ?o }"}) {
    const WorkResponse answer = dispatcher.submit(request(query));
    EXPECT_EQ(answer.status, 200) << query;
    EXPECT_NE(answer.body, this_process()) << query;
  }
  EXPECT_EQ(dispatcher.counts().overran, 2U);
  EXPECT_EQ(dispatcher.counts().worker_answers, 2U);
}

TEST_F(Dispatching, AnswersARefusalFromTheCallingThreadAsItIs) {
  const WorkResponse answer = dispatcher.submit(request("SELEC typo"));
  EXPECT_EQ(answer.status, 400);
  EXPECT_EQ(dispatcher.counts().worker_answers, 0U);
}

TEST_F(Dispatching, SendsAQueryThatOverranBeforeStraightToAWorker) {
  (void)dispatcher.submit(request("SELECT * { ?large ?p ?o } # first"));
  const WorkResponse again =
      dispatcher.submit(request("SELECT *\n{ ?large ?p ?o }  # the same, other comment"));
  EXPECT_NE(again.body, this_process());
  EXPECT_EQ(engine.calls, 1);
  EXPECT_EQ(dispatcher.counts().overran, 1U);
  EXPECT_EQ(dispatcher.counts().worker_answers, 2U);
}

TEST_F(Dispatching, TriesAnotherQueryInlineAfterOneOverran) {
  (void)dispatcher.submit(request("SELECT * { ?large ?p ?o }"));
  EXPECT_EQ(dispatcher.submit(request("SELECT * { ?s ?p ?o }")).body, this_process());
}

TEST_F(Dispatching, ForgetsWhatOverranWhenItsMemoryIsFull) {
  QueryDispatcher small_memory(pool, engine.handler(), budget(2));
  for (const char* query : {"ASK { ?large 1 }", "ASK { ?large 2 }", "ASK { ?large 3 }"})
    (void)small_memory.submit(request(query));
  (void)small_memory.submit(request("ASK { ?large 1 }"));
  EXPECT_EQ(engine.calls, 4); // the first was forgotten, so it was tried again
}

TEST_F(Dispatching, WithoutABudgetSendsEveryQueryToAWorker) {
  InlineBudget none = budget();
  none.time = std::chrono::milliseconds(0);
  QueryDispatcher no_budget(pool, engine.handler(), none);
  EXPECT_NE(no_budget.submit(request("ASK {}")).body, this_process());
  EXPECT_EQ(engine.calls, 0);
  QueryDispatcher workers_only(pool);
  EXPECT_NE(workers_only.submit(request("ASK {}")).body, this_process());
}

} // namespace
} // namespace wa::store
