// Runs queries in worker processes, so that a crash or a runaway query never
// takes the server down or blocks other clients.
//
// Our engine stops a query at its deadline and within its memory budget by
// itself; the processes remain so that a bug (a crash, a loop that misses a
// deadline check) costs one worker, never the server. The pool forks, before
// the HTTP process starts any thread, a single-threaded "zygote" that holds
// the store once; the zygote forks the workers (copy on write: a worker costs
// about a millisecond) and hands each one's socket to the HTTP process (all
// asked for at start and forked while the HTTP process binds its port; the
// first is awaited before the server says it is ready, the others are
// collected by the first query). A query goes to an idle worker under a
// wall-clock deadline; the worker runs under a memory cap. A worker that
// overruns is killed, one that dies is noticed, and either is replaced; its
// client gets 504 or 503 with a message. Idle workers serve queries in
// parallel.
#pragma once

#include "os/file_descriptor.hpp"
#include "store/worker_protocol.hpp"

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

namespace wa::store {

struct WorkerLimits {
  int workers = 2;
  std::chrono::milliseconds deadline{10000};   ///< per query, wall clock
  std::chrono::milliseconds queue_wait{10000}; ///< waiting for an idle worker
  /// How long past the deadline a worker is killed: 0 for an engine that
  /// cannot stop itself; our own engine stops at the deadline by itself, so
  /// the kill is only the backstop for a bug.
  std::chrono::milliseconds kill_grace{0};
  std::size_t memory_bytes = 2UL << 30U; ///< address space a worker may add
  /// A worker is replaced by a fresh fork after this many answers, so that
  /// whatever a backend's client libraries leak per query cannot accumulate;
  /// 0: never.
  int queries_per_worker = 1000;
};

/// Runs in a worker: answers one request.
using WorkHandler = std::function<WorkResponse(const WorkRequest&)>;
/// Runs once in the zygote, after the fork: loads what the workers share.
using WorkHandlerFactory = std::function<WorkHandler()>;

class WorkerPool {
public:
  /// Forks the zygote and asks it for `limits.workers` workers, without
  /// waiting for them. Call before the process starts threads.
  WorkerPool(WorkHandlerFactory factory, WorkerLimits limits);
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool();

  /// Waits until one worker runs (the zygote has loaded the store and forked
  /// it); throws if none can start. Before this, submit() waits for workers too.
  void await_first_worker();

  /// Thread-safe. Never throws for a failing query: the response says what happened.
  WorkResponse submit(const WorkRequest& request);

  /// Workers replaced since start (crashed or overran).
  [[nodiscard]] int replaced() const;
  /// Workers running now, idle or answering, or asked for at start and not yet handed over.
  [[nodiscard]] int alive() const;

private:
  struct Worker {
    pid_t pid = -1;
    os::FileDescriptor socket;
    int answered = 0;
  };

  WorkerLimits limits_;
  pid_t zygote_ = -1;
  os::FileDescriptor control_; ///< to the zygote: closing it stops the zygote and its workers

  mutable std::mutex mutex_;
  std::condition_variable idle_changed_;
  std::vector<Worker> idle_;
  int replaced_ = 0;
  int alive_ = 0;
  std::mutex zygote_mutex_;
  /// Workers asked of the zygote and not yet received (under zygote_mutex_;
  /// read without it only to skip the lock once all have come).
  std::atomic<int> pending_{0};

  Worker spawn();
  /// Receives the workers the zygote was asked for at start and has not handed over yet.
  void collect_pending();
  /// Receives one of them into the idle ones (under zygote_mutex_); false if
  /// the zygote could not give it (it is then no longer pending either).
  bool receive_pending();
  /// Kills `worker` and puts a fresh one in its place; `failed` counts it in replaced().
  void retire(Worker worker, bool failed);
};

} // namespace wa::store
