#include "analysis/frequent_shingles.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <type_traits>

#include "analysis/parallel_parts.h"
#include "analysis/passage_tokens.h"

namespace lectern {
namespace {

constexpr uint64_t kBase = kShingleBase;
// Pass 2 counts the candidates in at least this many classes, a round of
// `threads` classes per walk over the corpus. More classes make the tables
// smaller (4 on one thread: 9 MB less at the peak on the shared corpus) but
// cost a fingerprinting walk each (0.3 s more there): one round.
constexpr size_t kMinClasses = 1;

// Windows ahead whose sketch line is prefetched, and (pass 2) candidates
// ahead whose count table slot is.
constexpr size_t kPrefetch = 8;
constexpr size_t kTablePrefetch = 4;

// Which of n shares a fingerprint falls in, from its high bits (a multiply
// and a shift: a division per window was a noticeable part of a pass).
size_t Share(uint64_t fp, size_t n) { return static_cast<size_t>(((fp >> 32) * n) >> 32); }

// A set of fingerprints for one briefing at a time: open addressing with a
// generation stamp per slot, so starting the next briefing costs nothing
// (sorting each briefing's shingles to drop repeats cost more than the
// sketch updates themselves).
class BriefingSet {
 public:
  // Empties the set, making room for `n` fingerprints.
  void Reset(size_t n) {
    size_t size = 1024;
    while (size < n * 2) size <<= 1;
    if (size > keys_.size()) {
      keys_.assign(size, 0);
      stamps_.assign(size, 0);
      generation_ = 0;
    }
    if (++generation_ == 0) {  // wrapped: clear the stamps once
      std::fill(stamps_.begin(), stamps_.end(), 0);
      generation_ = 1;
    }
  }
  // Asks for the slots of `fp` ahead of its Insert (a briefing's set is
  // larger than the first-level cache).
  void Prefetch(uint64_t fp) const {
    const size_t i = fp & (keys_.size() - 1);
    __builtin_prefetch(&stamps_[i]);
    __builtin_prefetch(&keys_[i]);
  }
  // True when `fp` was not in the set yet.
  bool Insert(uint64_t fp) {
    const size_t mask = keys_.size() - 1;
    for (size_t i = fp & mask;; i = (i + 1) & mask) {
      if (stamps_[i] != generation_) {
        stamps_[i] = generation_;
        keys_[i] = fp;
        return true;
      }
      if (keys_[i] == fp) return false;
    }
  }

 private:
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> stamps_;
  uint32_t generation_ = 0;
};

// A count-min sketch of saturating counters of kBits bits (2 for a cap of
// 3, the default minimum of briefings; 4 up to 15; 8 above), two per
// fingerprint, both in one 64-byte line: one cache miss per update or
// query instead of two. Blocking raises the false-positive rate a little;
// the exact pass removes false positives anyway, and the sketch never
// under-counts. Narrower counters make a smaller sketch of as many cells:
// fewer cache misses, and less memory at the analysis's peak.
template <unsigned kBits>
class Sketch {
 public:
  static_assert(kBits == 2 || kBits == 4 || kBits == 8);
  static constexpr unsigned kMaxCap = (1u << kBits) - 1;
  Sketch(size_t cells, unsigned cap) : cap_(cap) {
    bytes_ = cells * kBits / 8;
    while ((size_t{64} << line_bits_) < bytes_) ++line_bits_;
    line_mask_ = bytes_ / 64 - 1;
    data_.reset(new std::atomic<uint8_t>[bytes_]);
    for (size_t i = 0; i < bytes_; ++i) data_[i].store(0, std::memory_order_relaxed);
  }
  // Counts one more briefing for the fingerprint: kBelowCap, kAtCap (its
  // counters were there before), or kReached (this bump took them there).
  enum Outcome { kBelowCap, kAtCap, kReached };
  Outcome Bump(uint64_t fp) {
    const auto [a, b] = Cells(fp);
    auto at_cap = [&] { return Get(a) >= cap_ && Get(b) >= cap_; };
    if (at_cap()) return kAtCap;  // saturated: bumping changes nothing
    Bump1(a);
    Bump1(b);
    return at_cap() ? kReached : kBelowCap;
  }
  // Asks the processor for a fingerprint's line ahead of its use: the
  // passes are a cache miss per window otherwise.
  void Prefetch(uint64_t fp) const { __builtin_prefetch(&data_[Line(fp) * 64]); }
  // The line a fingerprint's counters are in. Bump() for fingerprints of
  // one line must come from one thread: of `threads`, the Owner.
  size_t Line(uint64_t fp) const { return fp & line_mask_; }
  size_t Owner(uint64_t fp, size_t threads) const { return (Line(fp) * threads) >> line_bits_; }

 private:
  static constexpr unsigned kPerByte = 8 / kBits;
  // Cell numbers (in counters) of a fingerprint: a line from the low bits,
  // two counters in it from the high bits.
  std::pair<size_t, size_t> Cells(uint64_t fp) const {
    constexpr size_t per_line = 64 * kPerByte;
    const size_t line = Line(fp) * per_line;
    const size_t a = (fp >> 40) & (per_line - 1);
    size_t b = (fp >> 50) & (per_line - 1);
    if (b == a) b ^= 1;
    return {line + a, line + b};
  }
  unsigned Get(size_t cell) const {
    const uint8_t byte = data_[cell / kPerByte].load(std::memory_order_relaxed);
    return (byte >> ((cell % kPerByte) * kBits)) & kMaxCap;
  }
  // Only the line's owner writes it (Line), so a plain read and write
  // suffice: an atomic read-modify-write costs more than the cache miss.
  void Bump1(size_t cell) {
    std::atomic<uint8_t>& slot = data_[cell / kPerByte];
    const unsigned shift = (cell % kPerByte) * kBits;
    const uint8_t byte = slot.load(std::memory_order_relaxed);
    if (((byte >> shift) & kMaxCap) < cap_) {
      slot.store(static_cast<uint8_t>(byte + (1u << shift)), std::memory_order_relaxed);
    }
  }

  unsigned cap_;
  size_t bytes_;
  unsigned line_bits_ = 0;  // lines = 2^line_bits_
  size_t line_mask_ = 0;    // lines - 1
  std::unique_ptr<std::atomic<uint8_t>[]> data_;
};

// The fingerprints whose sketch counters were at the cap after one of
// their own bumps: a blocked Bloom filter, two bits in one 64-bit word per
// fingerprint. Every frequent fingerprint is in it (its last bump leaves
// it at the cap), so pass 2 asks it instead of the sketch: a filter of a
// bit per corpus token is an eighth of the sketch (about the second-level
// cache at 1x), and the sketch is freed before pass 2's tables are made.
class CandidateFilter {
 public:
  explicit CandidateFilter(size_t bits) {
    size_t words = 1 << 10;
    while (words * 64 < bits && words < (size_t{1} << 21)) words <<= 1;
    mask_ = words - 1;
    words_.reset(new std::atomic<uint64_t>[words]);
    for (size_t i = 0; i < words; ++i) words_[i].store(0, std::memory_order_relaxed);
  }
  // With `shared`, other threads add at the same time.
  void Add(uint64_t fp, bool shared) {
    std::atomic<uint64_t>& word = words_[Word(fp)];
    if (shared) {
      word.fetch_or(Bits(fp), std::memory_order_relaxed);
    } else {
      word.store(word.load(std::memory_order_relaxed) | Bits(fp), std::memory_order_relaxed);
    }
  }
  bool MayContain(uint64_t fp) const {
    const uint64_t bits = Bits(fp);
    return (words_[Word(fp)].load(std::memory_order_relaxed) & bits) == bits;
  }
  void Prefetch(uint64_t fp) const { __builtin_prefetch(&words_[Word(fp)]); }

 private:
  // The sketch takes a fingerprint's line from its low bits and its cells
  // from bits 40 to 59: the filter uses others.
  size_t Word(uint64_t fp) const { return (fp >> 16) & mask_; }
  static uint64_t Bits(uint64_t fp) {
    return (uint64_t{1} << ((fp >> 4) & 63)) | (uint64_t{1} << ((fp >> 10) & 63));
  }

  std::unique_ptr<std::atomic<uint64_t>[]> words_;
  size_t mask_ = 0;
};

// Exact briefing counts of fingerprints: open addressing, with the last
// briefing counted per entry, for briefings counted in increasing order.
// Any number of slots (a fingerprint's home slot is its low 32 bits scaled
// to the table, a multiply and a shift), so that a table sized from an
// estimate holds it at about 70% full, not anywhere from 35% to 70% as
// powers of two would: at the peak of the analysis, this table is a third
// of its memory.
class CountTable {
 public:
  // Makes room for about `n` fingerprints; more still fit (the table grows).
  void Reserve(size_t n) {
    if (n * 10 > slots_ * 7) Resize(std::max<size_t>(1 << 12, n * 10 / 7 + 1));
  }
  void Count(uint64_t fp, uint32_t briefing) {
    if ((size_ + 1) * 10 > slots_ * 7) Resize(std::max<size_t>(1 << 12, slots_ * 2));
    for (size_t i = Home(fp);; i = i + 1 == slots_ ? 0 : i + 1) {
      if (keys_[i] == fp) {
        if (entries_[i].last != briefing) ++entries_[i].count, entries_[i].last = briefing;
        return;
      }
      if (keys_[i] == 0) {
        keys_[i] = fp;
        entries_[i] = {1, briefing};
        ++size_;
        return;
      }
    }
  }
  void Prefetch(uint64_t fp) const {
    if (slots_ == 0) return;
    const size_t i = Home(fp);
    __builtin_prefetch(&keys_[i]);
    __builtin_prefetch(&entries_[i]);
  }
  template <typename F>
  void ForEach(F f) const {
    for (size_t i = 0; i < slots_; ++i) {
      if (keys_[i] != 0) f(keys_[i], entries_[i].count);
    }
  }

 private:
  struct Entry {
    uint32_t count, last;
  };
  size_t Home(uint64_t fp) const { return ((fp & 0xFFFFFFFF) * slots_) >> 32; }
  void Resize(size_t slots) {
    std::unique_ptr<uint64_t[]> keys = std::move(keys_);
    std::unique_ptr<Entry[]> entries = std::move(entries_);
    const size_t old_slots = slots_;
    slots_ = std::min<size_t>(slots, uint32_t{0xFFFFFFFF});
    keys_.reset(new uint64_t[slots_]());
    entries_.reset(new Entry[slots_]);
    for (size_t j = 0; j < old_slots; ++j) {
      if (keys[j] == 0) continue;
      size_t i = Home(keys[j]);
      while (keys_[i] != 0) i = i + 1 == slots_ ? 0 : i + 1;
      keys_[i] = keys[j];
      entries_[i] = entries[j];
    }
  }

  std::unique_ptr<uint64_t[]> keys_;  // 0: empty (fingerprints are never 0)
  std::unique_ptr<Entry[]> entries_;
  size_t slots_ = 0, size_ = 0;
};

// kBase^(k-1): what the window's first token is multiplied by.
uint64_t TopPower(size_t k) {
  uint64_t top = 1;
  for (size_t i = 1; i < k; ++i) top *= kBase;
  return top;
}

// Writes the fingerprints of the k-token windows of `tokens` to fps[0..]
// and returns how many there are (0 when shorter than k).
template <typename Id>
size_t FingerprintsInto(std::span<const Id> tokens, const uint64_t* term_hashes, size_t k,
                        uint64_t* fps) {
  if (k == 0 || tokens.size() < k) return 0;
  const uint64_t top = TopPower(k);
  uint64_t h = 0;
  for (size_t i = 0; i < k; ++i) h = h * kBase + term_hashes[tokens[i]];
  const size_t windows = tokens.size() - k + 1;
  for (size_t i = 0;; ++i) {
    const uint64_t fp = Mix64(h ^ k);
    fps[i] = fp == 0 ? 1 : fp;
    if (i + 1 == windows) break;
    h = (h - term_hashes[tokens[i]] * top) * kBase + term_hashes[tokens[i + k]];
  }
  return windows;
}

template <typename Id>
void Fingerprints(std::span<const Id> tokens, const std::vector<uint64_t>& term_hashes, size_t k,
                  std::vector<uint64_t>* out) {
  out->clear();
  if (k == 0 || tokens.size() < k) return;
  out->resize(tokens.size() - k + 1);
  FingerprintsInto(tokens, term_hashes.data(), k, out->data());
}

// A turn's fingerprints for the passes over every window: a buffer that
// grows without being cleared (a vector's resize wrote zeros over every
// window first), with kPrefetch slots after the last window, so that the
// passes ask for a line ahead without a bounds test.
class FingerprintBuffer {
 public:
  // The fingerprints of corpus turn `turn`; size() tells how many.
  const uint64_t* Turn(const TokenCorpus& corpus, size_t turn, size_t k) {
    const size_t need = corpus.turns[turn].length + kPrefetch + 1;
    if (need > capacity_) {
      capacity_ = std::max(need, capacity_ * 2);
      data_.reset(new uint64_t[capacity_]);
    }
    corpus.VisitTurnTokens(turn, [&](auto tokens) {
      size_ = FingerprintsInto(tokens, corpus.term_hashes.data(), k, data_.get());
    });
    std::fill(data_.get() + size_, data_.get() + size_ + kPrefetch, 0);
    return data_.get();
  }
  size_t size() const { return size_; }

 private:
  std::unique_ptr<uint64_t[]> data_;
  size_t capacity_ = 0, size_ = 0;
};

}  // namespace

void ShingleFingerprints(std::span<const uint32_t> tokens, const std::vector<uint64_t>& term_hashes,
                         size_t k, std::vector<uint64_t>* out) {
  Fingerprints(tokens, term_hashes, k, out);
}

void ShingleFingerprints(std::span<const uint16_t> tokens, const std::vector<uint64_t>& term_hashes,
                         size_t k, std::vector<uint64_t>* out) {
  Fingerprints(tokens, term_hashes, k, out);
}

void TurnFingerprints(const TokenCorpus& corpus, size_t turn, size_t k,
                      std::vector<uint64_t>* out) {
  corpus.VisitTurnTokens(turn,
                         [&](auto tokens) { Fingerprints(tokens, corpus.term_hashes, k, out); });
}

FrequentShingles::FrequentShingles(const TokenCorpus& corpus, const ShingleLengths& lengths,
                                   size_t min_briefings, size_t threads)
    : min_briefings_(std::max<size_t>(1, min_briefings)) {
  threads = std::max<size_t>(1, threads);
  const size_t briefings = corpus.briefings.size();
  std::vector<size_t> first_turn(briefings + 1, corpus.turns.size());
  for (size_t t = corpus.turns.size(); t-- > 0;) first_turn[corpus.turns[t].briefing] = t;
  for (size_t b = briefings; b-- > 0;) first_turn[b] = std::min(first_turn[b], first_turn[b + 1]);

  // Pass 1: the sketch, one count per briefing a shingle occurs in. Two
  // cells per corpus token (four of 2-bit counters, which saturate sooner;
  // at most 2^26: a larger corpus repeats more of its shingles) keep false
  // positives to about two thirds of the candidates; fewer cells cost more
  // in candidates than they save.
  const unsigned cap = static_cast<unsigned>(std::min<size_t>(min_briefings_, 255));
  const bool narrow = cap <= Sketch<2>::kMaxCap;
  const size_t cells_per_token = narrow ? 4 : 2, max_cells = size_t{1} << (narrow ? 26 : 25);
  size_t cells = 1 << 16;
  while (cells < corpus.token_count() * cells_per_token && cells < max_cells) cells <<= 1;
  // Pass 1, for a sketch of 2-, 4- or 8-bit counters (by the cap): the
  // candidates into `filter`.
  CandidateFilter filter(corpus.token_count());
  std::vector<size_t> reached(threads, 0);
  auto pass1 = [&](auto& sketch) {
    // Each thread walks every briefing and counts the fingerprints of the
    // sketch lines it owns (fingerprinting twice costs less than atomic
    // updates).
    // Fingerprints whose bump took them to the cap: on the shared corpus
    // about half of the candidates (the others reach the cap through their
    // cells' other fingerprints), so 2.5 times this sizes the tables of
    // pass 2 with some room (too small, they grow; too large wastes memory
    // only).
    ForEachPart(threads, threads, threads, [&](size_t, size_t, size_t part) {
      BriefingSet seen;
      FingerprintBuffer buffer;
      for (size_t b = 0; b < briefings; ++b) {
        const size_t k = lengths.For(corpus.briefings[b]);
        size_t tokens = 0;
        for (size_t t = first_turn[b]; t < first_turn[b + 1]; ++t) tokens += corpus.turns[t].length;
        seen.Reset(tokens / threads);
        for (size_t t = first_turn[b]; t < first_turn[b + 1]; ++t) {
          const uint64_t* fps = buffer.Turn(corpus, t, k);
          const size_t n = buffer.size();
          for (size_t p = 0; p < n; ++p) {
            sketch.Prefetch(fps[p + kPrefetch]);  // the buffer's padding past the end
            seen.Prefetch(fps[p + kPrefetch]);
            const uint64_t fp = fps[p];
            if ((threads == 1 || sketch.Owner(fp, threads) == part) && seen.Insert(fp)) {
              const auto outcome = sketch.Bump(fp);
              if (outcome != std::decay_t<decltype(sketch)>::kBelowCap) {
                filter.Add(fp, threads > 1);
                if (outcome == std::decay_t<decltype(sketch)>::kReached) ++reached[part];
              }
            }
          }
        }
      }
    });
  };
  // The sketch is freed before pass 2.
  if (cap > Sketch<4>::kMaxCap) {
    Sketch<8> sketch(cells, cap);
    pass1(sketch);
  } else if (cap > Sketch<2>::kMaxCap) {
    Sketch<4> sketch(cells, cap);
    pass1(sketch);
  } else {
    Sketch<2> sketch(cells, cap);
    pass1(sketch);
  }

  // Pass 2: the candidates' exact counts, a class of fingerprints
  // (Share(fp, classes)) at a time: each thread owns a class and walks
  // every briefing in order, so a table entry's last briefing tells whether
  // this briefing was counted (no per-briefing set, no sort). Classes are
  // counted in rounds of `threads` (kMinClasses), and after each round only
  // the frequent ones are kept. The windows that may be frequent are marked
  // on the way.
  std::vector<std::pair<uint64_t, uint32_t>> frequent;
  candidate_windows_.reset(new std::atomic<uint64_t>[corpus.token_count() / 64 + 1]);
  for (size_t i = 0; i <= corpus.token_count() / 64; ++i)
    candidate_windows_[i].store(0, std::memory_order_relaxed);
  const size_t rounds = (std::max<size_t>(kMinClasses, threads) + threads - 1) / threads;
  const size_t classes = rounds * threads;
  for (size_t round = 0; round < rounds; ++round) {
    std::vector<CountTable> tables(threads);
    size_t expected = 0;
    for (size_t n : reached) expected += n;
    ForEachPart(threads, threads, threads, [&](size_t, size_t, size_t part) {
      const size_t owned = round * threads + part;
      CountTable& table = tables[part];
      table.Reserve(expected * 5 / 2 / classes);
      FingerprintBuffer buffer;
      std::vector<uint32_t> candidates;  // window offsets in the turn
      for (size_t b = 0; b < briefings; ++b) {
        const size_t k = lengths.For(corpus.briefings[b]);
        for (size_t t = first_turn[b]; t < first_turn[b + 1]; ++t) {
          const uint64_t* fps = buffer.Turn(corpus, t, k);
          const size_t n = buffer.size();
          const uint64_t base = corpus.turns[t].begin;
          // The turn's candidates first (a filter word per window, asked for
          // ahead), then their counts: a table slot is a cache miss too, so
          // it is asked for a few candidates ahead.
          candidates.clear();
          for (size_t p = 0; p < n; ++p) {
            filter.Prefetch(fps[p + kPrefetch]);
            const uint64_t fp = fps[p];
            if ((classes == 1 || Share(fp, classes) == owned) && filter.MayContain(fp))
              candidates.push_back(static_cast<uint32_t>(p));
          }
          for (size_t c = 0; c < candidates.size(); ++c) {
            if (c + kTablePrefetch < candidates.size())
              table.Prefetch(fps[candidates[c + kTablePrefetch]]);
            const uint32_t p = candidates[c];
            const uint64_t window = base + p;
            std::atomic<uint64_t>& word = candidate_windows_[window / 64];
            const uint64_t bit = uint64_t{1} << (window % 64);
            if (threads == 1) {  // no other writer: no locked instruction
              word.store(word.load(std::memory_order_relaxed) | bit, std::memory_order_relaxed);
            } else {
              word.fetch_or(bit, std::memory_order_relaxed);
            }
            table.Count(fps[p], static_cast<uint32_t>(b));
          }
        }
      }
    });
    for (CountTable& table : tables) {
      table.ForEach([&](uint64_t fp, uint32_t n) {
        if (n >= min_briefings_) frequent.push_back({fp, n});
      });
      table = CountTable();
    }
  }
  // Only the frequent ones are kept: a small table, cheap to probe for
  // every window.
  size_t slots = 1 << 10;
  while (slots < frequent.size() * 2) slots <<= 1;
  keys_.assign(slots, 0);
  counts_.assign(slots, 0);
  for (const auto& [fp, n] : frequent) {
    size_t i = fp & (slots - 1);
    while (keys_[i] != 0) i = (i + 1) & (slots - 1);
    keys_[i] = fp;
    counts_[i] = n;
  }
  size_ = frequent.size();
}

bool FrequentShingles::AnyMayBeFrequent(uint64_t from, uint64_t to) const {
  if (from >= to) return false;
  const uint64_t first = from / 64, last = (to - 1) / 64;
  for (uint64_t w = first; w <= last; ++w) {
    uint64_t bits = candidate_windows_[w].load(std::memory_order_relaxed);
    if (w == first) bits &= ~uint64_t{0} << (from % 64);
    if (w == last && to % 64 != 0) bits &= ~(~uint64_t{0} << (to % 64));
    if (bits != 0) return true;
  }
  return false;
}

uint32_t FrequentShingles::Briefings(uint64_t fp) const {
  const size_t mask = keys_.size() - 1;
  for (size_t i = fp & mask;; i = (i + 1) & mask) {
    if (keys_[i] == fp) return counts_[i];
    if (keys_[i] == 0) return 0;
  }
}

}  // namespace lectern
