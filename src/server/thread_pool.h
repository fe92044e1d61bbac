// GrowingThreadPool: the task queue behind the HTTP server. cpp-httplib
// serves a connection on one thread for as long as it is kept alive, so a
// fixed pool of a few threads leaves every other open connection waiting
// (and a load generator counting timeouts). This pool starts a thread
// whenever no idle one can take a task, up to `max_threads`; beyond that,
// tasks queue. Idle threads stay for the next burst.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace lectern {

class GrowingThreadPool : public httplib::TaskQueue {
 public:
  explicit GrowingThreadPool(size_t max_threads);
  ~GrowingThreadPool() override;

  void enqueue(std::function<void()> task) override;
  // Runs the queued tasks, then joins every thread.
  void shutdown() override;

 private:
  void Work();

  const size_t max_threads_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> tasks_;
  std::vector<std::thread> threads_;
  size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace lectern
