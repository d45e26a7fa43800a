#include "http/connection_hub.hpp"

#include "os/file_descriptor.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace wa::http {

namespace {

/// Set when the request being read on this thread ran out of time (answered 408).
thread_local bool this_request_timed_out = false;
/// Set when the request on this thread reached the router: one that did not
/// was malformed, and its connection is closed after the answer.
thread_local bool this_request_routed = false;

struct Connection {
  os::FileDescriptor socket;
  std::string buffer;    ///< received, not yet read by the HTTP parser
  std::size_t read = 0;  ///< how much of `buffer` the parser has taken
  bool partial = false;  ///< part of the next request has arrived
  bool draining = false; ///< answered and shut for writing; what still comes is read and dropped
  Clock::time_point since = Clock::now(); ///< of the first byte if partial, else of idleness
  std::size_t served = 0;

  [[nodiscard]] std::string_view unread() const { return std::string_view(buffer).substr(read); }
  void compact() {
    buffer.erase(0, read);
    read = 0;
  }
};

/// How many bytes of `bytes` the request line and headers take, up to and
/// with the blank line that ends them; npos while that has not arrived.
std::size_t header_length(std::string_view bytes) {
  const std::size_t crlf = bytes.find("\r\n\r\n");
  const std::size_t lf = bytes.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::string_view::npos;
  return crlf < lf ? crlf + 4 : lf + 2;
}

bool headers_complete(std::string_view bytes) {
  return header_length(bytes) != std::string_view::npos;
}

/// Whether the request line and headers in `bytes` (complete or not) are longer than `limit`.
bool headers_too_long(std::string_view bytes, std::size_t limit) {
  const std::size_t length = header_length(bytes);
  return (length == std::string_view::npos ? bytes.size() : length) > limit;
}

/// How long a refused connection is drained before it is closed: closing a socket with
/// unread data resets it, and the client would lose the answer.
constexpr std::chrono::seconds drain_time(2);

/// A whole answer written straight to the socket, for requests that never reach the router.
void send_status(int fd, int status, const char* reason, const std::string& message) {
  const std::string body = message + "\n";
  const std::string response = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                               "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                               std::to_string(body.size()) +
                               "\r\nAccess-Control-Allow-Origin: *\r\nCache-Control: no-store"
                               "\r\nConnection: close\r\n\r\n" +
                               body;
  [[maybe_unused]] const ssize_t sent =
      ::send(fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  char line[128];
  std::snprintf(line, sizeof line, "- - %d %zu\n", status, body.size());
  std::cerr << line;
}

/// Ends the connection at once, both ways (its descriptor closes with it).
void close_connection(std::unique_ptr<Connection> connection) {
  ::shutdown(connection->socket.get(), SHUT_RDWR);
}

/// Waits until `fd` is ready for `events`, at most until `deadline`: 1
/// ready, 0 out of time, -1 error. A stopping server does not cut it short:
/// a request in progress is finished (within its limits) and answered.
int wait_for(int fd, short events, Clock::time_point deadline) {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return 0;
    pollfd waiting{fd, events, 0};
    const int ready = ::poll(&waiting, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready > 0) return 1;
    if (ready < 0 && errno != EINTR) return -1;
  }
}

/// One connection as cpp-httplib's parser sees it while a request thread
/// serves it: first what the reception received, then the socket, with the
/// request's deadline on every read.
class ConnectionStream final : public httplib::Stream {
public:
  ConnectionStream(Connection& connection, const ConnectionLimits& limits)
      : connection_(connection), limits_(limits), deadline_(Clock::now() + limits.request) {}

  [[nodiscard]] bool timed_out() const { return timed_out_; }

  bool is_readable() const override {
    return !connection_.unread().empty() ||
           wait_for(connection_.socket.get(), POLLIN, deadline_) > 0;
  }
  bool is_writable() const override {
    return wait_for(connection_.socket.get(), POLLOUT, Clock::now() + limits_.write) > 0;
  }

  ssize_t read(char* ptr, size_t size) override {
    if (connection_.unread().empty()) {
      const int ready = wait_for(connection_.socket.get(), POLLIN, deadline_);
      if (ready == 0) {
        timed_out_ = true;
        this_request_timed_out = true;
      }
      if (ready <= 0) return -1;
      connection_.compact();
      char chunk[16384];
      const ssize_t received = ::recv(connection_.socket.get(), chunk, sizeof chunk, 0);
      if (received <= 0) return received;
      connection_.buffer.append(chunk, static_cast<std::size_t>(received));
    }
    const std::string_view unread = connection_.unread();
    const std::size_t taken = std::min(size, unread.size());
    std::memcpy(ptr, unread.data(), taken);
    connection_.read += taken;
    return static_cast<ssize_t>(taken);
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (wait_for(connection_.socket.get(), POLLOUT, Clock::now() + limits_.write) <= 0) {
      return -1;
    }
    return ::send(connection_.socket.get(), ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address_of(::getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address_of(::getsockname, ip, port);
  }
  socket_t socket() const override { return connection_.socket.get(); }

private:
  Connection& connection_;
  const ConnectionLimits& limits_;
  Clock::time_point deadline_;
  bool timed_out_ = false;

  void address_of(int (*query)(int, sockaddr*, socklen_t*), std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (query(connection_.socket.get(), reinterpret_cast<sockaddr*>(&address), &length) != 0)
      return;
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
      ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (address.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
      ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
    ip = text;
  }
};

} // namespace

/// cpp-httplib's task queue, replaced: the reception thread and the request threads.
class ConnectionHub final : public httplib::TaskQueue {
public:
  /// Serves one request read from the stream (cpp-httplib's process_request).
  using Serve = std::function<bool(httplib::Stream&, bool close, bool& closed)>;

  /// `open` counts the connections held; it outlives the hub (cpp-httplib
  /// deletes its task queue when listening ends, while others may still read the count).
  ConnectionHub(std::size_t threads, ConnectionLimits limits, Serve serve,
                std::atomic<std::size_t>& open)
      : limits_(limits), serve_(std::move(serve)), open_(open) {
    int wake[2];
    if (::pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("pipe2 failed");
    wake_read_.reset(wake[0]);
    wake_write_.reset(wake[1]);
    reception_ = std::thread([this] { receive(); });
    for (std::size_t i = 0; i < threads; ++i)
      workers_.emplace_back([this] { work(); });
  }
  ConnectionHub(const ConnectionHub&) = delete;
  ConnectionHub& operator=(const ConnectionHub&) = delete;
  ~ConnectionHub() override = default;

  /// Called on the accepting thread: the task admits a new socket (admit()) and returns.
  void enqueue(std::function<void()> task) override { task(); }

  void shutdown() override {
    {
      // Under the lock: a request thread between its check and its wait would miss the news.
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake();
    ready_changed_.notify_all();
    reception_.join();
    for (std::thread& worker : workers_)
      worker.join();
    // The request threads have answered every request that was in (ready_
    // is empty); what is left is idle keep-alive connections.
    for (auto& connection : incoming_)
      close_connection(std::move(connection));
    incoming_.clear();
  }

  void admit(int fd) {
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    auto connection = std::make_unique<Connection>();
    connection->socket.reset(fd);
    hand_to_reception(std::move(connection));
  }

private:
  ConnectionLimits limits_;
  Serve serve_;
  std::atomic<bool> stopping_{false};
  os::FileDescriptor wake_read_; ///< the reception's poll wakes when a byte arrives here
  os::FileDescriptor wake_write_;
  std::thread reception_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> incoming_; ///< for the reception (mutex_)
  std::deque<std::unique_ptr<Connection>> ready_;     ///< for the request threads (mutex_)
  std::condition_variable ready_changed_;
  std::atomic<std::size_t>& open_;                 ///< connections held, wherever they are
  std::atomic<std::size_t> waiting_for_thread_{0}; ///< requests in ready_, as last seen

  void wake() {
    const char byte = 0;
    [[maybe_unused]] const ssize_t written = ::write(wake_write_.get(), &byte, 1);
  }

  void hand_to_reception(std::unique_ptr<Connection> connection) {
    {
      std::lock_guard lock(mutex_);
      incoming_.push_back(std::move(connection));
    }
    wake();
  }

  void finish(std::unique_ptr<Connection> connection) {
    close_connection(std::move(connection));
    --open_;
  }

  /// The reception thread: reads request lines and headers into each
  /// connection's buffer and enforces the idle and request deadlines.
  void receive() {
    std::vector<std::unique_ptr<Connection>> held;
    std::vector<pollfd> polled;
    while (!stopping_) {
      take_incoming(held);
      polled.assign(1, pollfd{wake_read_.get(), POLLIN, 0});
      Clock::time_point next = Clock::now() + std::chrono::seconds(1);
      for (const auto& connection : held) {
        polled.push_back({connection->socket.get(), POLLIN, 0});
        next = std::min(next, connection->since + limit_of(*connection));
      }
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now());
      const int ready = ::poll(polled.data(), polled.size(),
                               static_cast<int>(std::clamp<long long>(wait.count() + 1, 0, 1000)));
      if (ready < 0 && errno != EINTR) break;
      if (polled[0].revents != 0) {
        char drain[256];
        while (::read(wake_read_.get(), drain, sizeof drain) > 0) {
        }
      }
      const Clock::time_point now = Clock::now();
      std::vector<std::unique_ptr<Connection>> still;
      for (std::size_t i = 0; i < held.size(); ++i) {
        std::unique_ptr<Connection> connection = std::move(held[i]);
        const bool readable = (polled[i + 1].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
        if (connection->draining) {
          if ((readable && !drain(*connection)) || now - connection->since > drain_time) {
            finish(std::move(connection));
          } else {
            still.push_back(std::move(connection));
          }
        } else if (readable && !receive_from(*connection, now)) {
          finish(std::move(connection));
        } else if (headers_too_long(connection->unread(), limits_.header_bytes)) {
          reject_oversized(*connection, now);
          still.push_back(std::move(connection));
        } else if (headers_complete(connection->unread())) {
          hand_to_workers(std::move(connection));
        } else if (connection->partial && now - connection->since > limits_.request) {
          reject(*connection, now, 408, "Request Timeout",
                 "the request line and headers did not arrive within " +
                     std::to_string(limits_.request.count() / 1000) + " s");
          still.push_back(std::move(connection));
        } else if (!connection->partial && now - connection->since > limits_.idle) {
          finish(std::move(connection));
        } else {
          still.push_back(std::move(connection));
        }
      }
      held = std::move(still);
    }
    for (auto& connection : held)
      close_connection(std::move(connection));
  }

  /// New and returned connections join the poll set; beyond the limit the
  /// longest-idle connection is closed, or the newcomer refused.
  void take_incoming(std::vector<std::unique_ptr<Connection>>& held) {
    std::vector<std::unique_ptr<Connection>> arrived;
    {
      std::lock_guard lock(mutex_);
      arrived.swap(incoming_);
    }
    for (auto& connection : arrived) {
      if (connection->served == 0) ++open_;
      if (open_ > limits_.connections) {
        auto idle = std::ranges::min_element(held, [](const auto& a, const auto& b) {
          return std::pair(a->partial, a->since) < std::pair(b->partial, b->since);
        });
        if (idle != held.end() && !(*idle)->partial) {
          finish(std::move(*idle));
          held.erase(idle);
        } else {
          reject(*connection, Clock::now(), 503, "Service Unavailable",
                 "too many connections: " + std::to_string(limits_.connections) +
                     " are open; try again shortly");
        }
      }
      held.push_back(std::move(connection));
    }
  }

  /// False when the peer closed the connection or it failed.
  static bool receive_from(Connection& connection, Clock::time_point now) {
    char chunk[16384];
    const ssize_t received = ::recv(connection.socket.get(), chunk, sizeof chunk, MSG_DONTWAIT);
    if (received < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    if (received == 0) return false;
    if (!connection.partial) {
      connection.partial = true;
      connection.since = now;
    }
    connection.buffer.append(chunk, static_cast<std::size_t>(received));
    return true;
  }

  [[nodiscard]] std::chrono::milliseconds limit_of(const Connection& connection) const {
    if (connection.draining) return drain_time;
    return connection.partial ? limits_.request : limits_.idle;
  }

  /// Answers with `status`, shuts the connection for writing and drains it (a lingering close).
  static void reject(Connection& connection, Clock::time_point now, int status, const char* reason,
                     const std::string& message) {
    send_status(connection.socket.get(), status, reason, message);
    ::shutdown(connection.socket.get(), SHUT_WR);
    connection.draining = true;
    connection.partial = false;
    connection.since = now;
    connection.buffer.clear();
    connection.read = 0;
  }

  /// Reads and drops what has arrived; false once the peer has closed.
  static bool drain(Connection& connection) {
    char chunk[16384];
    for (int i = 0; i < 64; ++i) {
      const ssize_t received = ::recv(connection.socket.get(), chunk, sizeof chunk, MSG_DONTWAIT);
      if (received == 0) return false;
      if (received < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
    }
    return true;
  }

  void reject_oversized(Connection& connection, Clock::time_point now) const {
    const std::string limit = std::to_string(limits_.header_bytes);
    if (connection.unread().find('\n') == std::string_view::npos) {
      reject(connection, now, 414, "URI Too Long",
             "the request line is longer than " + limit +
                 " bytes: send a long query with POST application/sparql-query");
    } else {
      reject(connection, now, 431, "Request Header Fields Too Large",
             "the request headers are larger than " + limit + " bytes");
    }
  }

  void hand_to_workers(std::unique_ptr<Connection> connection) {
    {
      std::lock_guard lock(mutex_);
      ready_.push_back(std::move(connection));
      waiting_for_thread_ = ready_.size();
    }
    ready_changed_.notify_one();
  }

  /// A request thread: serves the request whose headers are in, then gives
  /// the connection back to the reception (keep-alive) or closes it.
  void work() {
    for (;;) {
      std::unique_ptr<Connection> connection;
      {
        std::unique_lock lock(mutex_);
        ready_changed_.wait(lock, [this] { return stopping_ || !ready_.empty(); });
        if (ready_.empty()) return;
        connection = std::move(ready_.front());
        ready_.pop_front();
        waiting_for_thread_ = ready_.size();
      }
      while (connection && serve_one(connection)) {
      }
    }
  }

  /// Serves one request; true when the next one on the connection is already in
  /// (then this thread serves it too), false when the connection was closed or
  /// handed back to the reception.
  bool serve_one(std::unique_ptr<Connection>& connection) {
    this_request_timed_out = false;
    this_request_routed = false;
    ConnectionStream stream(*connection, limits_);
    const bool last = ++connection->served >= limits_.requests_per_connection || stopping_;
    bool closed = false;
    const bool answered = serve_(stream, last, closed);
    if (!answered || closed || last || stream.timed_out() || !this_request_routed) {
      finish(std::move(connection));
      return false;
    }
    connection->compact();
    connection->partial = !connection->buffer.empty();
    connection->since = Clock::now();
    if (next_request_follows(*connection)) return true;
    hand_to_reception(std::move(connection));
    return false;
  }

  /// A keep-alive client usually sends its next request at once: waiting a
  /// moment for it here saves the round trip through the reception (about 15%
  /// of the throughput of cached answers). Not while others wait for a thread.
  bool next_request_follows(Connection& connection) {
    constexpr auto linger = std::chrono::milliseconds(2);
    const Clock::time_point until = Clock::now() + linger;
    // Headers over the limit go back to the reception, which refuses them.
    while (!headers_complete(connection.unread())) {
      if (waiting_for_thread_ > 0 || stopping_ ||
          headers_too_long(connection.unread(), limits_.header_bytes)) {
        return false;
      }
      const auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(until - Clock::now());
      if (left.count() <= 0) return false;
      pollfd waiting{connection.socket.get(), POLLIN, 0};
      const timespec timeout{0, static_cast<long>(left.count())};
      if (::ppoll(&waiting, 1, &timeout, nullptr) <= 0) return false;
      if (!receive_from(connection, Clock::now())) return false;
    }
    return !headers_too_long(connection.unread(), limits_.header_bytes);
  }
};

BoundedServer::BoundedServer(std::size_t threads, ConnectionLimits limits) {
  set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    mark_request_routed();
    return HandlerResponse::Unhandled;
  });
  new_task_queue = [this, threads, limits] {
    auto* hub = new ConnectionHub(
        threads, limits,
        [this](httplib::Stream& stream, bool close, bool& closed) {
          return process_request(stream, close, closed, nullptr);
        },
        open_);
    hub_ = hub;
    return hub;
  };
}

void BoundedServer::widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }

std::size_t BoundedServer::open_connections() const { return open_; }

bool BoundedServer::process_and_close_socket(socket_t sock) {
  hub_.load()->admit(sock);
  return true;
}

bool request_ran_out_of_time() { return this_request_timed_out; }

void mark_request_routed() { this_request_routed = true; }

} // namespace wa::http
