// The result cache: answers come back as stored, the byte bound pushes out
// the least recently used, the counts say what happened, and many request
// threads may use it at once.
#include "http/response_cache.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace wa::http {
namespace {

store::WorkResponse answer_of(std::size_t bytes) {
  return {200, "application/sparql-results+json", false, std::string(bytes, 'x')};
}

TEST(ResponseCache, GivesBackWhatWasStoredAndCountsHitsAndMisses) {
  ResponseCache cache(1U << 20U);
  EXPECT_FALSE(cache.find("a"));
  cache.store("a", answer_of(100));
  const auto found = cache.find("a");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->body.size(), 100U);
  const CacheCounts counts = cache.counts();
  EXPECT_EQ(counts.hits, 1U);
  EXPECT_EQ(counts.misses, 1U);
  EXPECT_EQ(counts.entries, 1U);
  EXPECT_GE(counts.bytes, 100U);
}

TEST(ResponseCache, PushesOutTheLeastRecentlyUsedBeyondItsBound) {
  ResponseCache cache(4000); // room for two answers of 1,000 bytes and their bookkeeping
  cache.store("first", answer_of(1000));
  cache.store("second", answer_of(1000));
  ASSERT_TRUE(cache.find("first")); // now "second" is the least recently used
  cache.store("third", answer_of(1000));
  EXPECT_TRUE(cache.find("first"));
  EXPECT_FALSE(cache.find("second"));
  EXPECT_TRUE(cache.find("third"));
  EXPECT_LE(cache.bytes(), 4000U);
}

TEST(ResponseCache, KeepsNothingLargerThanItsBound) {
  ResponseCache cache(1000);
  cache.store("huge", answer_of(5000));
  EXPECT_FALSE(cache.find("huge"));
  EXPECT_EQ(cache.bytes(), 0U);
}

TEST(ResponseCache, ServesManyThreadsAtOnce) {
  ResponseCache cache(64U << 10U);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string key = "q" + std::to_string((i * 7 + t) % 97);
        if (!cache.find(key)) cache.store(key, answer_of(static_cast<std::size_t>(100 + i % 50)));
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  const CacheCounts counts = cache.counts();
  EXPECT_EQ(counts.hits + counts.misses, 8U * 2000U);
  EXPECT_LE(counts.bytes, 64U << 10U);
}

} // namespace
} // namespace wa::http
