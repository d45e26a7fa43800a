// Runs `werkagenda serve` as a real process on an ephemeral loopback port,
// for tests that speak HTTP to it over a socket.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace wa::test {

/// Set by ctest for the second run of the endpoint's tests: the directory of
/// the Virtuoso that `serve --store virtuoso` then answers with; "" otherwise.
[[nodiscard]] std::string virtuoso_test_dir();

class ServerProcess {
public:
  /// Starts the server with `extra` arguments after "serve --port 0"; waits until it listens.
  explicit ServerProcess(const std::vector<std::string>& extra = {});
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;
  ~ServerProcess();

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] const std::string& host() const { return host_; }

  /// Sends SIGTERM and waits (at most `seconds`); the exit status, or -1 if it had to be killed.
  int stop(int seconds = 10) {
    terminate();
    return wait_for_exit(seconds);
  }
  /// Sends SIGTERM and returns at once (the server drains, then stops).
  void terminate() const;
  /// Waits for the server to exit (at most `seconds`, then kills it); the
  /// exit status, or -1 if it had to be killed.
  int wait_for_exit(int seconds);
  /// What the server wrote to stderr so far (its request log).
  [[nodiscard]] std::string log() const;

private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string host_ = "127.0.0.1";
  std::string log_path_;
};

} // namespace wa::test
