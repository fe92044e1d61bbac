#include "analysis/frequent_shingles.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

#include "analysis/passage_tokens.h"

namespace lectern {
namespace {

constexpr uint64_t kBase = 0x9E3779B97F4A7C15ULL;  // odd: invertible mod 2^64

// A set of fingerprints for one briefing at a time: open addressing with a
// generation stamp per slot, so starting the next briefing costs nothing
// (sorting each briefing's shingles to drop repeats cost more than the
// sketch updates themselves).
class BriefingSet {
 public:
  // Empties the set, making room for `n` fingerprints.
  void Reset(size_t n) {
    size_t size = 1024;
    while (size < n * 2) size <<= 1;
    if (size > keys_.size()) {
      keys_.assign(size, 0);
      stamps_.assign(size, 0);
      generation_ = 0;
    }
    if (++generation_ == 0) {  // wrapped: clear the stamps once
      std::fill(stamps_.begin(), stamps_.end(), 0);
      generation_ = 1;
    }
  }
  // True when `fp` was not in the set yet.
  bool Insert(uint64_t fp) {
    const size_t mask = keys_.size() - 1;
    for (size_t i = fp & mask;; i = (i + 1) & mask) {
      if (stamps_[i] != generation_) {
        stamps_[i] = generation_;
        keys_[i] = fp;
        return true;
      }
      if (keys_[i] == fp) return false;
    }
  }

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> stamps_;
  uint32_t generation_ = 0;
};

// Runs work(b, seen, fps) for every briefing on `threads` threads.
template <typename Work>
void ForEachBriefing(size_t count, size_t threads, Work work) {
  std::atomic<size_t> next{0};
  auto run = [&] {
    BriefingSet seen;
    std::vector<uint64_t> fps;
    for (size_t b; (b = next.fetch_add(1)) < count;) work(b, &seen, &fps);
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(run);
  run();
  for (std::thread& t : pool) t.join();
}

}  // namespace

void ShingleFingerprints(std::span<const uint32_t> tokens, const std::vector<uint64_t>& term_hashes,
                         size_t k, std::vector<uint64_t>* out) {
  out->clear();
  if (k == 0 || tokens.size() < k) return;
  uint64_t top = 1;  // kBase^(k-1)
  for (size_t i = 1; i < k; ++i) top *= kBase;
  uint64_t h = 0;
  for (size_t i = 0; i < k; ++i) h = h * kBase + term_hashes[tokens[i]];
  out->reserve(tokens.size() - k + 1);
  for (size_t i = 0;; ++i) {
    uint64_t fp = Mix64(h ^ k);
    out->push_back(fp == 0 ? 1 : fp);
    if (i + k >= tokens.size()) break;
    h = (h - term_hashes[tokens[i]] * top) * kBase + term_hashes[tokens[i + k]];
  }
}

FrequentShingles::FrequentShingles(const TokenCorpus& corpus, const ShingleLengths& lengths,
                                   size_t min_briefings, size_t threads)
    : min_briefings_(std::max<size_t>(1, min_briefings)) {
  const size_t briefings = corpus.briefings.size();
  std::vector<size_t> first_turn(briefings + 1, corpus.turns.size());
  for (size_t t = corpus.turns.size(); t-- > 0;) first_turn[corpus.turns[t].briefing] = t;
  for (size_t b = briefings; b-- > 0;) first_turn[b] = std::min(first_turn[b], first_turn[b + 1]);

  // Pass 1: the sketch.
  size_t cells = 1 << 16;
  while (cells < corpus.tokens.size() * 2) cells <<= 1;
  const uint64_t mask = cells - 1;
  const uint8_t cap = static_cast<uint8_t>(std::min<size_t>(min_briefings_, 255));
  std::unique_ptr<std::atomic<uint8_t>[]> sketch(new std::atomic<uint8_t>[cells]);
  for (size_t i = 0; i < cells; ++i) sketch[i].store(0, std::memory_order_relaxed);
  auto bump = [&](uint64_t cell) {
    uint8_t c = sketch[cell].load(std::memory_order_relaxed);
    while (c < cap && !sketch[cell].compare_exchange_weak(c, c + 1, std::memory_order_relaxed)) {
    }
  };
  ForEachBriefing(briefings, threads, [&](size_t b, BriefingSet* seen, std::vector<uint64_t>* fps) {
    const size_t k = lengths.For(corpus.briefings[b]);
    size_t tokens = 0;
    for (size_t t = first_turn[b]; t < first_turn[b + 1]; ++t) tokens += corpus.turns[t].length;
    seen->Reset(tokens);
    for (size_t t = first_turn[b]; t < first_turn[b + 1]; ++t) {
      ShingleFingerprints(corpus.TurnTokens(t), corpus.term_hashes, k, fps);
      for (uint64_t fp : *fps) {
        if (!seen->Insert(fp)) continue;
        bump(fp & mask);
        bump(Mix64(fp) & mask);
      }
    }
  });

  // Pass 2: each briefing's distinct candidates (in parallel), then their
  // exact counts (one table, filled in briefing order).
  const size_t parts = threads * 4;
  std::vector<std::vector<uint64_t>> candidates(parts);
  std::vector<std::thread> pool;
  auto collect = [&](size_t part) {
    std::vector<uint64_t> fps;
    for (size_t b = briefings * part / parts; b < briefings * (part + 1) / parts; ++b) {
      const size_t k = lengths.For(corpus.briefings[b]);
      const size_t begin = candidates[part].size();
      for (size_t t = first_turn[b]; t < first_turn[b + 1]; ++t) {
        ShingleFingerprints(corpus.TurnTokens(t), corpus.term_hashes, k, &fps);
        for (uint64_t fp : fps) {
          if (sketch[fp & mask].load(std::memory_order_relaxed) >= cap &&
              sketch[Mix64(fp) & mask].load(std::memory_order_relaxed) >= cap) {
            candidates[part].push_back(fp);
          }
        }
      }
      auto first = candidates[part].begin() + begin;
      std::sort(first, candidates[part].end());
      candidates[part].erase(std::unique(first, candidates[part].end()), candidates[part].end());
    }
  };
  for (size_t p = 1; p < parts; ++p) pool.emplace_back(collect, p);
  collect(0);
  for (std::thread& t : pool) t.join();
  keys_.assign(1 << 12, 0);
  counts_.assign(keys_.size(), 0);
  for (auto& part : candidates) {
    for (uint64_t fp : part) Insert(fp);
    std::vector<uint64_t>().swap(part);
  }
  // Keep a one-bit summary of the sketch, to answer most lookups without the table.
  filter_.assign(cells, false);
  for (size_t i = 0; i < cells; ++i) filter_[i] = sketch[i].load(std::memory_order_relaxed) >= cap;
  filter_mask_ = mask;
}

void FrequentShingles::Insert(uint64_t fp) {
  if ((size_ + 1) * 10 > keys_.size() * 7) Grow();
  const size_t mask = keys_.size() - 1;
  for (size_t i = fp & mask;; i = (i + 1) & mask) {
    if (keys_[i] == fp) {
      ++counts_[i];
      return;
    }
    if (keys_[i] == 0) {
      keys_[i] = fp;
      counts_[i] = 1;
      ++size_;
      return;
    }
  }
}

void FrequentShingles::Grow() {
  std::vector<uint64_t> keys(keys_.size() * 2, 0);
  std::vector<uint32_t> counts(keys.size(), 0);
  const size_t mask = keys.size() - 1;
  for (size_t j = 0; j < keys_.size(); ++j) {
    if (keys_[j] == 0) continue;
    size_t i = keys_[j] & mask;
    while (keys[i] != 0) i = (i + 1) & mask;
    keys[i] = keys_[j];
    counts[i] = counts_[j];
  }
  keys_ = std::move(keys);
  counts_ = std::move(counts);
}

uint32_t FrequentShingles::Briefings(uint64_t fp) const {
  if (!filter_[fp & filter_mask_] || !filter_[Mix64(fp) & filter_mask_]) return 0;
  const size_t mask = keys_.size() - 1;
  for (size_t i = fp & mask;; i = (i + 1) & mask) {
    if (keys_[i] == fp) return counts_[i] >= min_briefings_ ? counts_[i] : 0;
    if (keys_[i] == 0) return 0;
  }
}

}  // namespace lectern
