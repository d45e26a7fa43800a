// The connection layer in-process, with limits of a few hundred
// milliseconds: keep-alive, idle and slow clients cut off at their limits,
// oversized headers refused, the connection bound, and a stop that answers
// every request already in.
#include "http/connection_hub.hpp"

#include <httplib.h>

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include "os/file_descriptor.hpp"

#include <chrono>
#include <future>
#include <stdexcept>
#include <string>
#include <thread>

namespace wa::http {
namespace {

using namespace std::chrono_literals;

constexpr ConnectionLimits short_limits{.idle = 300ms,
                                        .request = 300ms,
                                        .write = 2000ms,
                                        .header_bytes = 4096,
                                        .connections = 8,
                                        .requests_per_connection = 100};

/// A BoundedServer on an ephemeral loopback port, serving GET /hello and
/// GET /slow (answered after 400 ms), stopped when the test ends.
class Hub : public ::testing::Test {
protected:
  BoundedServer server{4, short_limits};
  int port = 0;
  std::thread serving;

  void SetUp() override {
    server.Get("/hello", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("hello", "text/plain");
    });
    server.Get("/slow", [](const httplib::Request&, httplib::Response& response) {
      std::this_thread::sleep_for(400ms);
      response.set_content("late", "text/plain");
    });
    port = server.bind_to_any_port("127.0.0.1");
    ASSERT_GT(port, 0);
    serving = std::thread([this] { server.listen_after_bind(); });
    for (int i = 0; i < 500 && !server.is_running(); ++i)
      std::this_thread::sleep_for(10ms);
    ASSERT_TRUE(server.is_running());
  }
  void TearDown() override {
    server.stop();
    if (serving.joinable()) serving.join();
  }

  [[nodiscard]] os::FileDescriptor connect() const {
    os::FileDescriptor socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(socket.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("cannot connect");
    return socket;
  }
};

void send_all(const os::FileDescriptor& socket, const std::string& bytes) {
  ASSERT_EQ(::send(socket.get(), bytes.data(), bytes.size(), MSG_NOSIGNAL),
            static_cast<ssize_t>(bytes.size()));
}

/// What arrives until the peer closes or `limit` passes; `closed` says which.
std::string receive(const os::FileDescriptor& socket, std::chrono::milliseconds limit,
                    bool& closed) {
  std::string received;
  const auto until = std::chrono::steady_clock::now() + limit;
  closed = false;
  while (std::chrono::steady_clock::now() < until) {
    pollfd waiting{socket.get(), POLLIN, 0};
    if (::poll(&waiting, 1, 20) <= 0) continue;
    char chunk[4096];
    const ssize_t got = ::recv(socket.get(), chunk, sizeof chunk, 0);
    if (got <= 0) {
      closed = true;
      break;
    }
    received.append(chunk, static_cast<std::size_t>(got));
  }
  return received;
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
    ++count;
  return count;
}

TEST_F(Hub, AnswersManyRequestsOnOneKeptConnection) {
  const os::FileDescriptor socket = connect();
  for (int i = 0; i < 5; ++i)
    send_all(socket, "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  bool closed = false;
  const std::string answers = receive(socket, 200ms, closed);
  EXPECT_EQ(count_of(answers, "HTTP/1.1 200 OK"), 5U) << answers;
  EXPECT_FALSE(closed);
}

TEST_F(Hub, ClosesAConnectionIdleBeyondItsLimit) {
  const os::FileDescriptor socket = connect();
  bool closed = false;
  const auto started = std::chrono::steady_clock::now();
  receive(socket, 2000ms, closed);
  EXPECT_TRUE(closed);
  EXPECT_GE(std::chrono::steady_clock::now() - started, 250ms);
}

TEST_F(Hub, AnswersAClientThatDribblesItsHeadersWith408) {
  const os::FileDescriptor socket = connect();
  send_all(socket, "GET /hello HTTP/1.1\r\n");
  bool closed = false;
  std::string answer;
  // A byte every 100 ms: each arrives in time, the whole does not.
  for (int i = 0; i < 6 && answer.empty(); ++i) {
    ::send(socket.get(), "X", 1, MSG_NOSIGNAL);
    answer += receive(socket, 100ms, closed);
  }
  answer += receive(socket, 1000ms, closed);
  EXPECT_NE(answer.find("HTTP/1.1 408"), std::string::npos) << answer;
}

TEST_F(Hub, RefusesHeadersBeyondTheLimitWith431) {
  const os::FileDescriptor socket = connect();
  send_all(socket, "GET /hello HTTP/1.1\r\nX-Big: " + std::string(8000, 'a') + "\r\n\r\n");
  bool closed = false;
  const std::string answer = receive(socket, 2000ms, closed);
  EXPECT_NE(answer.find("HTTP/1.1 431"), std::string::npos) << answer;
  // A refusal, like every error, is no answer a cache may keep.
  EXPECT_NE(answer.find("\r\nCache-Control: no-store\r\n"), std::string::npos) << answer;
}

TEST_F(Hub, MakesRoomBeyondTheConnectionLimitByClosingTheLongestIdle) {
  std::vector<os::FileDescriptor> idle;
  for (std::size_t i = 0; i < short_limits.connections; ++i)
    idle.push_back(connect());
  std::this_thread::sleep_for(50ms);
  const os::FileDescriptor newcomer = connect();
  send_all(newcomer, "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  bool closed = false;
  EXPECT_NE(receive(newcomer, 200ms, closed).find("200 OK"), std::string::npos);
  bool oldest_closed = false;
  receive(idle.front(), 100ms, oldest_closed);
  EXPECT_TRUE(oldest_closed);
  EXPECT_LE(server.open_connections(), short_limits.connections);
}

TEST_F(Hub, AnswersTheRequestsAlreadyInWhenStopped) {
  const os::FileDescriptor socket = connect();
  send_all(socket, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(100ms); // the request is in, its answer 300 ms away
  auto stopped = std::async(std::launch::async, [this] { server.stop(); });
  bool closed = false;
  const std::string answer = receive(socket, 2000ms, closed);
  stopped.get();
  EXPECT_NE(answer.find("HTTP/1.1 200 OK"), std::string::npos) << answer;
  EXPECT_NE(answer.find("late"), std::string::npos);
  EXPECT_TRUE(closed);
}

} // namespace
} // namespace wa::http
