#include "http/response_cache.hpp"

namespace wa::http {

/// What an entry costs beyond its strings' bytes: the list node, the index's
/// node and copy of the key, the allocator's headers. Counted so that the
/// bound holds for many small answers too (the soak showed the uncounted part).
constexpr std::size_t bookkeeping_per_entry = 512;

std::size_t ResponseCache::size_of(const Entry& entry) {
  return 2 * entry.key.size() + entry.response.body.size() + entry.response.content_type.size() +
         bookkeeping_per_entry;
}

std::optional<store::WorkResponse> ResponseCache::find(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto found = index_.find(key);
  if (found == index_.end()) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  entries_.splice(entries_.begin(), entries_, found->second);
  return found->second->response;
}

void ResponseCache::store(const std::string& key, const store::WorkResponse& response) {
  Entry entry{key, response};
  const std::size_t size = size_of(entry);
  if (size > max_bytes_) return;
  std::lock_guard lock(mutex_);
  if (index_.contains(key)) return;
  entries_.push_front(std::move(entry));
  index_[key] = entries_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_) {
    bytes_ -= size_of(entries_.back());
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

std::size_t ResponseCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

CacheCounts ResponseCache::counts() const {
  std::lock_guard lock(mutex_);
  return {hits_, misses_, bytes_, index_.size()};
}

} // namespace wa::http
