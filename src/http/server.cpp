#include "http/server.hpp"

#include "publish/checksum.hpp"
#include "publish/gzip.hpp"
#include "publish/query_library.hpp"
#include "rdf/writer.hpp"
#include "sparql/negotiation.hpp"
#include "sparql/protocol.hpp"

#include <httplib.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <deque>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace wa::http {

namespace {

constexpr const char* plain_text = "text/plain; charset=utf-8";

std::string http_date(std::time_t when) {
  char buffer[64];
  std::tm utc{};
  gmtime_r(&when, &utc);
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &utc);
  return buffer;
}

/// A strong validator for everything this process serves: the data cannot change while it runs.
/// The dataset's N-Quads are hashed as they are written, never held whole.
std::string dataset_hash(const agenda::Dataset& dataset) {
  publish::Sha256 hasher;
  for (const agenda::DatasetPart& part : dataset.parts) {
    rdf::write_nquads(part.model, dataset.graph_iri(part.name),
                      [&hasher](std::string_view piece) { hasher.update(piece); });
  }
  return hasher.hex();
}

/// The validator of everything served: of the store's content when it is
/// known, else of the described dataset.
std::string served_etag(const agenda::Dataset& dataset, const ServerOptions& options) {
  const std::string hash =
      options.store_content ? options.store_content->hash : dataset_hash(dataset);
  // Weak: the HTTP layer may compress a response, and one validator covers every encoding.
  return "W/\"" + hash.substr(0, 32) + "\"";
}

thread_local std::chrono::steady_clock::time_point request_started;

sparql::HttpRequestView view_of(const httplib::Request& request) {
  sparql::HttpRequestView view;
  view.method = request.method;
  view.content_type = request.get_header_value("Content-Type");
  view.body = request.body;
  view.accept = request.get_header_value("Accept");
  for (const auto& [name, value] : request.params)
    view.params.emplace(name, value);
  return view;
}

bool etag_matches(const httplib::Request& request, const std::string& etag) {
  if (!request.has_header("If-None-Match")) return false;
  const std::string header = request.get_header_value("If-None-Match");
  return header == "*" || header.find(etag) != std::string::npos;
}

// --- Connections -------------------------------------------------------------
//
// cpp-httplib gives every connection a thread of its pool for as long as it is
// open, and its read timeout restarts with every byte: idle connections beyond
// the pool size, or clients that dribble a byte now and then, keep everyone
// else waiting. Here one reception thread holds every connection that has no
// complete request yet (idle ones and those whose headers are still arriving)
// in a poll set, under a deadline, and hands a connection to the request
// threads only when its request line and headers are in. The limits are in
// ServerOptions and the README.

using Clock = std::chrono::steady_clock;

struct ConnectionLimits {
  std::chrono::milliseconds idle;
  std::chrono::milliseconds request;
  std::chrono::milliseconds write;
  std::size_t header_bytes = 0;
  std::size_t connections = 0;
  std::size_t requests_per_connection = 0;
};

/// Set when the request being read on this thread ran out of time (answered 408).
thread_local bool request_timed_out = false;
/// Set when the request on this thread reached the router: one that did not
/// was malformed, and its connection is closed after the answer.
thread_local bool request_routed = false;

struct Connection {
  int fd = -1;
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

bool headers_complete(std::string_view bytes) {
  return bytes.find("\r\n\r\n") != std::string_view::npos ||
         bytes.find("\n\n") != std::string_view::npos;
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
                               "\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n" +
                               body;
  [[maybe_unused]] const ssize_t sent =
      ::send(fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  char line[128];
  std::snprintf(line, sizeof line, "- - %d %zu\n", status, body.size());
  std::cerr << line;
}

void close_socket(int fd) {
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

/// Waits until `fd` is ready for `events`, at most until `deadline`, in slices
/// so that a stopping server is noticed. 1 ready, 0 out of time or stopping, -1 error.
int wait_for(int fd, short events, Clock::time_point deadline, const std::atomic<bool>& stopping) {
  while (!stopping) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return 0;
    pollfd waiting{fd, events, 0};
    const int ready = ::poll(&waiting, 1, static_cast<int>(std::min<long long>(left, 100)));
    if (ready > 0) return 1;
    if (ready < 0 && errno != EINTR) return -1;
  }
  return 0;
}

/// One connection as cpp-httplib's parser sees it while a request thread
/// serves it: first what the reception received, then the socket, with the
/// request's deadline on every read.
class ConnectionStream final : public httplib::Stream {
public:
  ConnectionStream(Connection& connection, const ConnectionLimits& limits,
                   const std::atomic<bool>& stopping)
      : connection_(connection), limits_(limits), stopping_(stopping),
        deadline_(Clock::now() + limits.request) {}

  [[nodiscard]] bool timed_out() const { return timed_out_; }

  bool is_readable() const override {
    return !connection_.unread().empty() ||
           wait_for(connection_.fd, POLLIN, deadline_, stopping_) > 0;
  }
  bool is_writable() const override {
    return wait_for(connection_.fd, POLLOUT, Clock::now() + limits_.write, stopping_) > 0;
  }

  ssize_t read(char* ptr, size_t size) override {
    if (connection_.unread().empty()) {
      const int ready = wait_for(connection_.fd, POLLIN, deadline_, stopping_);
      if (ready == 0 && !stopping_) {
        timed_out_ = true;
        request_timed_out = true;
      }
      if (ready <= 0) return -1;
      connection_.compact();
      char chunk[16384];
      const ssize_t received = ::recv(connection_.fd, chunk, sizeof chunk, 0);
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
    if (wait_for(connection_.fd, POLLOUT, Clock::now() + limits_.write, stopping_) <= 0) {
      return -1;
    }
    return ::send(connection_.fd, ptr, size, MSG_NOSIGNAL);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    address_of(::getpeername, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    address_of(::getsockname, ip, port);
  }
  socket_t socket() const override { return connection_.fd; }

private:
  Connection& connection_;
  const ConnectionLimits& limits_;
  const std::atomic<bool>& stopping_;
  Clock::time_point deadline_;
  bool timed_out_ = false;

  void address_of(int (*query)(int, sockaddr*, socklen_t*), std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (query(connection_.fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return;
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

/// cpp-httplib's task queue, replaced: the reception thread and the request threads.
class ConnectionHub final : public httplib::TaskQueue {
public:
  /// Serves one request read from the stream (cpp-httplib's process_request).
  using Serve = std::function<bool(httplib::Stream&, bool close, bool& closed)>;

  ConnectionHub(std::size_t threads, ConnectionLimits limits, Serve serve)
      : limits_(limits), serve_(std::move(serve)) {
    if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0) throw std::runtime_error("pipe2 failed");
    reception_ = std::thread([this] { receive(); });
    for (std::size_t i = 0; i < threads; ++i)
      workers_.emplace_back([this] { work(); });
  }
  ConnectionHub(const ConnectionHub&) = delete;
  ConnectionHub& operator=(const ConnectionHub&) = delete;
  ~ConnectionHub() override {
    ::close(wake_[0]);
    ::close(wake_[1]);
  }

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
    for (auto& connection : incoming_)
      close_socket(connection->fd);
    for (auto& connection : ready_)
      close_socket(connection->fd);
  }

  void admit(int fd) {
    const int on = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    auto connection = std::make_unique<Connection>();
    connection->fd = fd;
    hand_to_reception(std::move(connection));
  }

private:
  ConnectionLimits limits_;
  Serve serve_;
  std::atomic<bool> stopping_{false};
  int wake_[2] = {-1, -1};
  std::thread reception_;
  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> incoming_; ///< for the reception (mutex_)
  std::deque<std::unique_ptr<Connection>> ready_;     ///< for the request threads (mutex_)
  std::condition_variable ready_changed_;
  std::atomic<std::size_t> open_{0};               ///< connections held, wherever they are
  std::atomic<std::size_t> waiting_for_thread_{0}; ///< requests in ready_, as last seen

  void wake() {
    const char byte = 0;
    [[maybe_unused]] const ssize_t written = ::write(wake_[1], &byte, 1);
  }

  void hand_to_reception(std::unique_ptr<Connection> connection) {
    {
      std::lock_guard lock(mutex_);
      incoming_.push_back(std::move(connection));
    }
    wake();
  }

  void finish(std::unique_ptr<Connection> connection) {
    close_socket(connection->fd);
    --open_;
  }

  /// The reception thread: reads request lines and headers into each
  /// connection's buffer and enforces the idle and request deadlines.
  void receive() {
    std::vector<std::unique_ptr<Connection>> held;
    std::vector<pollfd> polled;
    while (!stopping_) {
      take_incoming(held);
      polled.assign(1, pollfd{wake_[0], POLLIN, 0});
      Clock::time_point next = Clock::now() + std::chrono::seconds(1);
      for (const auto& connection : held) {
        polled.push_back({connection->fd, POLLIN, 0});
        next = std::min(next, connection->since + limit_of(*connection));
      }
      const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now());
      const int ready = ::poll(polled.data(), polled.size(),
                               static_cast<int>(std::clamp<long long>(wait.count() + 1, 0, 1000)));
      if (ready < 0 && errno != EINTR) break;
      if (polled[0].revents != 0) {
        char drain[256];
        while (::read(wake_[0], drain, sizeof drain) > 0) {
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
        } else if (headers_complete(connection->unread())) {
          hand_to_workers(std::move(connection));
        } else if (connection->unread().size() > limits_.header_bytes) {
          reject_oversized(*connection, now);
          still.push_back(std::move(connection));
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
      close_socket(connection->fd);
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
    const ssize_t received = ::recv(connection.fd, chunk, sizeof chunk, MSG_DONTWAIT);
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
    send_status(connection.fd, status, reason, message);
    ::shutdown(connection.fd, SHUT_WR);
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
      const ssize_t received = ::recv(connection.fd, chunk, sizeof chunk, MSG_DONTWAIT);
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
    request_timed_out = false;
    request_routed = false;
    ConnectionStream stream(*connection, limits_, stopping_);
    const bool last = ++connection->served >= limits_.requests_per_connection || stopping_;
    bool closed = false;
    const bool answered = serve_(stream, last, closed);
    if (!answered || closed || last || stream.timed_out() || !request_routed) {
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
    while (!headers_complete(connection.unread())) {
      if (waiting_for_thread_ > 0 || stopping_ ||
          connection.unread().size() > limits_.header_bytes) {
        return false;
      }
      const auto left = std::chrono::duration_cast<std::chrono::nanoseconds>(until - Clock::now());
      if (left.count() <= 0) return false;
      pollfd waiting{connection.fd, POLLIN, 0};
      const timespec timeout{0, static_cast<long>(left.count())};
      if (::ppoll(&waiting, 1, &timeout, nullptr) <= 0) return false;
      if (!receive_from(connection, Clock::now())) return false;
    }
    return true;
  }
};

/// cpp-httplib's server with its connections handed to a ConnectionHub.
class BoundedServer final : public httplib::Server {
public:
  BoundedServer(std::size_t threads, ConnectionLimits limits) {
    new_task_queue = [this, threads, limits] {
      auto* hub = new ConnectionHub(threads, limits,
                                    [this](httplib::Stream& stream, bool close, bool& closed) {
                                      return process_request(stream, close, closed, nullptr);
                                    });
      hub_ = hub;
      return hub;
    };
  }

  /// cpp-httplib listens with a backlog of 5: a burst of new connections would
  /// wait for the client's SYN retransmission (1 s and more). Widened once bound.
  void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }

private:
  std::atomic<ConnectionHub*> hub_{nullptr};

  bool process_and_close_socket(socket_t sock) override {
    hub_.load()->admit(sock);
    return true;
  }
};

} // namespace

Server::Server(const agenda::Dataset& dataset, const rdf::Model& curated_catalogue,
               store::QueryDispatcher& queries, ServerOptions options)
    : dataset_(dataset), queries_(queries), options_(std::move(options)),
      http_(std::make_unique<BoundedServer>(
          static_cast<std::size_t>(std::max(options_.threads, 1)),
          ConnectionLimits{std::chrono::seconds(options_.idle_seconds),
                           std::chrono::seconds(options_.request_seconds), std::chrono::seconds(30),
                           options_.max_header_bytes, options_.max_connections, 1000})),
      cache_(options_.cache_bytes), etag_(served_etag(dataset, options_)),
      last_modified_(http_date(std::time(nullptr))) {
  http_->set_payload_max_length(options_.max_query_bytes);
  // Without TCP_NODELAY, keep-alive responses wait for the client's delayed ACK (about 40 ms);
  // the connection hub sets it on every accepted socket.
  http_->set_tcp_nodelay(true);
  http_->set_default_headers(
      {{"Access-Control-Allow-Origin", "*"},
       {"Access-Control-Expose-Headers", "ETag, Last-Modified, SPARQL-Results-Truncated"}});
  query_library_json_ =
      publish::query_library_json(publish::read_query_library(options_.project_root / "queries"));
  linked_data_ = std::make_unique<LinkedData>(dataset, curated_catalogue, etag_, last_modified_,
                                              publish::read_source_text(options_.project_root));
  install_logging();
  install_routes();
  install_static_files();
  // Files served alone (serve --no-agenda) are the user's own: no documents,
  // dumps or VoID describe them, only the endpoint answers from them.
  if (!dataset.parts.empty()) {
    linked_data_->install(*http_);
  } else {
    install_robots_without_sitemap();
  }
}

/// Crawlers stay off the endpoint whatever it serves; with no documents
/// there is no sitemap to point them to.
void Server::install_robots_without_sitemap() {
  http_->Get("/robots.txt", [](const httplib::Request&, httplib::Response& response) {
    response.set_content("User-agent: *\nDisallow: /sparql\nAllow: /\n",
                         "text/plain; charset=utf-8");
  });
}

Server::~Server() = default;

sparql::EndpointFacts Server::facts() const {
  return {"http://" + options_.host + ":" + std::to_string(port_) + "/sparql", options_.row_limit,
          options_.deadline_ms};
}

void Server::install_logging() {
  http_->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    request_started = std::chrono::steady_clock::now();
    request_routed = true;
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_->set_logger([](const httplib::Request& request, const httplib::Response& response) {
    const auto elapsed = std::chrono::duration<double, std::milli>(
        std::chrono::steady_clock::now() - request_started);
    char line[512];
    std::snprintf(line, sizeof line, "%s %s %d %.1fms %zu\n", request.method.c_str(),
                  request.path.c_str(), response.status, elapsed.count(), response.body.size());
    std::cerr << line;
  });
  http_->set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr failure) {
        std::string message = "internal error";
        try {
          if (failure) std::rethrow_exception(failure);
        } catch (const std::exception& error) {
          message += std::string(": ") + error.what();
        } catch (...) {
        }
        response.status = 500;
        response.set_content(message + "\n", plain_text);
      });
  http_->set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    if (response.status == 404) {
      linked_data_->not_found(request, response);
      return;
    }
    std::string message;
    if (request_timed_out) {
      response.status = 408;
      message = "the request body did not arrive within " +
                std::to_string(options_.request_seconds) + " s";
    }
    switch (message.empty() ? response.status : 0) {
    case 0: break;
    case 405: message = "method not allowed"; break;
    case 413: message = "the request body is too large"; break;
    case 414:
      message = "the URL is too long: send a long query with POST application/sparql-query";
      break;
    default: message = "HTTP status " + std::to_string(response.status);
    }
    response.set_content(message + "\n", plain_text);
  });
}

void Server::install_routes() {
  auto sparql_handler = [this](const httplib::Request& request, httplib::Response& response) {
    sparql::ProtocolOutcome outcome =
        sparql::read_protocol_request(view_of(request), options_.max_query_bytes);
    if (outcome.kind == sparql::ProtocolOutcome::Kind::error) {
      if (outcome.status == 405) response.set_header("Allow", "GET, POST, OPTIONS");
      response.status = outcome.status;
      response.set_content(outcome.message + "\n", plain_text);
      return;
    }
    response.set_header("ETag", etag_);
    response.set_header("Last-Modified", last_modified_);
    response.set_header("Vary", "Accept");
    if (etag_matches(request, etag_)) {
      response.status = 304;
      return;
    }
    if (outcome.kind == sparql::ProtocolOutcome::Kind::service_description) {
      if (sparql::prefers_html(request.get_header_value("Accept"))) {
        // The page changes with the software, not the data: no dataset ETag.
        response.headers.erase("ETag");
        response.set_header("Cache-Control", "no-cache");
        response.set_content(query_page(), "text/html; charset=utf-8");
      } else {
        response.set_content(service_description_, "text/turtle; charset=utf-8");
      }
      return;
    }
    const store::WorkRequest work{outcome.query, outcome.accept, options_.row_limit,
                                  outcome.dataset};
    // The request's own encoding: unambiguous, and it holds all that shapes the answer.
    const std::string key = store::encode(work);
    std::optional<store::WorkResponse> answer = cache_.find(key);
    if (!answer) {
      answer = queries_.submit(work);
      if (answer->status == 200) cache_.store(key, *answer);
    }
    response.status = answer->status;
    if (answer->status != 200) {
      response.headers.erase("ETag");
      response.headers.erase("Last-Modified");
    }
    if (answer->truncated) {
      response.set_header("SPARQL-Results-Truncated",
                          "limit=" + std::to_string(options_.row_limit));
    }
    response.set_content(answer->body, answer->content_type.c_str());
  };
  http_->Get("/sparql", sparql_handler);
  http_->Post("/sparql", sparql_handler);
  http_->Options("/sparql", [](const httplib::Request&, httplib::Response& response) {
    response.status = 204;
    response.set_header("Allow", "GET, POST, OPTIONS");
    response.set_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.set_header("Access-Control-Allow-Headers", "Content-Type, Accept, If-None-Match");
    response.set_header("Access-Control-Max-Age", "86400");
  });
  auto read_only = [](const httplib::Request&, httplib::Response& response) {
    response.status = 405;
    response.set_header("Allow", "GET, POST, OPTIONS");
    response.set_content("method not allowed: the endpoint is read-only; use GET or POST\n",
                         plain_text);
  };
  http_->Put("/sparql", read_only);
  http_->Delete("/sparql", read_only);
  http_->Patch("/sparql", read_only);
}

void Server::install_static_files() {
  const std::filesystem::path assets = options_.project_root / "web/assets";
  if (std::filesystem::is_directory(assets)) http_->set_mount_point("/assets", assets.string());
  install_yasgui();
  http_->Get("/queries/index.json", [this](const httplib::Request&, httplib::Response& response) {
    response.set_header("ETag", etag_);
    response.set_content(query_library_json_, "application/json; charset=utf-8");
  });
}

namespace {

/// A static file held in memory, compressed once, by the first request that
/// accepts gzip: compressing YASGUI's 1 MB script on every request would cost
/// a second, and at start it took a third of the agenda's start-up time.
class StaticAsset {
public:
  explicit StaticAsset(std::string plain) : plain_(std::move(plain)) {}
  [[nodiscard]] const std::string& plain() const { return plain_; }
  [[nodiscard]] const std::string& gzipped() const {
    std::call_once(compressed_, [this] { gzipped_ = publish::gzip(plain_); });
    return gzipped_;
  }

private:
  std::string plain_;
  mutable std::once_flag compressed_;
  mutable std::string gzipped_;
};

} // namespace

/// YASGUI's files (pinned by package-lock.json) from memory.
void Server::install_yasgui() {
  const std::filesystem::path build = options_.project_root / "node_modules/@zazuko/yasgui/build";
  if (!std::filesystem::is_directory(build)) return;
  for (const auto& [file, media_type] : std::vector<std::pair<std::string, std::string>>{
           {"yasgui.min.js", "application/javascript; charset=utf-8"},
           {"yasgui.min.css", "text/css; charset=utf-8"}}) {
    std::ifstream in(build / file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    auto asset = std::make_shared<const StaticAsset>(bytes.str());
    const std::string type = media_type;
    http_->Get("/assets/yasgui/" + file,
               [asset, type](const httplib::Request& request, httplib::Response& response) {
                 response.set_header("Cache-Control", "public, max-age=86400");
                 response.set_header("Vary", "Accept-Encoding");
                 // cpp-httplib compresses text/* itself; the script's type is one it leaves alone,
                 // so the precompressed bytes go out as they are.
                 const bool gzip = request.get_header_value("Accept-Encoding").find("gzip") !=
                                       std::string::npos &&
                                   !type.starts_with("text/");
                 if (gzip) response.set_header("Content-Encoding", "gzip");
                 response.set_content(gzip ? asset->gzipped() : asset->plain(), type.c_str());
               });
  }
}

/// The query page for people: YASGUI (web/sparql.html) when the project has
/// it installed, else a plain form.
std::string Server::query_page() const {
  const std::filesystem::path page = options_.project_root / "web/sparql.html";
  const bool yasgui =
      std::filesystem::is_directory(options_.project_root / "node_modules/@zazuko/yasgui/build");
  std::ifstream in(page);
  if (!yasgui || !in) return service_description_html_;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int Server::bind() {
  port_ = options_.port == 0
              ? http_->bind_to_any_port(options_.host)
              : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port_ <= 0) {
    throw std::runtime_error("cannot listen on " + options_.host + ":" +
                             std::to_string(options_.port));
  }
  static_cast<BoundedServer&>(*http_).widen_backlog();
  // The description names the endpoint's address, known from here on; the
  // data cannot change, so it is made once, not per request.
  const sparql::ServedGraphs graphs =
      options_.store_content ? options_.store_content->graphs : sparql::graphs_of(dataset_);
  service_description_ = sparql::service_description_turtle(graphs, facts());
  service_description_html_ = sparql::service_description_html(graphs, facts());
  return port_;
}

bool Server::run() { return http_->listen_after_bind(); }

void Server::stop() { http_->stop(); }

} // namespace wa::http
