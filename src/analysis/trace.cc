#include "analysis/trace.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "analysis/frequent_shingles.h"
#include "analysis/parallel_parts.h"
#include "analysis/passage_matcher.h"
#include "analysis/passage_tokens.h"
#include "analysis/token_corpus.h"
#include "analysis/token_streams.h"

namespace lectern {

Result<TraceReport> Trace(const std::shared_ptr<const Index>& index, std::string_view text,
                          const TraceOptions& options) {
  if (!(options.similarity > 0 && options.similarity <= 1)) {
    return Status::InvalidArgument("the similarity threshold must be in (0, 1]");
  }
  Analyzer analyzer;
  std::vector<Token> query;
  PassageTokens(analyzer, text, &query);
  size_t ideographs = 0;
  for (const Token& t : query) ideographs += IsIdeographToken(t.term);
  const bool cjk = ideographs * 2 > query.size();
  const size_t n = query.size();
  if (n < (cjk ? 4u : 3u)) {
    return Status::InvalidArgument("the passage to trace needs at least 3 words (4 characters)");
  }
  const size_t k = cjk ? std::clamp<size_t>(n / 3, 4, 12) : std::clamp<size_t>(n / 3, 3, 8);

  const size_t threads = ThreadCount(options.threads);
  Result<TokenCorpus> loaded =
      LoadTokenCorpusForAnalysis(index, options.filter, threads, options.progress);
  if (!loaded.ok()) return loaded.status();
  const TokenCorpus& corpus = *loaded;

  // The passage in the corpus's token ids; words the corpus lacks get ids of
  // their own above the vocabulary, so they never match.
  std::unordered_map<std::string_view, uint32_t> vocabulary;
  for (uint32_t i = 0; i < corpus.terms.size(); ++i) vocabulary.emplace(corpus.terms[i], i);
  std::vector<uint32_t> ids, local;
  std::vector<uint64_t> hashes;
  for (const Token& t : query) {
    auto it = vocabulary.find(t.term);
    ids.push_back(it != vocabulary.end() ? it->second
                                         : static_cast<uint32_t>(corpus.terms.size() + ids.size()));
    local.push_back(static_cast<uint32_t>(hashes.size()));
    hashes.push_back(TermHash(t.term));
  }
  std::vector<uint64_t> fps;
  ShingleFingerprints(local, hashes, k, &fps);
  PassageMatcher matcher(options.similarity);
  matcher.Add(ids, fps);

  const size_t parts = threads * 4, turns = corpus.turns.size();
  std::vector<std::vector<PassageHit>> found(parts);
  std::vector<std::vector<uint32_t>> found_turns(parts);
  ForEachPart(turns, parts, threads, [&](size_t lo, size_t hi, size_t part) {
    std::vector<uint64_t> turn_fps;
    std::vector<PassageHit> hits;
    std::vector<uint32_t> buffer;
    for (size_t t = lo; t < hi; ++t) {
      const std::span<const uint32_t> tokens = corpus.TurnTokens(t, &buffer);
      ShingleFingerprints(tokens, corpus.term_hashes, k, &turn_fps);
      matcher.Find(tokens, turn_fps, nullptr, &hits);
      for (const PassageHit& h : hits) {
        found[part].push_back(h);
        found_turns[part].push_back(static_cast<uint32_t>(t));
      }
    }
  });

  TraceReport report;
  report.text = std::string(text);
  report.length = n;
  report.briefings_searched = corpus.briefings.size();
  std::unordered_set<uint32_t> briefings;
  uint32_t first_spokesperson_turn = UINT32_MAX;
  std::vector<uint32_t> buffer;
  for (size_t p = 0; p < parts; ++p) {
    for (size_t i = 0; i < found[p].size(); ++i) {
      const PassageHit& h = found[p][i];
      const uint32_t turn = found_turns[p][i];
      const CorpusTurn& ct = corpus.turns[turn];
      const CorpusBriefing& cb = corpus.briefings[ct.briefing];
      TalkingPointOccurrence occ;
      occ.use.briefing_id = cb.id;
      occ.use.date = cb.date;
      occ.use.role = ct.role;
      occ.use.turn = ct.turn;
      if (ct.speaker != kNoSpeaker && ct.role != Role::kQuestion) {
        occ.use.speaker = corpus.speakers[ct.speaker];
      }
      occ.token_begin = h.begin;
      occ.token_end = h.end;
      occ.similarity = h.similarity;
      std::span<const uint32_t> tokens = corpus.TurnTokens(turn, &buffer, h.begin, h.end);
      occ.verbatim = std::equal(tokens.begin(), tokens.end(), ids.begin(), ids.end());
      report.verbatim += occ.verbatim;
      if (ct.role == Role::kQuestion) {
        occ.quotes_earlier_answer = first_spokesperson_turn < turn;
      } else {
        first_spokesperson_turn = std::min(first_spokesperson_turn, turn);
        briefings.insert(ct.briefing);
      }
      report.uses.push_back(std::move(occ));
    }
  }
  report.briefings = briefings.size();
  return report;
}

}  // namespace lectern
