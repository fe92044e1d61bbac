// Ordered parallel map: work(i) runs on a pool of threads, emit(i, result)
// runs on the calling thread in index order, as soon as each result and all
// earlier ones are ready. Used wherever output order must not depend on
// thread timing (parse output, ingest order).
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace lectern {

template <typename T, typename Work, typename Emit>
void ParallelMapOrdered(size_t count, size_t threads, Work work, Emit emit) {
  threads = std::max<size_t>(1, std::min(threads, count));
  if (threads == 1) {
    for (size_t i = 0; i < count; ++i) emit(i, work(i));
    return;
  }
  std::vector<std::optional<T>> results(count);
  std::mutex mutex;
  std::condition_variable ready;
  std::atomic<size_t> next{0};
  // Bounds how far workers run ahead of the emitter, so that memory stays flat.
  const size_t window = threads * 8;
  size_t emitted = 0;
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (;;) {
        size_t i = next.fetch_add(1);
        if (i >= count) return;
        {
          std::unique_lock<std::mutex> lock(mutex);
          ready.wait(lock, [&] { return i < emitted + window; });
        }
        T result = work(i);
        std::lock_guard<std::mutex> lock(mutex);
        results[i].emplace(std::move(result));
        ready.notify_all();
      }
    });
  }
  for (size_t i = 0; i < count; ++i) {
    std::optional<T> result;
    {
      std::unique_lock<std::mutex> lock(mutex);
      ready.wait(lock, [&] { return results[i].has_value(); });
      result = std::move(results[i]);
      results[i].reset();
    }
    emit(i, std::move(*result));
    {
      std::lock_guard<std::mutex> lock(mutex);
      emitted = i + 1;
    }
    ready.notify_all();
  }
  for (std::thread& thread : pool) thread.join();
}

}  // namespace lectern
