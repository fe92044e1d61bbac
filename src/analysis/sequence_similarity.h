// How alike two token sequences are, and where they differ.
//
// Similarity is LCS(a, b) / max(|a|, |b|): the share of the longer sequence
// that the other reproduces in order. A changed country name in 20 words
// scores 0.95, an inserted 5-word clause 0.8, two 20-word passages that share
// only their first half 0.5. Talking points group variants at >= 0.7
// (talking_points.h), which keeps the first two together and the last apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace lectern {

// True when Similarity(a, b) >= threshold; runs in O((|a|+|b|) * D) for D
// the number of insertions and deletions allowed (Myers' diff, cut off at
// the largest D the threshold allows), so dissimilar pairs cost little;
// when either has at most 64 tokens, O(|a| + |b|) words instead (the LCS
// by bit-parallel rows: the same value).
// `similarity`, if given, receives the exact value when it passes.
bool SimilarAtLeast(std::span<const uint32_t> a, std::span<const uint32_t> b, double threshold,
                    double* similarity = nullptr);

// The similarity a variant of a `length`-token passage needs: `threshold`,
// raised for short passages so that they allow at most about one and a half
// changed words. Otherwise 0.7 of an 8-word point lets any 6-word piece of it
// count ("on the basis of mutual respect" for "relations on the basis of
// mutual respect and"), and nearly every use of a short point is a variant.
double VariantThreshold(double threshold, size_t length);

// One step of an alignment of `a` (the reference) with `b`.
struct AlignStep {
  enum Kind : uint8_t { kSame, kOnlyA, kOnlyB } kind;
  uint32_t a = 0, b = 0;  // index in a (kSame, kOnlyA) and in b (kSame, kOnlyB)
};

// Where Align(a, b)'s first and last kSame steps fall in b (their b
// indices); nullopt when it has none. Computed without the alignment: for
// |b| <= 64 from bit-parallel rows of the LCS table, in O(|a| + |b|) words
// (PassageMatcher trims every variant this way).
std::optional<std::pair<uint32_t, uint32_t>> AlignedSpanOfB(std::span<const uint32_t> a,
                                                            std::span<const uint32_t> b);

// A longest-common-subsequence alignment, in order. Quadratic: for display
// of a few sequences of at most a few thousand tokens (longer inputs are
// aligned as wholly different).
std::vector<AlignStep> Align(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace lectern
