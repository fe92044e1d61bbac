#include "analysis/ngrams.h"

#include <algorithm>
#include <array>
#include <set>
#include <thread>

#include "analysis/stopwords.h"
#include "analysis/token_streams.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

using Key = std::array<uint32_t, 6>;

struct KeyHash {
  size_t operator()(const Key& k) const {
    uint64_t h = 1469598103934665603ull;
    for (uint32_t v : k) h = (h ^ v) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

// Counts within one segment fit 32 bits (positions are 32-bit).
struct LocalStat {
  uint32_t count = 0, briefings = 0;
  uint32_t last_briefing = UINT32_MAX;
};

// N-gram keys to their counts: open addressing with linear probing, a
// power-of-two size, at most 70% full. Bigram keyness over the 10x index
// looks up 79 M bigrams, and std::unordered_map's node per new key and
// pointer chase per lookup were a third of its time. Keys never hold
// kNoTerm, which marks an empty slot.
class KeyTable {
 public:
  KeyTable() { Resize(1 << 12); }

  LocalStat& operator[](const Key& key) {
    if ((size_ + 1) * 10 > slots_.size() * 7) Resize(slots_.size() * 2);
    const size_t mask = slots_.size() - 1;
    // The high bits of a multiplicative mix: linear probing wants every bit
    // of the key to reach the slot number.
    const size_t start = static_cast<size_t>((KeyHash()(key) * 0x9E3779B97F4A7C15ull) >> shift_);
    for (size_t i = start;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.key[0] == kNoTerm) {
        slot.key = key;
        ++size_;
        return slot.stat;
      }
      if (slot.key == key) return slot.stat;
    }
  }

  template <class F>
  void ForEach(F&& f) const {
    for (const Slot& slot : slots_) {
      if (slot.key[0] != kNoTerm) f(slot.key, slot.stat);
    }
  }

  void Release() {
    std::vector<Slot>().swap(slots_);
    size_ = 0;
  }

 private:
  struct Slot {
    Key key;
    LocalStat stat;
  };

  void Resize(size_t n) {  // n: a power of two
    std::vector<Slot> old(n);
    old.swap(slots_);
    shift_ = 64;
    for (size_t m = n; m > 1; m >>= 1) --shift_;
    for (Slot& slot : slots_) slot.key[0] = kNoTerm;
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.key[0] != kNoTerm) (*this)[slot.key] = slot.stat;
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
  unsigned shift_ = 64;
};

}  // namespace

std::unordered_map<std::string, NgramStat> CountNgrams(const Index& index, const Subcorpus& sub,
                                                       int n, bool drop_stopwords, size_t threads) {
  std::unordered_map<std::string, NgramStat> out;
  n = std::clamp(n, 1, 6);
  for (size_t seg = 0; seg < index.segments().size(); ++seg) {
    if (sub.docs[seg].empty()) continue;
    const Segment& segment = *index.segments()[seg].segment;
    const SegmentStreams streams = ReadStreams(segment, sub.docs[seg], threads);
    std::vector<bool> stop;
    if (drop_stopwords) {
      stop.resize(segment.term_count());
      for (uint32_t t = 0; t < segment.term_count(); ++t) stop[t] = IsStopword(segment.term(t));
    }
    // Split the turns among threads at briefing boundaries, so that each
    // briefing is counted by one thread.
    const size_t parts =
        std::min(ThreadCount(threads), std::max<size_t>(1, streams.docs.size() / 64));
    std::vector<size_t> cut = {0};
    for (size_t p = 1; p < parts; ++p) {
      size_t i = std::max(cut.back(), streams.docs.size() * p / parts);
      while (i > cut.back() && i < streams.docs.size() &&
             segment.turn_briefing(streams.docs[i]) == segment.turn_briefing(streams.docs[i - 1])) {
        ++i;
      }
      cut.push_back(i);
    }
    cut.push_back(streams.docs.size());
    std::vector<KeyTable> maps(cut.size() - 1);
    auto work = [&](size_t part) {
      auto& map = maps[part];
      for (size_t i = cut[part]; i < cut[part + 1]; ++i) {
        const uint32_t briefing = segment.turn_briefing(streams.docs[i]);
        std::span<const uint32_t> tokens = streams.Tokens(i);
        for (size_t p = 0; p + n <= tokens.size(); ++p) {
          Key key{};
          bool ok = true;
          for (int k = 0; k < n && ok; ++k) {
            key[k] = tokens[p + k];
            ok = key[k] != kNoTerm;
          }
          if (!ok) continue;
          if (drop_stopwords && (stop[key[0]] || stop[key[n - 1]])) continue;
          LocalStat& s = map[key];
          ++s.count;
          if (s.last_briefing != briefing) {
            s.last_briefing = briefing;
            ++s.briefings;
          }
        }
      }
    };
    std::vector<std::thread> pool;
    for (size_t part = 1; part < maps.size(); ++part) pool.emplace_back(work, part);
    work(0);
    for (std::thread& t : pool) t.join();
    for (KeyTable& map : maps) {
      map.ForEach([&](const Key& key, const LocalStat& s) {
        std::string text;
        for (int k = 0; k < n; ++k) {
          std::string_view term = segment.term(key[k]);
          // Characters join without a space; words with one.
          if (k > 0 && !(IsCharacterTerm(term) && IsCharacterTerm(segment.term(key[k - 1])))) {
            text += ' ';
          }
          text += DisplayTerm(term);
        }
        NgramStat& o = out[text];
        o.count += s.count;
        o.briefings += s.briefings;
      });
      map.Release();
    }
  }
  return out;
}

Result<NgramsResult> Ngrams(const Index& index, const NgramsOptions& options) {
  if (options.min_n < 1 || options.max_n > 6 || options.min_n > options.max_n) {
    return Status::InvalidArgument("n must be between 1 and 6");
  }
  Result<Subcorpus> sub = SelectTurns(index, options.filter);
  if (!sub.ok()) return sub.status();
  NgramsResult result;
  result.corpus_tokens = sub->tokens;
  std::set<std::pair<size_t, uint32_t>> briefings;
  for (size_t seg = 0; seg < sub->docs.size(); ++seg) {
    for (uint32_t doc : sub->docs[seg]) {
      briefings.insert({seg, index.segments()[seg].segment->turn_briefing(doc)});
    }
  }
  result.corpus_briefings = briefings.size();
  for (int n = options.min_n; n <= options.max_n; ++n) {
    for (auto& [text, s] : CountNgrams(index, *sub, n, options.drop_stopwords, options.threads)) {
      const uint64_t key = options.by_briefing ? s.briefings : s.count;
      if (key < options.min_freq) continue;
      result.ngrams.push_back(Ngram{text, n, s.count, s.briefings});
    }
  }
  std::sort(result.ngrams.begin(), result.ngrams.end(), [&](const Ngram& a, const Ngram& b) {
    const uint64_t ka = options.by_briefing ? a.briefings : a.count;
    const uint64_t kb = options.by_briefing ? b.briefings : b.count;
    if (ka != kb) return ka > kb;
    return a.text < b.text;
  });
  if (options.limit > 0 && result.ngrams.size() > options.limit)
    result.ngrams.resize(options.limit);
  return result;
}

}  // namespace lectern
