// ForEachPart: a range cut into a fixed number of contiguous parts, worked
// on by a given number of threads.
//
// The passage analyses keep results per part and concatenate them in part
// order, so what they compute does not depend on the number of threads;
// the parts (more than the threads) even out the load. With threads == 1
// everything runs on the calling thread: a "1 thread" measurement is one.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace lectern {

// Runs work(lo, hi, part) for each part p < `parts` of [0, count), [count *
// p / parts, count * (p + 1) / parts), on min(threads, parts) threads (the
// calling thread included); returns when all are done.
template <typename Work>
void ForEachPart(size_t count, size_t parts, size_t threads, Work work) {
  parts = std::max<size_t>(1, parts);
  std::atomic<size_t> next{0};
  auto run = [&] {
    for (size_t p; (p = next.fetch_add(1)) < parts;) {
      work(count * p / parts, count * (p + 1) / parts, p);
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(threads, parts); ++t) pool.emplace_back(run);
  run();
  for (std::thread& t : pool) t.join();
}

}  // namespace lectern
