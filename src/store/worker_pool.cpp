#include "store/worker_pool.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <new>
#include <stdexcept>
#include <string>
#include <utility>

namespace wa::store {

namespace {

WorkResponse failure(int status, const std::string& message) {
  return {status, "text/plain; charset=utf-8", false, message + "\n"};
}

/// One message that carries a worker's pid and, as ancillary data, its socket.
struct WorkerMessage {
  pid_t pid = -1;
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
  iovec data{&pid, sizeof pid};
  msghdr header{};

  WorkerMessage() {
    header.msg_iov = &data;
    header.msg_iovlen = 1;
    header.msg_control = control;
    header.msg_controllen = sizeof control;
  }
  WorkerMessage(const WorkerMessage&) = delete;
  WorkerMessage& operator=(const WorkerMessage&) = delete;
};

/// Sends a worker's pid and socket to the HTTP process.
bool send_worker(int control, pid_t pid, int fd) {
  WorkerMessage message;
  message.pid = pid;
  cmsghdr* header = CMSG_FIRSTHDR(&message.header);
  header->cmsg_level = SOL_SOCKET;
  header->cmsg_type = SCM_RIGHTS;
  header->cmsg_len = CMSG_LEN(sizeof(int));
  std::memcpy(CMSG_DATA(header), &fd, sizeof fd);
  return ::sendmsg(control, &message.header, MSG_NOSIGNAL) == static_cast<ssize_t>(sizeof pid);
}

/// Asks the zygote for one more worker: one message a worker, as the control
/// socket keeps message boundaries.
bool ask_for_worker(int control) {
  const char request = 1;
  return ::send(control, &request, 1, MSG_NOSIGNAL) == 1;
}

bool receive_worker(int control, pid_t& pid, os::FileDescriptor& socket) {
  WorkerMessage message;
  if (::recvmsg(control, &message.header, 0) != static_cast<ssize_t>(sizeof message.pid))
    return false;
  cmsghdr* header = CMSG_FIRSTHDR(&message.header);
  if (header == nullptr || header->cmsg_type != SCM_RIGHTS) return false;
  int fd = -1;
  std::memcpy(&fd, CMSG_DATA(header), sizeof fd);
  socket.reset(fd);
  pid = message.pid;
  return true;
}

[[maybe_unused]] std::size_t address_space_in_use() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  statm >> pages;
  return pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

/// A worker: answers requests one by one until its socket closes.
[[noreturn]] void worker_main(int fd, const WorkHandler& handler, std::size_t memory_bytes) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#if !defined(__SANITIZE_ADDRESS__)
  // (AddressSanitizer reserves terabytes of address space: no cap in such builds.)
  rlimit cap{};
  cap.rlim_cur = cap.rlim_max = address_space_in_use() + memory_bytes;
  ::setrlimit(RLIMIT_AS, &cap);
#else
  (void)memory_bytes;
#endif
  std::string payload;
  while (read_message(fd, payload, std::nullopt) == ReadStatus::ok) {
    std::optional<WorkRequest> request = decode_request(payload);
    WorkResponse response = failure(500, "malformed work request");
    try {
      if (request) response = handler(*request);
    } catch (const std::bad_alloc&) {
      response = failure(503, "the query needed more memory than the limit of " +
                                  std::to_string(memory_bytes >> 20U) + " MB");
    } catch (const std::exception& error) {
      response = failure(500, std::string("the query failed: ") + error.what());
    }
    if (!write_message(fd, encode(response))) break;
  }
  ::_exit(0);
}

/// The zygote: forks a worker for every byte it reads; reaps them; stops with the HTTP process.
[[noreturn]] void zygote_main(os::FileDescriptor control, const WorkHandlerFactory& factory,
                              std::size_t memory_bytes) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  ::signal(SIGINT, SIG_IGN); // the HTTP process decides when to stop
  ::signal(SIGTERM, SIG_DFL);
  WorkHandler handler = factory();
  for (;;) {
    while (::waitpid(-1, nullptr, WNOHANG) > 0) {
    }
    pollfd waiting{control.get(), POLLIN, 0};
    if (::poll(&waiting, 1, 200) <= 0) continue;
    char request = 0;
    if (::read(control.get(), &request, 1) != 1) break; // the HTTP process is gone
    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) break;
    os::FileDescriptor ours(pair[0]);
    os::FileDescriptor theirs(pair[1]);
    pid_t pid = ::fork();
    if (pid == 0) {
      control.reset();
      ours.reset();
      worker_main(theirs.get(), handler, memory_bytes);
    }
    theirs.reset();
    if (pid < 0 || !send_worker(control.get(), pid, ours.get())) break;
  }
  ::kill(0, SIGKILL); // unreachable workers go with us (own process group)
  ::_exit(0);
}

} // namespace

WorkerPool::WorkerPool(WorkHandlerFactory factory, WorkerLimits limits) : limits_(limits) {
  int pair[2];
  if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, pair) != 0) {
    throw std::runtime_error(std::string("socketpair: ") + std::strerror(errno));
  }
  control_.reset(pair[0]);
  os::FileDescriptor zygote_end(pair[1]);
  zygote_ = ::fork();
  if (zygote_ < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
  if (zygote_ == 0) {
    ::setpgid(0, 0);
    control_.reset();
    zygote_main(std::move(zygote_end), factory, limits.memory_bytes);
  }
  zygote_end.reset();
  // All workers are asked for at once and none is waited for here: the
  // zygote forks them while this process goes on starting the server;
  // await_first_worker() or the first query collects them.
  const int workers = std::max(limits_.workers, 1);
  for (int i = 0; i < workers; ++i)
    if (!ask_for_worker(control_.get())) throw std::runtime_error("cannot start a query worker");
  pending_ = workers;
}

void WorkerPool::await_first_worker() {
  std::lock_guard zygote(zygote_mutex_);
  if (pending_ > 0 && !receive_pending()) throw std::runtime_error("cannot start a query worker");
}

bool WorkerPool::receive_pending() {
  --pending_;
  Worker worker;
  if (!receive_worker(control_.get(), worker.pid, worker.socket)) return false;
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(worker));
  ++alive_;
  idle_changed_.notify_one();
  return true;
}

void WorkerPool::collect_pending() {
  std::lock_guard zygote(zygote_mutex_);
  while (pending_ > 0)
    receive_pending();
}

WorkerPool::~WorkerPool() {
  idle_.clear();
  control_.reset(); // the zygote sees EOF and stops its workers
  if (zygote_ > 0) {
    ::kill(-zygote_, SIGKILL);
    ::waitpid(zygote_, nullptr, 0);
  }
}

WorkerPool::Worker WorkerPool::spawn() {
  std::lock_guard lock(zygote_mutex_);
  Worker worker;
  if (!ask_for_worker(control_.get()) || !receive_worker(control_.get(), worker.pid, worker.socket))
    return {};
  return worker;
}

void WorkerPool::retire(Worker worker, bool failed) {
  ::kill(worker.pid, SIGKILL);
  worker.socket.reset();
  Worker fresh = spawn();
  std::lock_guard lock(mutex_);
  if (failed) ++replaced_;
  if (fresh.pid <= 0) --alive_;
  if (fresh.pid > 0) idle_.push_back(std::move(fresh));
  idle_changed_.notify_one();
}

int WorkerPool::replaced() const {
  std::lock_guard lock(mutex_);
  return replaced_;
}

int WorkerPool::alive() const {
  std::lock_guard lock(mutex_);
  return alive_ + pending_;
}

WorkResponse WorkerPool::submit(const WorkRequest& request) {
  if (pending_ > 0) collect_pending();
  Worker worker;
  {
    std::unique_lock lock(mutex_);
    if (!idle_changed_.wait_for(lock, limits_.queue_wait, [this] { return !idle_.empty(); })) {
      return failure(503, "all query workers are busy; try again later");
    }
    worker = std::move(idle_.back());
    idle_.pop_back();
  }
  const auto deadline = std::chrono::steady_clock::now() + limits_.deadline + limits_.kill_grace;
  std::string payload;
  ReadStatus status = write_message(worker.socket.get(), encode(request))
                          ? read_message(worker.socket.get(), payload, deadline)
                          : ReadStatus::closed;
  std::optional<WorkResponse> response;
  if (status == ReadStatus::ok) response = decode_response(payload);
  if (response) {
    if (limits_.queries_per_worker > 0 && ++worker.answered >= limits_.queries_per_worker) {
      retire(std::move(worker), false);
      return *response;
    }
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(worker));
    idle_changed_.notify_one();
    return *response;
  }
  retire(std::move(worker), true);
  if (status == ReadStatus::timed_out) {
    return failure(504, "the query ran longer than the limit of " +
                            std::to_string(limits_.deadline.count()) + " ms and was stopped");
  }
  return failure(503, "the query engine failed on this query (its worker process died) and "
                      "was replaced; the server goes on");
}

} // namespace wa::store
