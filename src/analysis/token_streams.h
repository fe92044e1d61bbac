// Token streams: the index terms of chosen turns, position by position,
// rebuilt from the index (no stored text is analysed).
//
// This is what collocates, keyness over n-grams, n-gram counts and talking
// points walk. Where the chosen turns' stored words are their positions
// (Segment::turn_words_are_positions: every turn written by this version),
// each turn's terms are read in order from its stored tokens, whose
// vocabulary names their terms (StoreReader::ReadTerms): sequential reads
// and writes. Otherwise the segment's postings are inverted: each thread
// takes a range of the term dictionary and writes each term's ordinal at
// its positions (disjoint, so threads never write the same slot), a
// scattered write per position. Either way on all cores. Chinese text is
// indexed as characters, so its streams are characters.
//
// Memory: 4 bytes per position of the chosen turns.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/segment.h"

namespace lectern {

// A position where no term is stored.
inline constexpr uint32_t kNoTerm = UINT32_MAX;

struct SegmentStreams {
  std::vector<uint32_t> docs;    // ascending
  std::vector<uint64_t> begin;   // docs.size() + 1 offsets into tokens
  std::vector<uint32_t> tokens;  // term ordinals of the segment, kNoTerm for gaps

  std::span<const uint32_t> Tokens(size_t i) const {
    return {tokens.data() + begin[i], static_cast<size_t>(begin[i + 1] - begin[i])};
  }
};

// Where streams are read from: the store where it can be, or (for tests
// and benchmarks of the other way) always the postings.
enum class StreamSource { kStoreOrPostings, kPostings };

// The streams of `docs` (ascending, each < segment.turn_count()).
// `threads` 0: every core.
SegmentStreams ReadStreams(const Segment& segment, std::vector<uint32_t> docs, size_t threads = 0,
                           StreamSource source = StreamSource::kStoreOrPostings);

// The streams of `docs` (ascending) written into an array the caller owns
// (TokenCorpus writes every segment straight into its one token array, in
// 16 or 32 bits): position p of docs[i] goes to out[begin[i] + p] as
// ids[ordinal]. Positions with no stored term are left as they are (the
// caller fills the array first). ids.size() must exceed the segment's term
// count; begin.size() is docs.size() + 1.
template <typename Id>
void WriteStreams(const Segment& segment, std::span<const uint32_t> docs,
                  std::span<const uint64_t> begin, std::span<const Id> ids, Id* out,
                  size_t threads);

// A term as a reader writes it: character terms lose their marker byte.
std::string_view DisplayTerm(std::string_view term);

// Threads to use for `threads` (0: every core).
size_t ThreadCount(size_t threads);

}  // namespace lectern
