// The connection layer under cpp-httplib's router: which connections are held,
// for how long, and when a request goes to a request thread.
//
// cpp-httplib gives every connection a thread of its pool for as long as it is
// open, and its read timeout restarts with every byte: idle connections beyond
// the pool size, or clients that dribble a byte now and then, keep everyone
// else waiting. Here one reception thread holds every connection that has no
// complete request yet (idle ones and those whose headers are still arriving)
// in a poll set, under a deadline, and hands a connection to the request
// threads only when its request line and headers are in. Stopping drains:
// no new connection is taken, every request already in is answered (within
// its own limits), and idle connections are closed. The limits are in
// http::ServerOptions and the README.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstddef>

namespace wa::http {

using Clock = std::chrono::steady_clock;

/// What a connection may take of the server.
struct ConnectionLimits {
  std::chrono::milliseconds idle{5000};     ///< with no request in progress, then closed
  std::chrono::milliseconds request{10000}; ///< for the line and headers, then for the body (408)
  std::chrono::milliseconds write{30000};   ///< for the client to take each part of an answer
  std::size_t header_bytes = 64U << 10U;    ///< request line and headers (else 414 / 431)
  std::size_t connections = 1024; ///< beyond it the longest-idle is closed, or the newcomer 503
  std::size_t requests_per_connection = 1000;
};

class ConnectionHub;

/// cpp-httplib's server with its connections handed to a ConnectionHub of
/// `threads` request threads.
class BoundedServer final : public httplib::Server {
public:
  BoundedServer(std::size_t threads, ConnectionLimits limits);

  /// cpp-httplib listens with a backlog of 5: a burst of new connections would
  /// wait for the client's SYN retransmission (1 s and more). Widened once bound.
  void widen_backlog();
  /// Connections held now, idle or in a request (0 before listening).
  [[nodiscard]] std::size_t open_connections() const;

private:
  std::atomic<ConnectionHub*> hub_{nullptr}; ///< while listening
  std::atomic<std::size_t> open_{0};

  bool process_and_close_socket(socket_t sock) override;
};

/// Whether the request being served on this thread ran out of time while its
/// body arrived (cpp-httplib then routes it as an error: it is answered 408).
[[nodiscard]] bool request_ran_out_of_time();
/// Called for every request the parser accepted (BoundedServer's pre-routing
/// handler; one set in its place must call it too): a request that never
/// reaches the router was malformed, and its connection is closed after the answer.
void mark_request_routed();

} // namespace wa::http
