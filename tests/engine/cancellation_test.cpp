// How soon a query past its deadline is stopped: the evaluator's loops call
// check(), which reads the clock only now and then.
#include "engine/cancellation.hpp"

#include <gtest/gtest.h>

namespace wa::engine {
namespace {

/// A deadline stated as `limit` that has already passed.
EvaluationOptions past_deadline(std::chrono::milliseconds limit) {
  EvaluationOptions options;
  options.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  options.deadline_limit = limit;
  return options;
}

/// How many calls of check() it takes to notice the deadline (at most `calls`).
int calls_until_stopped(Cancellation& cancellation, int calls) {
  for (int i = 1; i <= calls; ++i) {
    try {
      cancellation.check();
    } catch (const QueryTimeout&) {
      return i;
    }
  }
  return 0;
}

TEST(Cancellation, ReadsTheClockEvery1024CallsUnderTheEndpointsDeadline) {
  Cancellation cancellation(past_deadline(std::chrono::milliseconds(10000)));
  EXPECT_EQ(calls_until_stopped(cancellation, 2048), 1024);
}

TEST(Cancellation, ReadsTheClockEvery64CallsUnderADeadlineOfMilliseconds) {
  Cancellation cancellation(past_deadline(std::chrono::milliseconds(1)));
  EXPECT_EQ(calls_until_stopped(cancellation, 2048), 64);
}

TEST(Cancellation, NamesTheLimitWhenItStops) {
  Cancellation cancellation(past_deadline(std::chrono::milliseconds(1)));
  try {
    for (int i = 0; i < 64; ++i)
      cancellation.check();
    FAIL() << "not stopped";
  } catch (const QueryTimeout& timeout) {
    EXPECT_NE(std::string(timeout.what()).find("limit of 1 ms"), std::string::npos);
  }
}

} // namespace
} // namespace wa::engine
