// TokenCorpus: the selected turns of an index as passage tokens
// (passage_tokens.h), held compactly in memory for the corpus analyses
// (talking points, trace).
//
// The tokens are read from the positional postings (token_streams.h), never
// from the stored text: one pass over each segment's postings. Briefings
// and turns are ordered by (date, id), undated ones last, whatever order
// they were ingested in; a turn's tokens are found through its `begin`
// (the token array is in segment order). Token ids are arbitrary: what is
// computed from a TokenCorpus depends only on the terms (their hashes), so
// it is the same for the same live briefings. Transcribers' notes are left
// out (they are not speech). Each token costs 2 bytes when the vocabulary
// (every distinct term of the segments read) has at most 65,536 terms, as
// it has for the shared corpus (the token array is the analyses' largest
// allocation), else 4 bytes; the vocabulary keeps each distinct term once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/index.h"
#include "model/briefing.h"

namespace lectern {

struct CorpusBriefing {
  std::string id;
  std::optional<std::string> date;  // YYYY-MM-DD
  std::string language;
  bool cjk = false;  // zh/ja/ko: passages are counted in characters
  size_t segment = 0;
  uint32_t ordinal = 0;  // in its segment, for Segment::LoadBriefing
};

inline constexpr uint32_t kNoSpeaker = UINT32_MAX;

struct CorpusTurn {
  uint32_t briefing = 0;  // index into TokenCorpus::briefings
  uint32_t turn = 0;      // index into the stored Briefing's turns
  Role role = Role::kStatement;
  uint32_t speaker = kNoSpeaker;  // index into TokenCorpus::speakers
  uint64_t begin = 0;             // first token in TokenCorpus::tokens
  uint32_t length = 0;            // tokens
};

// Ids a narrow (16-bit) token array can hold.
inline constexpr size_t kNarrowTerms = size_t{1} << 16;

struct TokenCorpus {
  std::vector<CorpusBriefing> briefings;
  std::vector<CorpusTurn> turns;  // by briefing, then turn index
  // Token ids: narrow_tokens when `narrow`, else wide_tokens; the other
  // one is empty.
  bool narrow = false;
  std::vector<uint16_t> narrow_tokens;
  std::vector<uint32_t> wide_tokens;
  std::vector<uint64_t> term_hashes;  // by token id (TermHash)
  std::vector<std::string> terms;     // by token id
  std::vector<std::string> speakers;

  uint64_t token_count() const { return narrow ? narrow_tokens.size() : wide_tokens.size(); }

  // Calls f(tokens) with the turn's tokens as they are stored, a
  // std::span<const uint16_t> or std::span<const uint32_t>: for the passes
  // over every token, which read them without copying.
  template <typename F>
  void VisitTurnTokens(size_t turn, F&& f) const {
    const CorpusTurn& ct = turns[turn];
    if (narrow) {
      f(std::span<const uint16_t>(narrow_tokens.data() + ct.begin, ct.length));
    } else {
      f(std::span<const uint32_t>(wide_tokens.data() + ct.begin, ct.length));
    }
  }

  // The turn's tokens [from, to) (to clamped to its length) as 32-bit ids:
  // the array itself when wide, else widened into *buffer. The span lives
  // until *buffer is next changed.
  std::span<const uint32_t> TurnTokens(size_t turn, std::vector<uint32_t>* buffer, size_t from = 0,
                                       size_t to = SIZE_MAX) const;
};

// Makes a wide corpus narrow when its vocabulary fits (tests build corpora
// by hand, wide); returns whether the corpus is narrow.
bool NarrowTokens(TokenCorpus* corpus);

struct TokenCorpusOptions {
  // A query in the search language (query/parser.h); only the turns it
  // matches are read. Empty: every live turn.
  std::string filter;
  size_t threads = 0;  // 0: every core
  // Called on the calling thread after each segment, (briefings done, total).
  std::function<void(size_t, size_t)> progress;
  // 32-bit token ids whatever the vocabulary (for tests: both widths must
  // give the same results).
  bool wide_tokens = false;
};

// Errors: kInvalidArgument for a malformed filter ("col N: ...").
Result<TokenCorpus> LoadTokenCorpus(const std::shared_ptr<const Index>& index,
                                    const TokenCorpusOptions& options);

// LoadTokenCorpus as the passage analyses (talking points, trace) call it:
// `threads` 0 is every core, and progress, when given, is reported as
// ("reading briefings", briefings done, total).
Result<TokenCorpus> LoadTokenCorpusForAnalysis(
    const std::shared_ptr<const Index>& index, const std::string& filter, size_t threads,
    const std::function<void(std::string_view, size_t, size_t)>& progress,
    bool wide_tokens = false);

}  // namespace lectern
