#include "analysis/source_facts.h"

#include <algorithm>

#include "analysis/boilerplate.h"
#include "analysis/parallel_parts.h"
#include "analysis/turn_text.h"
#include "analysis/wording_bounds.h"

namespace lectern {

Result<std::vector<WordingFacts>> SourceFacts(
    const Index& index, const TokenCorpus& corpus, const std::vector<WordingSource>& sources,
    const std::vector<std::span<const uint32_t>>& wordings, size_t threads) {
  threads = std::max<size_t>(1, threads);
  auto store_position = [&](uint32_t i) {
    const CorpusTurn& ct = corpus.turns[sources[i].turn];
    const CorpusBriefing& cb = corpus.briefings[ct.briefing];
    const Segment& segment = *index.segments()[cb.segment].segment;
    return std::make_pair(cb.segment, segment.briefing(cb.ordinal).first_turn + ct.turn);
  };
  std::vector<uint32_t> order(sources.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return store_position(a) < store_position(b); });
  std::vector<WordingFacts> facts(sources.size());
  std::vector<Status> errors(threads * 4);
  ForEachPart(order.size(), threads * 4, threads, [&](size_t lo, size_t hi, size_t part) {
    TurnTexts texts(index, corpus);
    std::vector<bool> starts, joins;
    // Points taken from one turn are adjacent in this order: its shape is
    // computed once, for the tokens they span.
    Result<TurnTexts::Shape> shape = Status::NotFound("");
    uint32_t shaped_turn = UINT32_MAX;
    for (size_t k = lo; k < hi; ++k) {
      const WordingSource& source = sources[order[k]];
      if (source.turn != shaped_turn) {
        // The tokens of this turn's wordings, the one after each included.
        uint32_t first = source.begin, last = source.end;
        for (size_t g = k + 1; g < hi && sources[order[g]].turn == source.turn; ++g) {
          first = std::min(first, sources[order[g]].begin);
          last = std::max(last, sources[order[g]].end);
        }
        shape = texts.TokenShape(source.turn, first, last);
        shaped_turn = source.turn;
      }
      if (!shape.ok()) {
        errors[part] = shape.status();
        return;
      }
      const std::span<const uint32_t> canonical = wordings[order[k]];
      starts.assign(shape->sentence_start.begin() + source.begin,
                    shape->sentence_start.begin() + source.end);
      joins.assign(shape->hyphen_before.begin() + source.begin,
                   shape->hyphen_before.begin() + source.end);
      joins.push_back(source.end < shape->hyphen_before.size() && shape->hyphen_before[source.end]);
      const auto [from, to] = TrimWording(canonical, corpus.terms, starts, joins);
      WordingFacts& f = facts[order[k]];
      f.from = static_cast<uint32_t>(from);
      f.to = static_cast<uint32_t>(to);
      // Capitals are not in the postings: the source turn's text tells.
      f.names = !corpus.briefings[corpus.turns[source.turn].briefing].cjk && to > from &&
                CapitalizedShare(canonical.subspan(from, to - from), corpus.terms,
                                 shape->capitalized, source.begin + from) > kMaxCapitalizedShare;
    }
  });
  for (const Status& e : errors) {
    if (!e.ok()) return e;
  }
  return facts;
}

}  // namespace lectern
