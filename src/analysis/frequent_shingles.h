// Frequent shingles: the k-token sequences ("shingles") that occur in at
// least M different briefings, with their exact briefing counts.
//
// Counting every distinct shingle exactly would take a hash entry per
// shingle of the corpus (most occur once). Instead a first pass over each
// briefing's distinct shingles feeds a count-min sketch (two saturating
// 4-bit counters per shingle in one cache line, 8-bit when M > 15; half a
// byte per corpus token, at most 16 MB; 32 MB with 8-bit counters),
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
#include <cstdint>
#include <memory>
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
void ShingleFingerprints(std::span<const uint16_t> tokens, const std::vector<uint64_t>& term_hashes,
                         size_t k, std::vector<uint64_t>* out);
// ShingleFingerprints of a corpus turn, read as stored (no widening).
void TurnFingerprints(const TokenCorpus& corpus, size_t turn, size_t k, std::vector<uint64_t>* out);

class FrequentShingles {
 public:
  FrequentShingles(const TokenCorpus& corpus, const ShingleLengths& lengths, size_t min_briefings,
                   size_t threads);

  // Briefings the shingle occurs in when that is >= min_briefings, else 0.
  uint32_t Briefings(uint64_t fingerprint) const;
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
