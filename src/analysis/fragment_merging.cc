#include "analysis/fragment_merging.h"

#include <algorithm>
#include <cstdint>

namespace lectern {

size_t LongestSharedStretch(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  // Texts are short (tens of tokens): the quadratic table is cheap.
  std::vector<size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  size_t best = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : 0;
      best = std::max(best, cur[j]);
    }
    std::swap(prev, cur);
  }
  return best;
}

namespace {

// Stretch hash -> the points holding it, as lists in one node array: an
// open-addressing table of list heads (a map of vectors cost an allocation
// per stretch).
class Holders {
 public:
  template <typename F>
  void ForEach(uint64_t gram, F f) const {
    if (keys_.empty()) return;
    for (uint32_t n = heads_[Find(gram)]; n != kEnd; n = nodes_[n].next) f(nodes_[n].point);
  }
  void Add(uint64_t gram, uint32_t point) {
    if ((used_ + 1) * 2 > keys_.size()) Grow();
    const size_t i = Find(gram);
    if (heads_[i] == kEnd) {
      keys_[i] = gram;
      ++used_;
    }
    nodes_.push_back({point, heads_[i]});
    heads_[i] = static_cast<uint32_t>(nodes_.size() - 1);
  }

 private:
  static constexpr uint32_t kEnd = UINT32_MAX;
  struct Node {
    uint32_t point, next;
  };
  // The slot of `gram`, or the empty slot where it would go.
  size_t Find(uint64_t gram) const {
    const size_t mask = keys_.size() - 1;
    size_t i = Mix(gram) & mask;
    while (heads_[i] != kEnd && keys_[i] != gram) i = (i + 1) & mask;
    return i;
  }
  static uint64_t Mix(uint64_t x) { return (x ^ (x >> 29)) * 0xbf58476d1ce4e5b9ULL >> 16; }
  void Grow() {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<uint32_t> heads = std::move(heads_);
    keys_.assign(std::max<size_t>(1024, keys.size() * 2), 0);
    heads_.assign(keys_.size(), kEnd);
    for (size_t j = 0; j < keys.size(); ++j) {
      if (heads[j] == kEnd) continue;
      const size_t i = Find(keys[j]);
      keys_[i] = keys[j];
      heads_[i] = heads[j];
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> heads_;  // kEnd: an empty slot
  std::vector<Node> nodes_;
  size_t used_ = 0;
};

}  // namespace

std::vector<uint32_t> MergeFragments(const std::vector<std::span<const uint32_t>>& texts,
                                     size_t min_shared, double min_share) {
  std::vector<uint32_t> target(texts.size());
  // Stretch of min_shared tokens (hashed) -> the points containing it, so
  // only points that can share enough are compared.
  Holders holders;
  std::vector<uint64_t> grams;
  std::vector<uint32_t> candidates;
  for (uint32_t i = 0; i < texts.size(); ++i) {
    target[i] = i;
    std::span<const uint32_t> t = texts[i];
    grams.clear();
    for (size_t p = 0; p + min_shared <= t.size(); ++p) {
      uint64_t h = 0x9E3779B97F4A7C15ULL;
      for (size_t q = p; q < p + min_shared; ++q) h = (h ^ t[q]) * 0x100000001b3ULL;
      grams.push_back(h);
    }
    std::sort(grams.begin(), grams.end());
    grams.erase(std::unique(grams.begin(), grams.end()), grams.end());
    candidates.clear();
    for (uint64_t g : grams) holders.ForEach(g, [&](uint32_t j) { candidates.push_back(j); });
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (uint32_t j : candidates) {  // earliest (most widespread) first
      const size_t shorter = std::min(t.size(), texts[j].size());
      const size_t shared = LongestSharedStretch(t, texts[j]);
      if (shared >= min_shared && static_cast<double>(shared) >= min_share * shorter) {
        target[i] = target[j];
        break;
      }
    }
    for (uint64_t g : grams) holders.Add(g, i);
  }
  return target;
}

}  // namespace lectern
