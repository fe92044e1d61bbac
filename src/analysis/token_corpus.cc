#include "analysis/token_corpus.h"

#include <algorithm>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "analysis/passage_tokens.h"
#include "base/dates.h"
#include "base/parallel.h"
#include "query/searcher.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

bool IsCjkLanguage(std::string_view language) {
  return language == "zh" || language == "ja" || language == "ko";
}

// What a worker thread makes of one briefing.
struct LoadedBriefing {
  Status status;
  std::string language;
  std::optional<std::string> date;
  struct TurnTokens {
    uint32_t turn = 0;
    Role role = Role::kStatement;
    std::optional<std::string> speaker;
    std::vector<uint64_t> hashes;
    std::vector<bool> capitalized;
  };
  std::vector<TurnTokens> turns;
  std::vector<std::pair<uint64_t, std::string>> new_terms;  // each distinct term once
};

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
  }

  TokenCorpus corpus;
  struct Key {
    int32_t day;
    std::string_view id;
  };
  std::vector<std::pair<Key, CorpusBriefing>> order;
  for (size_t s = 0; s < index->segments().size(); ++s) {
    const SegmentView& view = index->segments()[s];
    for (uint32_t b = 0; b < view.segment->briefing_count(); ++b) {
      if (view.deleted_briefings[b]) continue;
      const BriefingMeta& meta = view.segment->briefing(b);
      if (selected && !selected->count(std::string(meta.id))) continue;
      CorpusBriefing cb;
      cb.id = std::string(meta.id);
      cb.segment = s;
      cb.ordinal = b;
      order.push_back({Key{meta.date.value_or(INT32_MAX), meta.id}, std::move(cb)});
    }
  }
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.first.day != b.first.day ? a.first.day < b.first.day : a.first.id < b.first.id;
  });
  for (auto& [key, cb] : order) corpus.briefings.push_back(std::move(cb));
  order.clear();

  const size_t threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  std::vector<Analyzer> analyzers(threads);
  size_t next_analyzer = 0;

  std::unordered_map<uint64_t, uint32_t> vocabulary;
  std::unordered_map<std::string, uint32_t> speaker_ids;
  Status failed;
  const size_t total = corpus.briefings.size();
  // Each worker thread takes an Analyzer of its own on first use.
  std::mutex analyzer_mutex;
  std::unordered_map<std::thread::id, Analyzer*> analyzer_of;

  ParallelMapOrdered<LoadedBriefing>(
      total, threads,
      [&](size_t i) {
        Analyzer* analyzer;
        {
          std::lock_guard<std::mutex> lock(analyzer_mutex);
          Analyzer*& mine = analyzer_of[std::this_thread::get_id()];
          if (mine == nullptr) mine = &analyzers[next_analyzer++ % threads];
          analyzer = mine;
        }
        LoadedBriefing out;
        const CorpusBriefing& cb = corpus.briefings[i];
        Result<Briefing> b = index->segments()[cb.segment].segment->LoadBriefing(cb.ordinal);
        if (!b.ok()) {
          out.status = b.status();
          return out;
        }
        out.language = b->language;
        out.date = b->date;
        const std::vector<uint32_t>* only = nullptr;
        if (selected) only = &selected->at(cb.id);
        std::unordered_set<uint64_t> seen;
        std::vector<Token> tokens;
        for (uint32_t t = 0; t < b->turns.size(); ++t) {
          const Turn& turn = b->turns[t];
          if (turn.role == Role::kNote) continue;
          if (only && !std::binary_search(only->begin(), only->end(), t)) continue;
          LoadedBriefing::TurnTokens tt;
          tt.turn = t;
          tt.role = turn.role;
          tt.speaker = turn.speaker;
          PassageTokens(*analyzer, turn.text, &tokens);
          tt.hashes.reserve(tokens.size());
          for (Token& tok : tokens) {
            const char first = turn.text[tok.begin];
            tt.capitalized.push_back(first >= 'A' && first <= 'Z');
            const uint64_t h = TermHash(tok.term);
            tt.hashes.push_back(h);
            if (seen.insert(h).second) out.new_terms.emplace_back(h, std::move(tok.term));
          }
          out.turns.push_back(std::move(tt));
        }
        return out;
      },
      [&](size_t i, LoadedBriefing loaded) {
        if (!failed.ok()) return;
        if (!loaded.status.ok()) {
          failed = loaded.status;
          return;
        }
        CorpusBriefing& cb = corpus.briefings[i];
        cb.language = std::move(loaded.language);
        cb.date = std::move(loaded.date);
        cb.cjk = IsCjkLanguage(cb.language);
        for (auto& [hash, term] : loaded.new_terms) {
          if (vocabulary.emplace(hash, static_cast<uint32_t>(corpus.terms.size())).second) {
            corpus.terms.push_back(std::move(term));
            corpus.term_hashes.push_back(hash);
          }
        }
        for (const LoadedBriefing::TurnTokens& tt : loaded.turns) {
          CorpusTurn ct;
          ct.briefing = static_cast<uint32_t>(i);
          ct.turn = tt.turn;
          ct.role = tt.role;
          if (tt.speaker) {
            auto [it, added] =
                speaker_ids.emplace(*tt.speaker, static_cast<uint32_t>(corpus.speakers.size()));
            if (added) corpus.speakers.push_back(*tt.speaker);
            ct.speaker = it->second;
          }
          ct.begin = corpus.tokens.size();
          ct.length = static_cast<uint32_t>(tt.hashes.size());
          for (uint64_t h : tt.hashes) corpus.tokens.push_back(vocabulary.at(h));
          corpus.capitalized.insert(corpus.capitalized.end(), tt.capitalized.begin(),
                                    tt.capitalized.end());
          corpus.turns.push_back(ct);
        }
        if (options.progress) options.progress(i + 1, total);
      });
  if (!failed.ok()) return failed;
  corpus.tokens.shrink_to_fit();
  return corpus;
}

}  // namespace lectern
