#include "analysis/sequence_similarity.h"

#include <algorithm>
#include <cmath>

namespace lectern {

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
