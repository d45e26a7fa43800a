// Serialised query results kept in memory. The data cannot change while the
// server runs, so an entry stays valid until the cache's byte bound pushes
// out the least recently used.
#pragma once

#include "store/worker_protocol.hpp"

#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace wa::http {

class ResponseCache {
public:
  explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  [[nodiscard]] std::optional<store::WorkResponse> find(const std::string& key);
  void store(const std::string& key, const store::WorkResponse& response);
  [[nodiscard]] std::size_t bytes() const;

private:
  struct Entry {
    std::string key;
    store::WorkResponse response;
  };
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::list<Entry> entries_; ///< most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
  mutable std::mutex mutex_;

  static std::size_t size_of(const Entry& entry);
};

} // namespace wa::http
