#include "analysis/token_streams.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "index/store_reader.h"
#include "text/analyzer.h"

namespace lectern {

size_t ThreadCount(size_t threads) {
  return threads ? threads : std::max(1u, std::thread::hardware_concurrency());
}

std::string_view DisplayTerm(std::string_view term) {
  return IsCharacterTerm(term) ? term.substr(1) : term;
}

namespace {

// Inverts the postings of the chosen documents: write(i, p, ordinal) for
// position p of docs[i] (ascending), on up to `threads` threads, each
// taking a range of the term dictionary (positions are disjoint, so no two
// threads write one slot).
template <typename Write>
void InvertPostings(const Segment& segment, std::span<const uint32_t> docs,
                    std::span<const uint64_t> begin, size_t threads, const Write& write) {
  if (docs.empty()) return;
  // Slot of each document among the chosen ones (-1: not chosen).
  std::vector<int32_t> slot(segment.turn_count(), -1);
  for (size_t i = 0; i < docs.size(); ++i) slot[docs[i]] = static_cast<int32_t>(i);
  const uint32_t terms = segment.term_count();
  const std::vector<TermInfo> infos = segment.PrefixRange("", terms);
  threads = std::min<size_t>(ThreadCount(threads), std::max<size_t>(1, infos.size() / 1024));
  auto work = [&](size_t part) {
    const size_t from = infos.size() * part / threads, to = infos.size() * (part + 1) / threads;
    for (size_t t = from; t < to; ++t) {
      PostingIterator it = segment.Postings(infos[t]);
      while (it.Next()) {
        const int32_t i = slot[it.doc()];
        if (i < 0) continue;
        const uint64_t base = begin[i], length = begin[i + 1] - base;
        const uint32_t ordinal = infos[t].ordinal;
        it.ForEachPosition([&](uint32_t p) {
          if (p < length) write(base + p, ordinal);
        });
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t part = 1; part < threads; ++part) pool.emplace_back(work, part);
  work(0);
  for (std::thread& t : pool) t.join();
}

// The same from the store, for docs whose stored words are their
// positions (Segment::turn_words_are_positions): each turn's terms in
// order, read sequentially from its stored tokens instead of written term
// by term all over the array. False if a doc is not such a turn or its
// stored words disagree with its length (some positions may have been
// written: the caller inverts the postings instead).
template <typename Write>
bool ReadStoredTerms(const Segment& segment, std::span<const uint32_t> docs,
                     std::span<const uint64_t> begin, size_t threads, const Write& write) {
  for (uint32_t doc : docs) {
    if (!segment.turn_words_are_positions(doc)) return false;
  }
  threads = std::min<size_t>(ThreadCount(threads), std::max<size_t>(1, docs.size() / 4096));
  std::atomic<bool> ok{true};
  auto work = [&](size_t part) {
    // The store's pages are read once: given back as the reader goes.
    StoreReader reader(segment, /*release_pages=*/true);
    const size_t from = docs.size() * part / threads, to = docs.size() * (part + 1) / threads;
    const uint32_t term_count = segment.term_count();
    for (size_t i = from; i < to && ok.load(std::memory_order_relaxed); ++i) {
      std::span<const uint32_t> terms;
      if (!reader.ReadTerms(docs[i], &terms).ok() || terms.size() != begin[i + 1] - begin[i]) {
        ok = false;
        return;
      }
      for (size_t p = 0; p < terms.size(); ++p) {
        if (terms[p] >= term_count) {
          ok = false;
          return;
        }
        write(begin[i] + p, terms[p]);
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t part = 1; part < threads; ++part) pool.emplace_back(work, part);
  work(0);
  for (std::thread& t : pool) t.join();
  segment.ReleaseStorePages();
  return ok;
}

// The streams of `docs` into `write`: from the store where it can, else
// from the postings.
template <typename Write>
void ReadTerms(const Segment& segment, std::span<const uint32_t> docs,
               std::span<const uint64_t> begin, size_t threads, const Write& write) {
  if (!ReadStoredTerms(segment, docs, begin, threads, write)) {
    InvertPostings(segment, docs, begin, threads, write);
  }
}

}  // namespace

SegmentStreams ReadStreams(const Segment& segment, std::vector<uint32_t> docs, size_t threads,
                           StreamSource source) {
  SegmentStreams out;
  out.docs = std::move(docs);
  out.begin.reserve(out.docs.size() + 1);
  uint64_t total = 0;
  for (size_t i = 0; i < out.docs.size(); ++i) {
    out.begin.push_back(total);
    total += segment.turn_length(out.docs[i]);
  }
  out.begin.push_back(total);
  out.tokens.assign(total, kNoTerm);
  auto write = [&](uint64_t at, uint32_t ordinal) { out.tokens[at] = ordinal; };
  if (source == StreamSource::kPostings) {
    InvertPostings(segment, out.docs, out.begin, threads, write);
  } else {
    ReadTerms(segment, out.docs, out.begin, threads, write);
  }
  return out;
}

template <typename Id>
void WriteStreams(const Segment& segment, std::span<const uint32_t> docs,
                  std::span<const uint64_t> begin, std::span<const Id> ids, Id* out,
                  size_t threads) {
  ReadTerms(segment, docs, begin, threads,
            [&](uint64_t at, uint32_t ordinal) { out[at] = ids[ordinal]; });
}

template void WriteStreams<uint16_t>(const Segment&, std::span<const uint32_t>,
                                     std::span<const uint64_t>, std::span<const uint16_t>,
                                     uint16_t*, size_t);
template void WriteStreams<uint32_t>(const Segment&, std::span<const uint32_t>,
                                     std::span<const uint64_t>, std::span<const uint32_t>,
                                     uint32_t*, size_t);

}  // namespace lectern
