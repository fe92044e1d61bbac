#include "query/searcher.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "base/dates.h"
#include "index/store_reader.h"
#include "query/evaluator.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

struct Match {
  uint32_t segment;
  uint32_t doc;
  double score;
  int32_t date;  // INT32_MIN when undated
};

}  // namespace

struct Searcher::Impl {
  std::shared_ptr<const Index> index;
  Analyzer analyzer;

  Result<CompiledQuery> Prepare(std::string_view text) { return CompileQuery(text, analyzer); }

  // Every match with its BM25 score (k1 = 1.2, b = 0.75).
  Result<std::vector<Match>> Run(const CompiledQuery& q,
                                 std::chrono::steady_clock::time_point deadline =
                                     std::chrono::steady_clock::time_point::max()) {
    const auto late = [&] { return std::chrono::steady_clock::now() > deadline; };
    const Status too_long = Status::DeadlineExceeded(
        "the query took too long and was stopped; add words or filters to narrow it");
    // Document frequencies over the whole index, for idf.
    std::unordered_map<std::string, uint64_t> df;
    auto global_df = [&](const std::string& term) -> uint64_t {
      auto it = df.find(term);
      if (it != df.end()) return it->second;
      uint64_t n = 0;
      for (const SegmentView& v : index->segments()) {
        if (auto info = v.segment->Find(term)) n += info->df;
      }
      return df[term] = n;
    };
    const double total = static_cast<double>(std::max<uint64_t>(1, index->live_turns()));
    const double avgdl = std::max(1.0, index->average_turn_length());
    auto idf = [&](const std::string& term) {
      const double n = static_cast<double>(global_df(term));
      return std::log(1.0 + (total - n + 0.5) / (n + 0.5));
    };

    std::vector<Match> matches;
    for (uint32_t s = 0; s < index->segments().size(); ++s) {
      const SegmentView& view = index->segments()[s];
      const Segment& segment = *view.segment;
      SegmentEvaluator evaluator(q, view);
      Result<DocList> docs = evaluator.Matches();
      if (!docs.ok()) return docs.status();
      if (late()) return too_long;
      if (docs->empty()) continue;
      std::vector<double> scores(docs->size(), 0.0);
      for (const Leaf* leaf : q.scored) {
        std::vector<TermInfo> infos;
        if (leaf->kind == Leaf::Kind::kPrefix) {
          infos = segment.PrefixRange(leaf->prefix, kMaxPrefixExpansion);
        } else {
          for (const std::string& term : leaf->terms) {
            if (auto info = segment.Find(term)) infos.push_back(*info);
          }
        }
        for (const TermInfo& info : infos) {
          if (late()) return too_long;
          const double weight = idf(std::string(segment.term(info.ordinal)));
          PostingIterator it = segment.Postings(info);
          if (!it.Next()) continue;
          auto add = [&](size_t i) {
            const double tf = it.freq();
            const double len = segment.turn_length((*docs)[i]);
            scores[i] += weight * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / avgdl));
          };
          if (docs->size() * 8 < info.df) {  // sparse: skip through the postings
            for (size_t i = 0; i < docs->size(); ++i) {
              if (!it.SkipTo((*docs)[i])) break;
              if (it.doc() == (*docs)[i]) add(i);
            }
          } else {  // dense: one merge walk
            size_t i = 0;
            bool more = true;
            while (more && i < docs->size()) {
              if (it.doc() < (*docs)[i]) {
                more = it.Next();
              } else {
                if (it.doc() == (*docs)[i]) add(i);
                ++i;
              }
            }
          }
        }
      }
      matches.reserve(matches.size() + docs->size());
      uint32_t ordinal = UINT32_MAX;
      int32_t date = INT32_MIN;
      for (size_t i = 0; i < docs->size(); ++i) {
        const uint32_t b = segment.turn_briefing((*docs)[i]);
        if (b != ordinal) {  // documents ascend, so a briefing's come together
          ordinal = b;
          date = segment.briefing(b).date.value_or(INT32_MIN);
        }
        matches.push_back(Match{s, (*docs)[i], scores[i], date});
      }
    }
    return matches;
  }

  // One store reader per segment, kept between searches: each holds the
  // last block it decoded, and hits cluster in blocks.
  std::vector<std::unique_ptr<StoreReader>> readers;

  Status ReadTurn(uint32_t s, uint32_t doc, Turn* turn) {
    const Segment& segment = *index->segments()[s].segment;
    if (readers.size() <= s) readers.resize(index->segments().size());
    if (!readers[s]) readers[s] = std::make_unique<StoreReader>(segment);
    std::string_view text, label;
    LECTERN_RETURN_IF_ERROR(readers[s]->Read(doc, &text, &label));
    turn->text = text;
    turn->label = label;
    turn->role = segment.turn_role(doc);
    turn->follow_up = segment.turn_follow_up(doc);
    if (uint32_t id = segment.turn_speaker(doc)) turn->speaker = std::string(segment.string(id));
    if (uint32_t id = segment.turn_outlet(doc)) turn->outlet = std::string(segment.string(id));
    return Status::Ok();
  }

  bool Highlighted(const CompiledQuery& q, const std::string& term) {
    for (const Leaf* leaf : q.scored) {
      if (leaf->kind == Leaf::Kind::kPrefix) {
        if (term.compare(0, leaf->prefix.size(), leaf->prefix) == 0) return true;
      } else if (std::find(leaf->terms.begin(), leaf->terms.end(), term) != leaf->terms.end()) {
        return true;
      }
    }
    return false;
  }
};

Searcher::Searcher(std::shared_ptr<const Index> index) : impl_(std::make_unique<Impl>()) {
  impl_->index = std::move(index);
}
Searcher::~Searcher() = default;

Result<SearchResults> Searcher::Search(std::string_view text, const SearchOptions& options) {
  if (options.offset + options.limit > kMaxResultWindow) {
    return Status::InvalidArgument("offset + limit may not exceed " +
                                   std::to_string(kMaxResultWindow));
  }
  Result<CompiledQuery> q = impl_->Prepare(text);
  if (!q.ok()) return q.status();
  Result<std::vector<Match>> run = impl_->Run(*q, options.deadline);
  if (!run.ok()) return run.status();
  std::vector<Match>& matches = *run;

  SearchResults results;
  results.total_turns = matches.size();
  const auto& segments = impl_->index->segments();
  // Matches come in (segment, doc) order and a briefing's turns are
  // consecutive documents, so its matches are consecutive too.
  for (size_t i = 0; i < matches.size(); ++i) {
    const Segment& segment = *segments[matches[i].segment].segment;
    if (i == 0 || matches[i].segment != matches[i - 1].segment ||
        segment.turn_briefing(matches[i].doc) != segment.turn_briefing(matches[i - 1].doc)) {
      ++results.total_briefings;
    }
  }

  auto by_relevance = [](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.date != b.date) return a.date > b.date;
    return a.segment != b.segment ? a.segment < b.segment : a.doc < b.doc;
  };
  auto by_date = [](const Match& a, const Match& b) {
    if (a.date != b.date) return a.date > b.date;
    if (a.score != b.score) return a.score > b.score;
    return a.segment != b.segment ? a.segment < b.segment : a.doc < b.doc;
  };
  const size_t end = std::min(matches.size(), options.offset + options.limit);
  if (options.offset >= end) return results;
  if (options.sort == SearchOptions::Sort::kDate) {
    std::partial_sort(matches.begin(), matches.begin() + end, matches.end(), by_date);
  } else {
    std::partial_sort(matches.begin(), matches.begin() + end, matches.end(), by_relevance);
  }

  std::vector<Token> tokens;
  for (size_t i = options.offset; i < end; ++i) {
    const Match& m = matches[i];
    const Segment& segment = *segments[m.segment].segment;
    const BriefingMeta& meta = segment.briefing(segment.turn_briefing(m.doc));
    Hit hit;
    hit.briefing_id = meta.id;
    hit.turn = m.doc - meta.first_turn;
    hit.score = m.score;
    if (meta.date) hit.date = IsoDateFromDays(*meta.date);
    hit.title = meta.title;
    LECTERN_RETURN_IF_ERROR(impl_->ReadTurn(m.segment, m.doc, &hit.matched));
    impl_->analyzer.AnalyzeForIndex(hit.matched.text, &tokens);
    hit.snippet = MakeSnippet(hit.matched.text, tokens, [&](const std::string& term) {
      return impl_->Highlighted(*q, term);
    });
    for (const Exchange& e : meta.exchanges) {
      const bool in_question = std::find(e.question.begin(), e.question.end(),
                                         static_cast<int>(hit.turn)) != e.question.end();
      const bool in_answer =
          std::find(e.answer.begin(), e.answer.end(), static_cast<int>(hit.turn)) != e.answer.end();
      if (!in_question && !in_answer) continue;
      for (int t : e.question) hit.exchange_turns.push_back(static_cast<uint32_t>(t));
      for (int t : e.answer) hit.exchange_turns.push_back(static_cast<uint32_t>(t));
      break;
    }
    for (uint32_t t : hit.exchange_turns) {
      if (t == hit.turn) {
        hit.exchange.push_back(hit.matched);
        continue;
      }
      LECTERN_RETURN_IF_ERROR(
          impl_->ReadTurn(m.segment, meta.first_turn + t, &hit.exchange.emplace_back()));
    }
    results.hits.push_back(std::move(hit));
  }
  return results;
}

Result<std::vector<TurnRef>> Searcher::MatchAll(std::string_view text) {
  Result<CompiledQuery> q = impl_->Prepare(text);
  if (!q.ok()) return q.status();
  Result<std::vector<Match>> run = impl_->Run(*q);
  if (!run.ok()) return run.status();
  std::vector<TurnRef> refs;
  refs.reserve(run->size());
  for (const Match& m : *run) {
    const Segment& segment = *impl_->index->segments()[m.segment].segment;
    refs.push_back(TurnRef{std::string(segment.briefing(segment.turn_briefing(m.doc)).id),
                           segment.turn_index(m.doc)});
  }
  std::sort(refs.begin(), refs.end());
  return refs;
}

}  // namespace lectern
