// A listening socket on 127.0.0.1 that accepts nothing: tests point queries
// at it and then check that nobody tried to connect.
#pragma once

namespace wa::test {

class LoopbackListener {
public:
  LoopbackListener();
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;
  ~LoopbackListener();

  [[nodiscard]] int port() const { return port_; }
  /// True if any connection arrived within `ms` milliseconds.
  [[nodiscard]] bool contacted(int ms) const;

private:
  int fd_ = -1;
  int port_ = 0;
};

} // namespace wa::test
