#include "analysis/sequence_similarity.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <iterator>

namespace lectern {

namespace {

// The match masks of a sequence of at most 64 tokens: for each distinct
// token, the bits of the positions holding it (position j as bit j, or as
// bit size - 1 - j when reversed). A small open-addressing table with a
// generation stamp per slot, so that building the next one clears nothing.
class MatchMasks {
 public:
  void Build(std::span<const uint32_t> s, bool reversed) {
    if (++generation_ == 0) {
      std::fill(std::begin(stamp_), std::end(stamp_), 0);
      generation_ = 1;
    }
    for (size_t j = 0; j < s.size(); ++j)
      *Slot(s[j]) |= uint64_t{1} << (reversed ? s.size() - 1 - j : j);
  }
  uint64_t Of(uint32_t token) const {
    for (size_t i = Hash(token);; i = (i + 1) & (kSize - 1)) {
      if (stamp_[i] != generation_) return 0;
      if (key_[i] == token) return mask_[i];
    }
  }

 private:
  static constexpr size_t kSize = 128;  // at most half full
  static size_t Hash(uint32_t token) { return (token * 0x9E3779B1u) >> 25; }
  uint64_t* Slot(uint32_t token) {
    for (size_t i = Hash(token);; i = (i + 1) & (kSize - 1)) {
      if (stamp_[i] != generation_) {
        stamp_[i] = generation_;
        key_[i] = token;
        mask_[i] = 0;
        return &mask_[i];
      }
      if (key_[i] == token) return &mask_[i];
    }
  }

  uint32_t key_[kSize];
  uint64_t mask_[kSize];
  uint32_t stamp_[kSize] = {};
  uint32_t generation_ = 0;
};

constexpr size_t kBits = 64;

uint64_t LowBits(size_t n) { return n >= kBits ? ~uint64_t{0} : (uint64_t{1} << n) - 1; }

// One row of the bit-parallel LCS (Allison and Dix; Hyyro): `v` has a zero
// at bit c where the row's LCS grows from the first c positions of the
// masked sequence to the first c + 1, after one more token of the other
// (with match mask `match`).
uint64_t NextRow(uint64_t v, uint64_t match) {
  const uint64_t u = v & match;
  return (v + u) | (v - u);
}

// LCS of a sequence of <= 64 tokens (whose masks are `masks`, not
// reversed) and `other`.
size_t BitParallelLcs(const MatchMasks& masks, size_t size, std::span<const uint32_t> other) {
  uint64_t v = ~uint64_t{0};
  for (uint32_t t : other) v = NextRow(v, masks.Of(t));
  return size - static_cast<size_t>(std::popcount(v & LowBits(size)));
}

}  // namespace

double VariantThreshold(double threshold, size_t length) {
  // Up to 12 words the stricter bound applies; from there on the caller's
  // threshold already allows only a few words (0.7 of 12 is 3.6 words).
  constexpr size_t kShort = 12;
  if (length == 0 || length >= kShort) return threshold;
  return std::max(threshold, 1.0 - 1.5 / static_cast<double>(length));
}

bool SimilarAtLeast(std::span<const uint32_t> a, std::span<const uint32_t> b, double threshold,
                    double* similarity) {
  const int64_t n = static_cast<int64_t>(a.size()), m = static_cast<int64_t>(b.size());
  const int64_t longer = std::max(n, m);
  if (longer == 0) {
    if (similarity) *similarity = 1.0;
    return true;
  }
  // LCS >= need  <=>  D = n + m - 2 LCS <= max_d.
  const int64_t need =
      static_cast<int64_t>(std::ceil(threshold * static_cast<double>(longer) - 1e-9));
  if (std::min(n, m) < need) return false;
  if (n == m && std::equal(a.begin(), a.end(), b.begin())) {
    if (similarity) *similarity = 1.0;
    return true;
  }
  const int64_t max_d = n + m - 2 * need;
  if (max_d < 0) return false;
  if (std::min(n, m) <= static_cast<int64_t>(kBits)) {
    // The LCS itself: the same similarity as the edit distance below gives.
    static thread_local MatchMasks masks;
    const bool a_shorter = n <= m;
    masks.Build(a_shorter ? a : b, false);
    const int64_t lcs = static_cast<int64_t>(
        BitParallelLcs(masks, static_cast<size_t>(std::min(n, m)), a_shorter ? b : a));
    if (lcs < need) return false;
    if (similarity) *similarity = static_cast<double>(lcs) / longer;
    return true;
  }
  // One buffer per thread: this runs for every candidate use.
  static thread_local std::vector<int64_t> v;
  v.assign(static_cast<size_t>(2 * max_d + 3), 0);
  const int64_t off = max_d + 1;
  for (int64_t d = 0; d <= max_d; ++d) {
    for (int64_t k = -d; k <= d; k += 2) {
      int64_t x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1]
                                                                           : v[off + k - 1] + 1;
      int64_t y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[off + k] = x;
      if (x >= n && y >= m) {
        if (similarity) *similarity = static_cast<double>((n + m - d) / 2) / longer;
        return true;
      }
    }
  }
  return false;
}

std::optional<std::pair<uint32_t, uint32_t>> AlignedSpanOfB(std::span<const uint32_t> a,
                                                            std::span<const uint32_t> b) {
  const size_t n = a.size(), m = b.size();
  std::optional<std::pair<uint32_t, uint32_t>> span;
  if (m > kBits) {
    for (const AlignStep& s : Align(a, b)) {
      if (s.kind != AlignStep::kSame) continue;
      if (!span) span.emplace(s.b, s.b);
      span->second = s.b;
    }
    return span;
  }
  // Align walks the table lcs(i, j) = LCS(a[i..], b[j..]), which is the
  // LCS of the reversed sequences' prefixes: rows[r] is the bit-parallel
  // row after the last r tokens of a, over b reversed (bit c for b[m-1-c]),
  // so lcs(i, j) = (m - j) - popcount(rows[n - i] & LowBits(m - j)).
  static thread_local MatchMasks masks;
  static thread_local std::vector<uint64_t> rows;
  masks.Build(b, true);
  rows.resize(n + 1);
  rows[0] = ~uint64_t{0};
  for (size_t r = 1; r <= n; ++r) rows[r] = NextRow(rows[r - 1], masks.Of(a[n - r]));
  auto lcs = [&](size_t i, size_t j) {
    return (m - j) - static_cast<size_t>(std::popcount(rows[n - i] & LowBits(m - j)));
  };
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      if (!span) span.emplace(static_cast<uint32_t>(j), 0);
      span->second = static_cast<uint32_t>(j);
      ++i, ++j;
    } else if (j < m && (i == n || lcs(i, j + 1) >= lcs(i + 1, j))) {
      ++j;
    } else {
      ++i;
    }
  }
  return span;
}

std::vector<AlignStep> Align(std::span<const uint32_t> a, std::span<const uint32_t> b) {
  const size_t n = a.size(), m = b.size();
  std::vector<AlignStep> steps;
  if (n * m > 4'000'000) {
    for (uint32_t i = 0; i < n; ++i) steps.push_back({AlignStep::kOnlyA, i, 0});
    for (uint32_t j = 0; j < m; ++j) steps.push_back({AlignStep::kOnlyB, 0, j});
    return steps;
  }
  // lcs[i][j]: LCS of a[i..] and b[j..].
  std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      steps.push_back({AlignStep::kSame, static_cast<uint32_t>(i++), static_cast<uint32_t>(j++)});
    } else if (j < m && (i == n || at(i, j + 1) >= at(i + 1, j))) {
      steps.push_back({AlignStep::kOnlyB, static_cast<uint32_t>(i), static_cast<uint32_t>(j++)});
    } else {
      steps.push_back({AlignStep::kOnlyA, static_cast<uint32_t>(i++), static_cast<uint32_t>(j)});
    }
  }
  return steps;
}

}  // namespace lectern
