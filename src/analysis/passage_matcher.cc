#include "analysis/passage_matcher.h"

#include <algorithm>

#include "analysis/fingerprint_table.h"
#include "analysis/sequence_similarity.h"

namespace lectern {

uint32_t PassageMatcher::Add(std::span<const uint32_t> tokens, std::span<const uint64_t> fps) {
  const uint32_t id = static_cast<uint32_t>(begin_.size());
  begin_.push_back(tokens_.size());
  length_.push_back(static_cast<uint32_t>(tokens.size()));
  tokens_.insert(tokens_.end(), tokens.begin(), tokens.end());
  for (uint32_t q = 0; q < fps.size(); ++q) {
    uint32_t* head = Head(fps[q]);
    const size_t slot = head - heads_.data();
    if (list_size_[slot] >= kMaxList) continue;
    ++list_size_[slot];
    nodes_.push_back(Node{id, q, *head});
    *head = static_cast<uint32_t>(nodes_.size() - 1);
  }
  return id;
}

uint32_t* PassageMatcher::Head(uint64_t fp) {
  if ((used_ + 1) * 10 > keys_.size() * 7) {
    const size_t size = std::max<size_t>(1 << 12, keys_.size() * 2);
    std::vector<uint32_t> heads(size, kEnd), sizes(size, 0);
    keys_ = RehashFingerprints(keys_, size, [&](size_t from, size_t to) {
      heads[to] = heads_[from];
      sizes[to] = list_size_[from];
    });
    heads_ = std::move(heads);
    list_size_ = std::move(sizes);
  }
  const size_t mask = keys_.size() - 1;
  size_t i = fp & mask;
  while (keys_[i] != 0 && keys_[i] != fp) i = (i + 1) & mask;
  if (keys_[i] == 0) {
    keys_[i] = fp;
    ++used_;
  }
  return &heads_[i];
}

uint32_t PassageMatcher::FindHead(uint64_t fp) const {
  if (keys_.empty()) return kEnd;
  const size_t mask = keys_.size() - 1;
  for (size_t i = fp & mask;; i = (i + 1) & mask) {
    if (keys_[i] == fp) return heads_[i];
    if (keys_[i] == 0) return kEnd;
  }
}

void PassageMatcher::Find(std::span<const uint32_t> tokens, std::span<const uint64_t> fps,
                          const std::vector<std::pair<uint32_t, uint32_t>>* windows,
                          std::vector<PassageHit>* hits) const {
  hits->clear();
  struct Match {
    uint32_t passage;
    int64_t start;  // p - q
    uint32_t p, q;
  };
  // Kept from call to call (one per thread): Find runs once per turn.
  thread_local std::vector<Match> matches;
  matches.clear();
  auto look_up = [&](uint32_t p) {
    for (uint32_t n = FindHead(fps[p]); n != kEnd; n = nodes_[n].next) {
      matches.push_back(
          {nodes_[n].passage, static_cast<int64_t>(p) - nodes_[n].offset, p, nodes_[n].offset});
    }
  };
  if (windows) {
    for (const auto& [from, to] : *windows) {
      for (uint32_t p = from; p < to; ++p) look_up(p);
    }
  } else {
    for (uint32_t p = 0; p < fps.size(); ++p) look_up(p);
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.passage != b.passage) return a.passage < b.passage;
    return a.start != b.start ? a.start < b.start : a.p < b.p;
  });
  const int64_t size = static_cast<int64_t>(tokens.size());
  for (size_t i = 0; i < matches.size();) {
    const uint32_t passage = matches[i].passage;
    const int64_t length = length_[passage];
    const int64_t tolerance = std::max<int64_t>(2, length / 4);
    // One cluster: consecutive starting points no further apart than the tolerance.
    size_t j = i + 1;
    while (j < matches.size() && matches[j].passage == passage &&
           matches[j].start - matches[j - 1].start <= tolerance) {
      ++j;
    }
    const Match* first = &matches[i];
    const Match* last = &matches[i];
    for (size_t m = i; m < j; ++m) {
      if (matches[m].p < first->p) first = &matches[m];
      if (matches[m].p > last->p) last = &matches[m];
    }
    const int64_t begin = std::max<int64_t>(0, first->start);
    const int64_t end = std::min<int64_t>(size, static_cast<int64_t>(last->p) + length - last->q);
    i = j;
    if (end <= begin) continue;
    double similarity = 0;
    std::span<const uint32_t> range = tokens.subspan(begin, end - begin);
    const double threshold = VariantThreshold(threshold_, static_cast<size_t>(length));
    if (!SimilarAtLeast(range, Tokens(passage), threshold, &similarity)) continue;
    uint32_t b = static_cast<uint32_t>(begin), e = static_cast<uint32_t>(end);
    // A variant of another length was given the passage's length: drop the
    // words at either end that the alignment does not use.
    if (similarity < 1 && range.size() * length <= kMaxTrimCells) {
      // Align's steps before its first same word and after its last.
      const auto kept = AlignedSpanOfB(Tokens(passage), range);
      const uint32_t size = static_cast<uint32_t>(range.size());
      const uint32_t drop_front = kept ? kept->first : size;
      const uint32_t drop_back = kept ? size - 1 - kept->second : size;
      if (drop_front + drop_back < range.size()) {
        b += drop_front;
        e -= drop_back;
        SimilarAtLeast(tokens.subspan(b, e - b), Tokens(passage), 0, &similarity);
      }
      // Trimmed, the passage may be the longer side, and less reproduced.
      if (similarity < threshold) continue;
    }
    hits->push_back({passage, b, e, static_cast<float>(similarity)});
  }
  // Sorted by (passage, begin); of overlapping hits of a passage keep the best.
  std::sort(hits->begin(), hits->end(), [](const PassageHit& a, const PassageHit& b) {
    return a.passage != b.passage ? a.passage < b.passage : a.begin < b.begin;
  });
  size_t out = 0;
  for (size_t i = 0; i < hits->size(); ++i) {
    PassageHit& h = (*hits)[i];
    if (out > 0 && (*hits)[out - 1].passage == h.passage && h.begin < (*hits)[out - 1].end) {
      if (h.similarity > (*hits)[out - 1].similarity) (*hits)[out - 1] = h;
      continue;
    }
    (*hits)[out++] = h;
  }
  hits->resize(out);
}

size_t PassageMatcher::MemoryBytes() const {
  return tokens_.capacity() * 4 + begin_.capacity() * 8 + length_.capacity() * 4 +
         keys_.capacity() * 8 + heads_.capacity() * 4 + list_size_.capacity() * 4 +
         nodes_.capacity() * sizeof(Node);
}

}  // namespace lectern
