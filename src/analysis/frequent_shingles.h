// Frequent shingles: the k-token sequences ("shingles") that occur in at
// least M different briefings, with their exact briefing counts.
//
// Counting every distinct shingle exactly would take a hash entry per
// shingle of the corpus (most occur once). Instead a first pass over each
// briefing's distinct shingles feeds a count-min sketch (two 8-bit
// saturating counters per shingle, two counters per shingle
// occurrences, updated in parallel); only shingles whose sketch estimate
// reaches M can be frequent, and a second pass counts exactly those in an
// open-addressing table. The sketch only over-estimates, so nothing
// frequent is lost, and the table's counts are exact.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/token_corpus.h"

namespace lectern {

// Shingle length per turn: `words` tokens, or `characters` in CJK briefings.
struct ShingleLengths {
  size_t words = 8;
  size_t characters = 12;
  size_t For(const CorpusBriefing& b) const { return b.cjk ? characters : words; }
};

// Fingerprints of every k-token window of `tokens` (empty when shorter),
// by a polynomial rolling hash of the terms' hashes; identical windows of
// identical terms give identical fingerprints in any corpus.
void ShingleFingerprints(std::span<const uint32_t> tokens, const std::vector<uint64_t>& term_hashes,
                         size_t k, std::vector<uint64_t>* out);

class FrequentShingles {
 public:
  FrequentShingles(const TokenCorpus& corpus, const ShingleLengths& lengths, size_t min_briefings,
                   size_t threads);

  // Briefings the shingle occurs in when that is >= min_briefings, else 0.
  uint32_t Briefings(uint64_t fingerprint) const;
  size_t size() const { return size_; }
  size_t MemoryBytes() const { return keys_.capacity() * 12; }

 private:
  void Insert(uint64_t fingerprint);
  void Grow();

  size_t min_briefings_;
  std::vector<uint64_t> keys_;  // 0: empty (fingerprints are never 0)
  std::vector<uint32_t> counts_;
  size_t size_ = 0;
  std::vector<bool> filter_;  // sketch cell >= min_briefings
  uint64_t filter_mask_ = 0;
};

}  // namespace lectern
