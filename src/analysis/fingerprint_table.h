// Rehashing for the open-addressing tables keyed by shingle fingerprints
// (frequent_shingles.cc, passage_matcher.cc): 64-bit keys, 0 for an empty
// slot (fingerprints are never 0), linear probing from key & (size - 1),
// sizes powers of two. The values live in arrays beside the keys, which
// the caller moves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lectern {

// The keys of `keys` placed in a table of `size` slots (a power of two, at
// least the number of keys); place(old_slot, new_slot) is called for each,
// for the caller to move its values. Returns the new keys.
template <typename Place>
std::vector<uint64_t> RehashFingerprints(const std::vector<uint64_t>& keys, size_t size,
                                         Place place) {
  std::vector<uint64_t> out(size, 0);
  const size_t mask = size - 1;
  for (size_t j = 0; j < keys.size(); ++j) {
    if (keys[j] == 0) continue;
    size_t i = keys[j] & mask;
    while (out[i] != 0) i = (i + 1) & mask;
    out[i] = keys[j];
    place(j, i);
  }
  return out;
}

}  // namespace lectern
