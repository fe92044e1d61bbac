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

  // Each segment's chosen turns are read from its positional postings in
  // one pass (token_streams.h); the segment's term ordinals become corpus
  // token ids. Turns keep pointing into the concatenated streams, so the
  // tokens are never copied into briefing order (turns[] is in that order).
  std::unordered_map<std::string, uint32_t> speaker_ids;
  std::unordered_map<uint64_t, uint32_t> vocabulary;
  std::vector<std::vector<uint32_t>> briefings_of(index->segments().size());
  for (uint32_t i = 0; i < total; ++i) briefings_of[corpus.briefings[i].segment].push_back(i);
  // The chosen turns of each segment, first: with their lengths the token
  // array is allocated once (appending segment after segment let it grow
  // by doubling, and a doubling of the 10x corpus's array costs 300 MB).
  std::vector<std::vector<uint32_t>> docs_of(index->segments().size());
  uint64_t total_tokens = 0;
  size_t segments_read = 0, total_turns = 0;
  for (size_t s = 0; s < index->segments().size(); ++s) {
    const Segment& segment = *index->segments()[s].segment;
    std::vector<uint32_t>& docs = docs_of[s];
    for (uint32_t i : briefings_of[s]) {
      const CorpusBriefing& cb = corpus.briefings[i];
      const BriefingMeta& meta = segment.briefing(cb.ordinal);
      const std::vector<uint32_t>* only = selected ? &selected->at(cb.id) : nullptr;
      for (uint32_t t = 0; t < meta.turn_count; ++t) {
        const uint32_t doc = meta.first_turn + t;
        if (segment.turn_role(doc) == Role::kNote) continue;
        if (only && !std::binary_search(only->begin(), only->end(), t)) continue;
        docs.push_back(doc);
        total_tokens += segment.turn_length(doc);
      }
    }
    std::sort(docs.begin(), docs.end());
    segments_read += !docs.empty();
    total_turns += docs.size();
  }
  corpus.turns.reserve(total_turns);
  // One segment's streams are moved in whole; several are copied into place.
  if (segments_read > 1) corpus.tokens.reserve(total_tokens);
  size_t done = 0;
  for (size_t s = 0; s < index->segments().size(); ++s) {
    const SegmentView& view = index->segments()[s];
    const Segment& segment = *view.segment;
    // Segment briefing ordinal -> corpus briefing.
    std::vector<uint32_t> corpus_briefing(segment.briefing_count(), UINT32_MAX);
    for (uint32_t i : briefings_of[s]) corpus_briefing[corpus.briefings[i].ordinal] = i;
    SegmentStreams streams = ReadStreams(segment, std::move(docs_of[s]), options.threads);
    // Segment term ordinal -> corpus token id, made on first sight.
    std::vector<uint32_t> id_of(static_cast<size_t>(segment.term_count()) + 1, UINT32_MAX);
    auto token_id = [&](uint32_t ordinal) {
      const size_t slot = ordinal == kNoTerm ? segment.term_count() : ordinal;
      uint32_t& id = id_of[slot];
      if (id != UINT32_MAX) return id;
      std::string_view term = ordinal == kNoTerm ? kGapTerm : DisplayTerm(segment.term(ordinal));
      const uint64_t h = TermHash(term);
      auto [it, added] = vocabulary.emplace(h, static_cast<uint32_t>(corpus.terms.size()));
      if (added) {
        corpus.terms.emplace_back(term);
        corpus.term_hashes.push_back(h);
      }
      return id = it->second;
    };
    for (uint32_t& t : streams.tokens) t = token_id(t);
    const uint64_t base = corpus.tokens.size();
    if (segments_read == 1) {
      corpus.tokens = std::move(streams.tokens);
    } else {
      corpus.tokens.insert(corpus.tokens.end(), streams.tokens.begin(), streams.tokens.end());
    }
    // The segment's turns, each pointing at its stream.
    for (size_t k = 0; k < streams.docs.size(); ++k) {
      const uint32_t doc = streams.docs[k];
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
      ct.begin = base + streams.begin[k];
      ct.length = static_cast<uint32_t>(streams.begin[k + 1] - streams.begin[k]);
      corpus.turns.push_back(ct);
    }
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

Result<TokenCorpus> LoadTokenCorpusForAnalysis(
    const std::shared_ptr<const Index>& index, const std::string& filter, size_t threads,
    const std::function<void(std::string_view, size_t, size_t)>& progress) {
  TokenCorpusOptions options;
  options.filter = filter;
  options.threads = ThreadCount(threads);
  if (progress) {
    options.progress = [&](size_t done, size_t total) {
      progress("reading briefings", done, total);
    };
  }
  return LoadTokenCorpus(index, options);
}

}  // namespace lectern
