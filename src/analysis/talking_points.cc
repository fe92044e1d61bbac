#include "analysis/talking_points.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cstdio>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "analysis/boilerplate.h"
#include "analysis/fragment_merging.h"
#include "analysis/frequent_shingles.h"
#include "analysis/parallel_parts.h"
#include "analysis/passage_matcher.h"
#include "analysis/passage_text.h"
#include "analysis/passage_tokens.h"
#include "analysis/point_stages.h"
#include "analysis/sequence_similarity.h"
#include "analysis/source_facts.h"
#include "analysis/token_corpus.h"
#include "analysis/token_streams.h"
#include "analysis/turn_text.h"
#include "analysis/wording_bounds.h"

namespace lectern {
namespace {

using point_stages::BuildPoints;
using point_stages::FindRuns;
using point_stages::FindUses;
using point_stages::MergeFragmentUses;
using point_stages::PointSource;
using point_stages::RawUse;
using point_stages::Run;
using point_stages::SequenceHash;
using point_stages::SpokespersonRole;

constexpr size_t kMaxShingleWords = 6;
constexpr size_t kMaxShingleCharacters = 8;

std::string PointId(std::span<const uint32_t> tokens, const TokenCorpus& corpus) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (uint32_t t : tokens) {
    for (unsigned char c : corpus.terms[t]) h = (h ^ c) * 0x100000001b3ULL;
    h = (h ^ 0x1f) * 0x100000001b3ULL;
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "tp-%012llx",
                static_cast<unsigned long long>(Mix64(h) & 0xffffffffffffULL));
  return buf;
}

TalkingPointUse MakeUse(const TokenCorpus& corpus, uint32_t turn) {
  const CorpusTurn& ct = corpus.turns[turn];
  const CorpusBriefing& cb = corpus.briefings[ct.briefing];
  TalkingPointUse use;
  use.briefing_id = cb.id;
  use.date = cb.date;
  if (ct.speaker != kNoSpeaker && ct.role != Role::kQuestion)
    use.speaker = corpus.speakers[ct.speaker];
  use.role = ct.role;
  use.turn = ct.turn;
  return use;
}

// A point's text was trimmed (wording_bounds.h): uses that hold it verbatim
// are narrowed to it, the others scored against it again.
void NarrowUses(const TokenCorpus& corpus, std::span<const uint32_t> canonical, RawUse* begin,
                RawUse* end) {
  std::vector<uint32_t> buffer;
  for (RawUse* u = begin; u != end; ++u) {
    std::span<const uint32_t> tokens = corpus.TurnTokens(u->turn, &buffer, u->begin, u->end);
    auto at = std::search(tokens.begin(), tokens.end(), canonical.begin(), canonical.end());
    if (at != tokens.end()) {
      u->begin += static_cast<uint32_t>(at - tokens.begin());
      u->end = u->begin + static_cast<uint32_t>(canonical.size());
      u->similarity = 1;
      continue;
    }
    double similarity = 0;
    SimilarAtLeast(tokens, canonical, 0, &similarity);
    u->similarity = static_cast<float>(similarity);
  }
}

// Stage 6: one point's statistics from its uses (sorted by turn, begin).
// Every use is listed (TalkingPoint::uses) only `with_uses`: most points are
// counted, ranked and dropped, and listing a use copies its briefing's id,
// date and speaker.
TalkingPoint Describe(const TokenCorpus& corpus, std::span<const uint32_t> canonical,
                      const RawUse* begin, const RawUse* end, bool with_uses) {
  TalkingPoint tp;
  tp.length = canonical.size();
  // Uses are in turn order, so one briefing's uses are adjacent: briefings
  // (and briefings per year) are counted where the briefing changes.
  uint32_t last_briefing = UINT32_MAX, last_question_briefing = UINT32_MAX;
  std::vector<uint64_t> variants;
  std::vector<std::pair<uint32_t, size_t>> speakers;  // corpus speaker id, uses
  uint32_t first_spokesperson_turn = UINT32_MAX;
  std::vector<uint32_t> buffer;
  for (const RawUse* u = begin; u != end; ++u) {
    const CorpusTurn& ct = corpus.turns[u->turn];
    TalkingPointOccurrence occ;
    if (with_uses) occ.use = MakeUse(corpus, u->turn);
    occ.token_begin = u->begin;
    occ.token_end = u->end;
    occ.similarity = u->similarity;
    std::span<const uint32_t> tokens = corpus.TurnTokens(u->turn, &buffer, u->begin, u->end);
    occ.verbatim = std::equal(tokens.begin(), tokens.end(), canonical.begin(), canonical.end());
    if (SpokespersonRole(ct.role)) {
      first_spokesperson_turn = std::min(first_spokesperson_turn, u->turn);
      ++tp.occurrences;
      if (ct.briefing != last_briefing) {
        last_briefing = ct.briefing;
        ++tp.briefings;
        const std::optional<std::string>& date = corpus.briefings[ct.briefing].date;
        if (date) ++tp.briefings_per_year[std::stoi(date->substr(0, 4))];
      }
      if (!occ.verbatim) {
        ++tp.variant_occurrences;
        variants.push_back(SequenceHash(tokens, corpus.term_hashes));
      }
      if (ct.speaker != kNoSpeaker) {
        auto it = std::find_if(speakers.begin(), speakers.end(),
                               [&](const auto& s) { return s.first == ct.speaker; });
        if (it == speakers.end()) it = speakers.insert(it, {ct.speaker, 0});
        ++it->second;
      }
    } else {
      ++tp.question_occurrences;
      if (ct.briefing != last_question_briefing) {
        last_question_briefing = ct.briefing;
        ++tp.question_briefings;
      }
      // Turns are in (date, id, turn) order, so an earlier turn is an earlier use.
      occ.quotes_earlier_answer = first_spokesperson_turn < u->turn;
      tp.quoting_questions += occ.quotes_earlier_answer;
    }
    if (with_uses) tp.uses.push_back(std::move(occ));
  }
  std::sort(variants.begin(), variants.end());
  tp.variants = std::unique(variants.begin(), variants.end()) - variants.begin();
  for (auto& [speaker, n] : speakers) tp.speakers.emplace_back(corpus.speakers[speaker], n);
  // Most uses first, then by name.
  std::sort(tp.speakers.begin(), tp.speakers.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  // Undated briefings sort last; they are first or last use only when no
  // dated use exists.
  const RawUse* first = nullptr;
  const RawUse* last = nullptr;
  for (const RawUse* u = begin; u != end; ++u) {
    if (!corpus.briefings[corpus.turns[u->turn].briefing].date) continue;
    if (first == nullptr) first = u;
    last = u;
  }
  if (first == nullptr && begin != end) first = last = begin;
  if (first != nullptr) {
    tp.first_use = MakeUse(corpus, first->turn);
    tp.last_use = MakeUse(corpus, last->turn);
  }
  tp.id = PointId(canonical, corpus);
  return tp;
}

// Gives the heap's free pages back to the system. The stages before ran on
// worker threads, whose allocator arenas keep what they freed (tens of MB
// of fingerprints and runs at 10x) unless asked: the describing stage's
// peak would stack on top of it.
void ReturnFreedHeap() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

}  // namespace

// Runs stages 1-6; with `only_id`, returns that point alone (texts are
// loaded for the returned points only).
static Result<TalkingPointsReport> Analyse(const std::shared_ptr<const Index>& index,
                                           const TalkingPointOptions& options,
                                           std::optional<std::string_view> only_id) {
  if (options.min_words < 2 || options.min_chars < 2) {
    return Status::InvalidArgument("the minimum passage length is 2");
  }
  if (options.min_briefings < 2)
    return Status::InvalidArgument("--min-briefings must be at least 2");
  if (!(options.similarity > 0 && options.similarity <= 1)) {
    return Status::InvalidArgument("the similarity threshold must be in (0, 1]");
  }
  const size_t threads = ThreadCount(options.threads);
  Result<TokenCorpus> loaded = LoadTokenCorpusForAnalysis(index, options.filter, threads,
                                                          options.progress, options.wide_tokens);
  if (!loaded.ok()) return loaded.status();
  const TokenCorpus& corpus = *loaded;

  ShingleLengths lengths;
  lengths.words = std::min(options.min_words, kMaxShingleWords);
  lengths.characters = std::min(options.min_chars, kMaxShingleCharacters);
  if (options.progress) options.progress("counting shingles", 0, 1);
  std::vector<Run> runs;
  {
    FrequentShingles frequent(corpus, lengths, options.min_briefings, threads);
    if (options.progress) options.progress("finding runs", 0, 1);
    runs = FindRuns(corpus, frequent, lengths, threads);
  }
  PassageMatcher matcher(options.similarity);
  std::vector<PointSource> sources;
  BuildPoints(corpus, runs, lengths, options, &matcher, &sources);
  if (options.progress) options.progress("finding uses", 0, 1);
  std::vector<RawUse> uses = FindUses(corpus, runs, lengths, matcher, threads);
  runs = {};  // not needed past this point: at 10x, tens of MB under the later stages' peaks

  TalkingPointsReport report;
  report.options = options;
  report.options.progress = nullptr;
  report.briefings = corpus.briefings.size();
  report.turns = corpus.turns.size();
  report.tokens = corpus.token_count();
  std::vector<TalkingPoint> points;
  std::vector<PointSource> point_sources;
  struct PointUses {
    size_t first, last;                   // in `uses`
    std::span<const uint32_t> canonical;  // its trimmed wording
  };
  std::vector<PointUses> point_uses;
  if (options.progress) options.progress("merging fragments", 0, 1);
  uses = MergeFragmentUses(corpus, matcher, lengths, options, std::move(uses));
  if (options.progress) options.progress("describing points", 0, 1);
  ReturnFreedHeap();
  // The points used in enough briefings by a spokesperson, counted cheaply
  // before describing them in full: (first use, end of uses) in `uses`.
  std::vector<std::pair<size_t, size_t>> ranges;
  std::vector<uint32_t> kept;
  for (size_t i = 0; i < uses.size();) {
    size_t j = i;
    while (j < uses.size() && uses[j].point == uses[i].point) ++j;
    size_t spokesperson_briefings = 0;
    uint32_t last = UINT32_MAX;
    for (size_t u = i; u < j; ++u) {
      const CorpusTurn& ct = corpus.turns[uses[u].turn];
      if (SpokespersonRole(ct.role) && ct.briefing != last)
        ++spokesperson_briefings, last = ct.briefing;
    }
    // (uses are in turn order, so one briefing's uses are adjacent)
    if (spokesperson_briefings >= options.min_briefings) {
      ranges.push_back({i, j});
      kept.push_back(uses[i].point);
    }
    i = j;
  }
  // Each point's wording cut to what most of its uses reproduce
  // (SharedCore), then checked against its printed source (SourceFacts). A
  // wording already under the minimum length is dropped here. (Taking the
  // commonest wording of the uses instead of the seed run's was tried: it
  // drifts onto neighbouring points' text, "cooperation on the basis of
  // mutual respect, equality", and leaves their verbatim uses uncounted.)
  std::vector<PointSource> kept_sources;
  std::vector<std::span<const uint32_t>> wordings, use_tokens;
  std::vector<std::vector<uint32_t>> use_buffers;  // a point's uses, when narrow
  {
    std::vector<std::pair<size_t, size_t>> long_enough;
    std::vector<uint32_t> long_enough_points;
    for (size_t r = 0; r < ranges.size(); ++r) {
      use_tokens.clear();
      use_buffers.resize(std::max(use_buffers.size(), ranges[r].second - ranges[r].first));
      for (size_t u = ranges[r].first; u < ranges[r].second; ++u) {
        use_tokens.push_back(corpus.TurnTokens(uses[u].turn, &use_buffers[u - ranges[r].first],
                                               uses[u].begin, uses[u].end));
      }
      const std::span<const uint32_t> wording = matcher.Tokens(kept[r]);
      PointSource source = sources[kept[r]];
      const auto [from, to] = SharedCore(wording, use_tokens);
      const bool cjk = corpus.briefings[corpus.turns[source.turn].briefing].cjk;
      if (to - from < (cjk ? options.min_chars : options.min_words)) continue;
      source.end = source.begin + static_cast<uint32_t>(to);
      source.begin += static_cast<uint32_t>(from);
      kept_sources.push_back(source);
      wordings.push_back(wording.subspan(from, to - from));
      long_enough.push_back(ranges[r]);
      long_enough_points.push_back(kept[r]);
    }
    ranges = std::move(long_enough);
    kept = std::move(long_enough_points);
  }
  Result<std::vector<WordingFacts>> facts =
      SourceFacts(*index, corpus, kept_sources, wordings, threads);
  if (!facts.ok()) return facts.status();
  // Sized once: a point is large, and a vector growing by doubling holds
  // both buffers at once, at this stage's peak.
  points.reserve(ranges.size());
  point_sources.reserve(ranges.size());
  point_uses.reserve(ranges.size());
  for (size_t r = 0; r < ranges.size(); ++r) {
    const auto [i, j] = ranges[r];
    {
      const uint32_t point = kept[r];
      PointSource source = kept_sources[r];
      std::span<const uint32_t> canonical = wordings[r];
      const CorpusBriefing& source_briefing = corpus.briefings[corpus.turns[source.turn].briefing];
      const bool cjk = source_briefing.cjk;
      {
        const size_t from = (*facts)[r].from, to = (*facts)[r].to;
        // Only a sentence break can take it under the minimum here: what
        // remains is a shorter phrase in varying company.
        if (to - from < (cjk ? options.min_chars : options.min_words)) continue;
        if (from != 0 || to != canonical.size() ||
            canonical.size() != matcher.Tokens(point).size()) {
          canonical = canonical.subspan(from, to - from);
          source.end = source.begin + static_cast<uint32_t>(to);
          source.begin += static_cast<uint32_t>(from);
          NarrowUses(corpus, canonical, uses.data() + i, uses.data() + j);
        }
      }
      TalkingPoint tp = Describe(corpus, canonical, uses.data() + i, uses.data() + j, false);
      tp.language = source_briefing.language;
      const size_t content = ContentTokens(canonical, corpus.terms);
      if (content < (cjk ? kMinContentCharacters : kMinContentTokens)) {
        tp.boilerplate = "mostly function words (" + std::to_string(content) + " content " +
                         (cjk ? "characters)" : "words)");
      } else if ((*facts)[r].names) {
        tp.boilerplate = "mostly names and titles";
      }
      if (!tp.boilerplate && corpus.briefings.size() >= 10 &&
          tp.briefings > options.max_share * corpus.briefings.size()) {
        tp.boilerplate = "in " + std::to_string(tp.briefings * 100 / corpus.briefings.size()) +
                         "% of the briefings";
      }
      if (tp.boilerplate)
        ++report.boilerplate;
      else
        ++report.points;
      if (!tp.boilerplate || options.include_boilerplate) {
        points.push_back(std::move(tp));
        point_sources.push_back(source);
        point_uses.push_back({i, j, canonical});
      }
    }
  }
  std::vector<size_t> order(points.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto key = [&](const TalkingPoint& p) { return std::make_tuple(p.briefings, p.occurrences); };
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const TalkingPoint &a = points[x], &b = points[y];
    switch (options.sort) {
      case TalkingPointOptions::Sort::kFirstUse:
        if (a.first_use.date != b.first_use.date) return a.first_use.date < b.first_use.date;
        break;
      case TalkingPointOptions::Sort::kLastUse:
        if (a.last_use.date != b.last_use.date) return a.last_use.date > b.last_use.date;
        break;
      case TalkingPointOptions::Sort::kCount:
        if (a.occurrences != b.occurrences) return a.occurrences > b.occurrences;
        break;
      case TalkingPointOptions::Sort::kSpread:
        break;
    }
    if (key(a) != key(b)) return key(a) > key(b);
    return a.id < b.id;
  });
  if (only_id) {
    std::erase_if(order, [&](size_t i) { return points[i].id != *only_id; });
  }
  if (options.limit && order.size() > options.limit) order.resize(options.limit);
  std::vector<PassageRef> text_sources;
  for (size_t i : order) {
    TalkingPoint& tp = report.talking_points.emplace_back(std::move(points[i]));
    const PointUses& pu = point_uses[i];
    tp.uses =
        Describe(corpus, pu.canonical, uses.data() + pu.first, uses.data() + pu.last, true).uses;
    const PointSource& s = point_sources[i];
    const CorpusTurn& ct = corpus.turns[s.turn];
    tp.source = {corpus.briefings[ct.briefing].id, ct.turn, s.begin, s.end};
    text_sources.push_back(tp.source);
  }
  // The stored turns read so far (sources all over the store) are not read
  // again: their pages need not stay resident while the reported briefings
  // are loaded.
  for (const SegmentView& view : index->segments()) view.segment->ReleaseResidentPages();
  Result<std::vector<std::string>> texts = PassageTexts(*index, text_sources);
  if (!texts.ok()) return texts.status();
  for (size_t i = 0; i < texts->size(); ++i) report.talking_points[i].text = (*texts)[i];
  return report;
}

Result<TalkingPointsReport> FindTalkingPoints(const std::shared_ptr<const Index>& index,
                                              const TalkingPointOptions& options) {
  return Analyse(index, options, std::nullopt);
}

Result<TalkingPoint> FindTalkingPoint(const std::shared_ptr<const Index>& index,
                                      const TalkingPointOptions& options, std::string_view id) {
  TalkingPointOptions all = options;
  all.limit = 0;
  all.include_boilerplate = true;
  Result<TalkingPointsReport> report = Analyse(index, all, id);
  if (!report.ok()) return report.status();
  for (TalkingPoint& tp : report->talking_points) {
    if (tp.id == id) return std::move(tp);
  }
  return Status::NotFound("no talking point " + std::string(id) +
                          " with these options (ids depend on the filter and thresholds)");
}

}  // namespace lectern
