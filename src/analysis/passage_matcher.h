// PassageMatcher: where known passages (talking points' canonical texts)
// occur in a token sequence, verbatim or as close variants.
//
// Every k-token shingle of every passage is indexed (fingerprint -> passage,
// offset). A sequence's shingles are looked up; each match (position p in
// the sequence, offset q in passage C) votes for C starting at p - q.
// Matches of one passage whose starting points lie within a quarter of its
// length of each other are one candidate occurrence: it spans from the first
// match, moved back by its offset, to the last match, moved on by what
// remains of C. So a substituted word (a gap in the matches), an inserted
// clause (later matches start later) or a changed first word (the first match
// has an offset) still give the whole occurrence. A candidate is kept when
// its tokens and C's are similar (sequence_similarity.h) at the threshold
// (stricter for passages under 12 tokens: VariantThreshold);
// words at its ends that the alignment with C does not use are dropped (a
// one-word name standing for a three-word one would otherwise pull in two
// words of the surrounding text).
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace lectern {

struct PassageHit {
  uint32_t passage = 0;
  uint32_t begin = 0, end = 0;  // token range in the searched sequence
  float similarity = 0;
};

class PassageMatcher {
 public:
  explicit PassageMatcher(double threshold) : threshold_(threshold) {}

  // Adds passage number size() with its tokens and its shingle fingerprints
  // (fps[i] for the window at i; ShingleFingerprints). Returns its number.
  uint32_t Add(std::span<const uint32_t> tokens, std::span<const uint64_t> fps);

  size_t size() const { return begin_.size(); }
  std::span<const uint32_t> Tokens(uint32_t passage) const {
    return {tokens_.data() + begin_[passage], length_[passage]};
  }

  // Occurrences of the passages in `tokens` (whose shingle fingerprints are
  // `fps`), sorted by (passage, begin); overlapping occurrences of one
  // passage are reduced to the most similar. Only the windows in the ranges
  // [from, to) of `windows` (ascending, disjoint) are looked up when it is
  // given (the caller knows the others cannot match; their fps need not be
  // set). Thread-safe once no more passages are added.
  void Find(std::span<const uint32_t> tokens, std::span<const uint64_t> fps,
            const std::vector<std::pair<uint32_t, uint32_t>>* windows,
            std::vector<PassageHit>* hits) const;

  size_t MemoryBytes() const;

 private:
  struct Node {
    uint32_t passage, offset, next;
  };
  static constexpr uint32_t kEnd = UINT32_MAX;
  // A shingle in more passages than this is not followed (its list would
  // make every lookup slow and it cannot tell passages apart).
  static constexpr size_t kMaxList = 512;
  // Variants are trimmed by a quadratic alignment up to this size.
  static constexpr size_t kMaxTrimCells = 1 << 18;

  uint32_t* Head(uint64_t fp);
  uint32_t FindHead(uint64_t fp) const;

  double threshold_;
  std::vector<uint32_t> tokens_;
  std::vector<uint64_t> begin_;
  std::vector<uint32_t> length_;
  std::vector<uint64_t> keys_;  // open addressing, 0 empty
  std::vector<uint32_t> heads_;
  std::vector<uint32_t> list_size_;
  std::vector<Node> nodes_;
  size_t used_ = 0;
};

}  // namespace lectern
