// Frequent shingles: the k-token sequences ("shingles") that occur in at
// least M different briefings, with their exact briefing counts.
//
// Counting every distinct shingle exactly would take a hash entry per
// shingle of the corpus (most occur once). Instead a first pass over each
// briefing's distinct shingles feeds a count-min sketch (two saturating
// counters per shingle in one cache line: 2-bit for M <= 3, four per
// corpus token; 4-bit up to 15 and 8-bit above, two per token; one byte
// per corpus token with 2-bit counters, at most 16 MB; 32 MB with 8-bit),
// updated in parallel. Only shingles whose sketch estimate reaches M can be
// frequent; a second pass counts exactly those (about four times the
// frequent ones on the shared corpus) in hash tables, each thread owning a
// share of the fingerprints (so no locks and no atomic counters). The sketch only over-estimates,
// so nothing frequent is lost, and the counts are exact. Only the frequent shingles are kept, in a
// small table (about 24 bytes per frequent shingle), so probing it for every window is cheap; with
// a bit per corpus token that rules most windows out without a probe (MayBeFrequent).
//
// Memory at the peak (pass 2): the sketch, the candidates' tables (16 bytes
// a slot, sized from the number of shingles that reached the sketch's cap
// in pass 1, so about 60% full instead of 35-70%, and never caught
// growing, when old and new tables are both held) and the bit per token.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "analysis/passage_tokens.h"
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
void ShingleFingerprints(std::span<const uint16_t> tokens, const std::vector<uint64_t>& term_hashes,
                         size_t k, std::vector<uint64_t>* out);
// ShingleFingerprints of a corpus turn, read as stored (no widening).
void TurnFingerprints(const TokenCorpus& corpus, size_t turn, size_t k, std::vector<uint64_t>* out);

// The base of the fingerprints' polynomial hash (odd: invertible mod 2^64).
inline constexpr uint64_t kShingleBase = 0x9E3779B97F4A7C15ULL;

// Fingerprints of single k-token windows of one token sequence, equal to
// ShingleFingerprints': the window after the last one asked for is rolled
// on from it, any other is hashed afresh (FindRuns asks only for the
// windows that may be frequent, mostly in stretches).
class WindowFingerprint {
 public:
  WindowFingerprint(const std::vector<uint64_t>& term_hashes, size_t k)
      : hashes_(term_hashes.data()), k_(k) {
    for (size_t i = 1; i < k; ++i) top_ *= kShingleBase;
  }
  // The window at `p` (p + k <= tokens.size()), for one `tokens` per object.
  template <typename Id>
  uint64_t At(std::span<const Id> tokens, size_t p) {
    if (p == at_ + 1 && at_ != SIZE_MAX) {
      h_ = (h_ - hashes_[tokens[at_]] * top_) * kShingleBase + hashes_[tokens[p + k_ - 1]];
    } else if (p != at_) {
      h_ = 0;
      for (size_t i = 0; i < k_; ++i) h_ = h_ * kShingleBase + hashes_[tokens[p + i]];
    }
    at_ = p;
    const uint64_t fp = Mix64(h_ ^ k_);
    return fp == 0 ? 1 : fp;
  }

 private:
  const uint64_t* hashes_;
  size_t k_;
  uint64_t top_ = 1;  // kShingleBase^(k-1)
  size_t at_ = SIZE_MAX;
  uint64_t h_ = 0;
};

class FrequentShingles {
 public:
  FrequentShingles(const TokenCorpus& corpus, const ShingleLengths& lengths, size_t min_briefings,
                   size_t threads);

  // Briefings the shingle occurs in when that is >= min_briefings, else 0.
  uint32_t Briefings(uint64_t fingerprint) const;
  // Asks for the table slot Briefings(fingerprint) starts at, ahead of it.
  void Prefetch(uint64_t fingerprint) const {
    const size_t i = fingerprint & (keys_.size() - 1);
    __builtin_prefetch(&keys_[i]);
    __builtin_prefetch(&counts_[i]);
  }
  // False when the window starting at corpus token `position` (a turn's
  // begin + offset) cannot be frequent: one bit per token, so most windows
  // are ruled out without a table probe.
  bool MayBeFrequent(uint64_t position) const {
    return (candidate_windows_[position / 64].load(std::memory_order_relaxed) >> (position % 64)) &
           1;
  }
  // False when no window starting in [from, to) can be frequent: a turn
  // with none needs no fingerprints (a word of bits at a time).
  bool AnyMayBeFrequent(uint64_t from, uint64_t to) const;
  // Frequent shingles.
  size_t size() const { return size_; }
  size_t MemoryBytes() const { return keys_.capacity() * 12; }

 private:
  size_t min_briefings_;
  std::vector<uint64_t> keys_;  // open addressing; 0: empty (fingerprints are never 0)
  std::vector<uint32_t> counts_;
  size_t size_ = 0;
  std::unique_ptr<std::atomic<uint64_t>[]> candidate_windows_;  // bit per token
};

}  // namespace lectern
