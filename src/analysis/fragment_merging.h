// Fragment merging: talking points that are pieces of one formulation.
//
// Points are grown from repeated runs (talking_points.h), and a formulation
// whose wording around its core varies ("based on mutual respect, equality
// and mutual benefit", "the basis of mutual respect, equality and mutual
// benefit") yields several overlapping points, none a close enough variant
// of another to be grouped. Two points are one formulation when their texts
// share a stretch of at least `min_shared` consecutive tokens that is at
// least `min_share` of the shorter text: near misses that share only half
// their words (two demands opening with the same clause) stay apart.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace lectern {

// `texts` are the points' tokens in rank order (most widespread first).
// Returns per point the point it merges into: the first earlier point it
// overlaps (followed to its own target), or itself.
std::vector<uint32_t> MergeFragments(const std::vector<std::span<const uint32_t>>& texts,
                                     size_t min_shared, double min_share);

// The longest stretch of consecutive tokens `a` and `b` share.
size_t LongestSharedStretch(std::span<const uint32_t> a, std::span<const uint32_t> b);

}  // namespace lectern
