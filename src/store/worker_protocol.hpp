// The messages between the HTTP process and a query worker, over a Unix
// socket: length-prefixed fields, nothing to parse that could be ambiguous.
#pragma once

#include "store/store.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace wa::store {

struct WorkRequest {
  std::string query;
  std::string accept; ///< the Accept header, or a format name from ?format=
  std::uint64_t row_limit = 0;
  ProtocolDataset dataset; ///< default-graph-uri, named-graph-uri
};

struct WorkResponse {
  int status = 200;
  std::string content_type;
  bool truncated = false;
  std::string body;
};

std::string encode(const WorkRequest& request);
std::string encode(const WorkResponse& response);
std::optional<WorkRequest> decode_request(const std::string& payload);
std::optional<WorkResponse> decode_response(const std::string& payload);

/// Writes one length-prefixed message; false if the peer is gone.
bool write_message(int fd, const std::string& payload);

enum class ReadStatus { ok, closed, timed_out, too_large };

/// Reads one length-prefixed message, waiting at most until `deadline`
/// (no deadline: wait for ever).
ReadStatus read_message(int fd, std::string& payload,
                        std::optional<std::chrono::steady_clock::time_point> deadline);

} // namespace wa::store
