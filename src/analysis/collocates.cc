#include "analysis/collocates.h"

#include <algorithm>
#include <unordered_map>

#include "analysis/measures.h"
#include "analysis/stopwords.h"
#include "analysis/subcorpus.h"
#include "analysis/token_streams.h"
#include "query/matcher.h"

namespace lectern {

const char* MeasureName(AssociationMeasure m) {
  switch (m) {
    case AssociationMeasure::kLogLikelihood:
      return "ll";
    case AssociationMeasure::kMutualInformation:
      return "mi";
    case AssociationMeasure::kTScore:
      return "t";
    case AssociationMeasure::kDice:
      return "dice";
    case AssociationMeasure::kLogDice:
      return "logdice";
  }
  return "";
}

Result<CollocatesResult> Collocates(const Index& index, const CollocatesOptions& options) {
  Result<Matcher> matcher = Matcher::Create(CombineQuery(options.node, options.filter));
  if (!matcher.ok()) return matcher.status();
  if (matcher->filters_only()) return Status::InvalidArgument("collocates need a word or phrase");
  Result<Subcorpus> sub = SelectTurns(index, options.filter);
  if (!sub.ok()) return sub.status();
  const std::vector<std::vector<uint64_t>> freq = TermFrequencies(index, *sub, options.threads);

  CollocatesResult result;
  result.corpus_tokens = sub->tokens;
  struct Counts {
    uint64_t left = 0, right = 0, frequency = 0;
  };
  std::unordered_map<std::string, Counts> counts;
  for (uint32_t seg = 0; seg < index.segments().size(); ++seg) {
    const Segment& segment = *index.segments()[seg].segment;
    std::vector<uint32_t> docs;
    std::vector<std::vector<MatchSpan>> spans;
    Status st = matcher->VisitSegment(index, seg, true, [&](const TurnMatch& m) {
      docs.push_back(m.doc);
      spans.push_back(*m.spans);
    });
    if (!st.ok()) return st;
    if (docs.empty()) continue;
    const SegmentStreams streams = ReadStreams(segment, docs, options.threads);
    std::vector<uint64_t> left(segment.term_count(), 0), right(segment.term_count(), 0);
    for (size_t i = 0; i < docs.size(); ++i) {
      std::span<const uint32_t> tokens = streams.Tokens(i);
      // Positions of any node occurrence are not collocates of another.
      std::vector<bool> in_node(tokens.size(), false);
      for (const MatchSpan& s : spans[i]) {
        for (uint32_t p = s.first; p <= s.last && p < tokens.size(); ++p) in_node[p] = true;
      }
      for (const MatchSpan& s : spans[i]) {
        ++result.node_frequency;
        const uint32_t from = s.first >= options.left ? s.first - options.left : 0;
        const uint64_t to = std::min<uint64_t>(tokens.size(), uint64_t{s.last} + options.right + 1);
        for (uint64_t p = from; p < to; ++p) {
          if ((p >= s.first && p <= s.last) || in_node[p] || tokens[p] == kNoTerm) continue;
          ++result.window_tokens;
          ++(p < s.first ? left : right)[tokens[p]];
        }
      }
    }
    for (uint32_t t = 0; t < segment.term_count(); ++t) {
      if (left[t] + right[t] == 0) continue;
      Counts& c = counts[std::string(segment.term(t))];
      c.left += left[t];
      c.right += right[t];
    }
  }
  // Collocate frequencies over the whole subcorpus, every segment.
  for (uint32_t seg = 0; seg < index.segments().size(); ++seg) {
    const Segment& segment = *index.segments()[seg].segment;
    for (auto& [term, c] : counts) {
      if (std::optional<TermInfo> info = segment.Find(term))
        c.frequency += freq[seg][info->ordinal];
    }
  }
  const double n = static_cast<double>(result.corpus_tokens);
  const double r1 = static_cast<double>(result.window_tokens);
  const double fx = static_cast<double>(result.node_frequency);
  for (const auto& [term, c] : counts) {
    const uint64_t o11 = c.left + c.right;
    if (o11 < options.min_freq) continue;
    if (options.drop_stopwords && IsStopword(term)) continue;
    Collocate col;
    col.term = std::string(DisplayTerm(term));
    col.observed = o11;
    col.left = c.left;
    col.right = c.right;
    col.frequency = std::max(c.frequency, o11);
    const double c1 = static_cast<double>(col.frequency);
    col.expected = n > 0 ? r1 * c1 / n : 0;
    col.ll = LogLikelihood(Contingency::FromMargins(o11, r1, c1, n));
    if (o11 < col.expected) col.ll = -col.ll;  // negative association
    col.mi = MutualInformation(o11, col.expected);
    col.t = TScore(o11, col.expected);
    col.dice = Dice(o11, fx, c1);
    col.log_dice = LogDice(o11, fx, c1);
    switch (options.measure) {
      case AssociationMeasure::kLogLikelihood:
        col.score = col.ll;
        break;
      case AssociationMeasure::kMutualInformation:
        col.score = col.mi;
        break;
      case AssociationMeasure::kTScore:
        col.score = col.t;
        break;
      case AssociationMeasure::kDice:
        col.score = col.dice;
        break;
      case AssociationMeasure::kLogDice:
        col.score = col.log_dice;
        break;
    }
    result.collocates.push_back(std::move(col));
  }
  std::sort(result.collocates.begin(), result.collocates.end(),
            [](const Collocate& a, const Collocate& b) {
              if (a.score != b.score) return a.score > b.score;
              return a.term < b.term;
            });
  if (options.limit > 0 && result.collocates.size() > options.limit) {
    result.collocates.resize(options.limit);
  }
  return result;
}

}  // namespace lectern
