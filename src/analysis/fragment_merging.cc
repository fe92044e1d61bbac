#include "analysis/fragment_merging.h"

#include <algorithm>
#include <unordered_map>

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

std::vector<uint32_t> MergeFragments(const std::vector<std::span<const uint32_t>>& texts,
                                     size_t min_shared, double min_share) {
  std::vector<uint32_t> target(texts.size());
  // Stretch of min_shared tokens (hashed) -> the points containing it, so
  // only points that can share enough are compared.
  std::unordered_map<uint64_t, std::vector<uint32_t>> holders;
  std::vector<uint64_t> grams;
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
    std::vector<uint32_t> candidates;
    for (uint64_t g : grams) {
      auto it = holders.find(g);
      if (it != holders.end())
        candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
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
    for (uint64_t g : grams) holders[g].push_back(i);
  }
  return target;
}

}  // namespace lectern
