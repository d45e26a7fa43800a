// Serialised query results kept in memory. The data cannot change while the
// server runs, so an entry stays valid until the cache's byte bound pushes
// out the least recently used.
#pragma once

#include "store/worker_protocol.hpp"

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace wa::http {

/// What the cache did and holds, since start.
struct CacheCounts {
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::size_t bytes = 0;
  std::size_t entries = 0;
};

class ResponseCache {
public:
  explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  [[nodiscard]] std::optional<store::WorkResponse> find(const std::string& key);
  void store(const std::string& key, const store::WorkResponse& response);
  [[nodiscard]] std::size_t bytes() const;
  [[nodiscard]] CacheCounts counts() const;

private:
  struct Entry {
    std::string key;
    store::WorkResponse response;
  };
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
  std::list<Entry> entries_; ///< most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  mutable std::mutex mutex_;

  static std::size_t size_of(const Entry& entry);
};

} // namespace wa::http
