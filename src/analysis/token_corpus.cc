#include "analysis/token_corpus.h"

#include <algorithm>
#include <thread>
#include <unordered_map>

#include "analysis/passage_tokens.h"
#include "analysis/token_streams.h"
#include "base/dates.h"
#include "query/searcher.h"

namespace lectern {
namespace {

bool IsCjkLanguage(std::string_view language) {
  return language == "zh" || language == "ja" || language == "ko";
}

// The term a gap in the positions (a position with no stored term) stands
// for: it matches nothing else, so no passage spans a gap unnoticed.
constexpr std::string_view kGapTerm = "\x01gap";

}  // namespace

Result<TokenCorpus> LoadTokenCorpus(const std::shared_ptr<const Index>& index,
                                    const TokenCorpusOptions& options) {
  // The turns the filter selects, by briefing id.
  std::optional<std::unordered_map<std::string, std::vector<uint32_t>>> selected;
  if (!options.filter.empty()) {
    Searcher searcher(index);
    Result<std::vector<TurnRef>> refs = searcher.MatchAll(options.filter);
    if (!refs.ok()) return refs.status();
    selected.emplace();
    for (const TurnRef& ref : *refs) (*selected)[ref.briefing_id].push_back(ref.turn);
    for (auto& [id, turns] : *selected) std::sort(turns.begin(), turns.end());
  }

  TokenCorpus corpus;
  struct Key {
    int32_t day;
    std::string_view id;
  };
  std::vector<std::pair<Key, CorpusBriefing>> order;
  for (size_t s = 0; s < index->segments().size(); ++s) {
    const SegmentView& view = index->segments()[s];
    const Segment& segment = *view.segment;
    for (uint32_t b = 0; b < segment.briefing_count(); ++b) {
      if (view.deleted_briefings[b]) continue;
      const BriefingMeta& meta = segment.briefing(b);
      if (selected && !selected->count(std::string(meta.id))) continue;
      CorpusBriefing cb;
      cb.id = std::string(meta.id);
      cb.segment = s;
      cb.ordinal = b;
      if (meta.date) cb.date = IsoDateFromDays(*meta.date);
      cb.language = std::string(segment.string(meta.language));
      cb.cjk = IsCjkLanguage(cb.language);
      order.push_back({Key{meta.date.value_or(INT32_MAX), meta.id}, std::move(cb)});
    }
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first.day != b.first.day ? a.first.day < b.first.day : a.first.id < b.first.id;
  });
  for (auto& [key, cb] : order) corpus.briefings.push_back(std::move(cb));
  order.clear();
  const size_t total = corpus.briefings.size();

  // The chosen turns of each segment, and where each one's tokens go in the
  // one token array (segment after segment, each in document order).
  std::unordered_map<std::string, uint32_t> speaker_ids;
  std::vector<std::vector<uint32_t>> briefings_of(index->segments().size());
  for (uint32_t i = 0; i < total; ++i) briefings_of[corpus.briefings[i].segment].push_back(i);
  std::vector<std::vector<uint32_t>> docs_of(index->segments().size());
  std::vector<std::vector<uint64_t>> begin_of(index->segments().size());
  uint64_t total_tokens = 0;
  size_t total_turns = 0;
  for (size_t s = 0; s < index->segments().size(); ++s) {
    const Segment& segment = *index->segments()[s].segment;
    std::vector<uint32_t>& docs = docs_of[s];
    // In segment order, a briefing's turns follow the one before's: the
    // documents come out ascending, and need no sort but for safety.
    std::vector<uint32_t> by_ordinal = briefings_of[s];
    std::sort(by_ordinal.begin(), by_ordinal.end(), [&](uint32_t a, uint32_t b) {
      return corpus.briefings[a].ordinal < corpus.briefings[b].ordinal;
    });
    for (uint32_t i : by_ordinal) {
      const CorpusBriefing& cb = corpus.briefings[i];
      const BriefingMeta& meta = segment.briefing(cb.ordinal);
      const std::vector<uint32_t>* only = selected ? &selected->at(cb.id) : nullptr;
      for (uint32_t t = 0; t < meta.turn_count; ++t) {
        const uint32_t doc = meta.first_turn + t;
        if (segment.turn_role(doc) == Role::kNote) continue;
        if (only && !std::binary_search(only->begin(), only->end(), t)) continue;
        docs.push_back(doc);
      }
    }
    if (!std::is_sorted(docs.begin(), docs.end())) std::sort(docs.begin(), docs.end());
    std::vector<uint64_t>& begin = begin_of[s];
    begin.reserve(docs.size() + 1);
    for (uint32_t doc : docs) {
      begin.push_back(total_tokens);
      total_tokens += segment.turn_length(doc);
    }
    begin.push_back(total_tokens);
    total_turns += docs.size();
  }

  // The vocabulary first, so the width of the token ids is known before any
  // token is written: segment term ordinal -> corpus token id, for every
  // term of the segments read (a term in no chosen turn costs an unused id),
  // the last slot for a gap.
  std::unordered_map<uint64_t, uint32_t> vocabulary;
  std::vector<std::vector<uint32_t>> ids_of(index->segments().size());
  auto token_id = [&](std::string_view term) {
    const uint64_t h = TermHash(term);
    auto [it, added] = vocabulary.emplace(h, static_cast<uint32_t>(corpus.terms.size()));
    if (added) {
      corpus.terms.emplace_back(term);
      corpus.term_hashes.push_back(h);
    }
    return it->second;
  };
  const uint32_t gap = token_id(kGapTerm);
  for (size_t s = 0; s < index->segments().size(); ++s) {
    if (docs_of[s].empty()) continue;
    const Segment& segment = *index->segments()[s].segment;
    std::vector<uint32_t>& ids = ids_of[s];
    ids.resize(static_cast<size_t>(segment.term_count()) + 1);
    for (uint32_t t = 0; t < segment.term_count(); ++t)
      ids[t] = token_id(DisplayTerm(segment.term(t)));
    ids.back() = gap;
  }
  vocabulary = {};
  corpus.narrow = !options.wide_tokens && corpus.terms.size() <= kNarrowTerms;
  // Gaps (positions with no stored term) keep the gap id.
  if (corpus.narrow) {
    corpus.narrow_tokens.assign(total_tokens, static_cast<uint16_t>(gap));
  } else {
    corpus.wide_tokens.assign(total_tokens, gap);
  }
  corpus.turns.reserve(total_turns);

  // Each segment's chosen turns are read from its positional postings in
  // one pass, straight into the token array (token_streams.h). Turns point
  // into it, so the tokens are never copied into briefing order (turns[] is
  // in that order).
  size_t done = 0;
  std::vector<uint16_t> narrow_ids;
  for (size_t s = 0; s < index->segments().size(); ++s) {
    const Segment& segment = *index->segments()[s].segment;
    const std::vector<uint32_t>& docs = docs_of[s];
    const std::vector<uint64_t>& begin = begin_of[s];
    if (corpus.narrow) {
      narrow_ids.assign(ids_of[s].begin(), ids_of[s].end());
      WriteStreams<uint16_t>(segment, docs, begin, narrow_ids, corpus.narrow_tokens.data(),
                             options.threads);
    } else {
      WriteStreams<uint32_t>(segment, docs, begin, ids_of[s], corpus.wide_tokens.data(),
                             options.threads);
    }
    ids_of[s] = {};
    // The positions were read once and are now in the token array.
    segment.ReleaseResidentPages();
    // Segment briefing ordinal -> corpus briefing.
    std::vector<uint32_t> corpus_briefing(segment.briefing_count(), UINT32_MAX);
    for (uint32_t i : briefings_of[s]) corpus_briefing[corpus.briefings[i].ordinal] = i;
    // The segment's turns, each pointing at its tokens.
    for (size_t k = 0; k < docs.size(); ++k) {
      const uint32_t doc = docs[k];
      CorpusTurn ct;
      ct.briefing = corpus_briefing[segment.turn_briefing(doc)];
      ct.turn = segment.turn_index(doc);
      ct.role = segment.turn_role(doc);
      if (const uint32_t speaker = segment.turn_speaker(doc); speaker != 0) {
        auto [it, added] = speaker_ids.emplace(segment.string(speaker),
                                               static_cast<uint32_t>(corpus.speakers.size()));
        if (added) corpus.speakers.emplace_back(segment.string(speaker));
        ct.speaker = it->second;
      }
      ct.begin = begin[k];
      ct.length = static_cast<uint32_t>(begin[k + 1] - begin[k]);
      corpus.turns.push_back(ct);
    }
    docs_of[s] = {};
    begin_of[s] = {};
    done += briefings_of[s].size();
    if (options.progress) options.progress(done, total);
  }
  // Turns were appended segment by segment: put them in briefing order.
  std::stable_sort(corpus.turns.begin(), corpus.turns.end(),
                   [](const CorpusTurn& a, const CorpusTurn& b) {
                     return a.briefing != b.briefing ? a.briefing < b.briefing : a.turn < b.turn;
                   });
  return corpus;
}

std::span<const uint32_t> TokenCorpus::TurnTokens(size_t turn, std::vector<uint32_t>* buffer,
                                                  size_t from, size_t to) const {
  const CorpusTurn& ct = turns[turn];
  to = std::min<size_t>(to, ct.length);
  from = std::min(from, to);
  if (!narrow) return {wide_tokens.data() + ct.begin + from, to - from};
  const uint16_t* at = narrow_tokens.data() + ct.begin;
  buffer->assign(at + from, at + to);
  return *buffer;
}

bool NarrowTokens(TokenCorpus* corpus) {
  if (corpus->narrow) return true;
  if (corpus->terms.size() > kNarrowTerms) return false;
  corpus->narrow_tokens.assign(corpus->wide_tokens.begin(), corpus->wide_tokens.end());
  corpus->wide_tokens = {};
  corpus->narrow = true;
  return true;
}

Result<TokenCorpus> LoadTokenCorpusForAnalysis(
    const std::shared_ptr<const Index>& index, const std::string& filter, size_t threads,
    const std::function<void(std::string_view, size_t, size_t)>& progress, bool wide_tokens) {
  TokenCorpusOptions options;
  options.filter = filter;
  options.wide_tokens = wide_tokens;
  options.threads = ThreadCount(threads);
  if (progress) {
    options.progress = [&](size_t done, size_t total) {
      progress("reading briefings", done, total);
    };
  }
  return LoadTokenCorpus(index, options);
}

}  // namespace lectern
