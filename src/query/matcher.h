// Matcher: every live turn a query matches, with the token spans that
// matched, for the corpus analyses (KWIC lines, counts per period).
//
// The query is the search language (parser.h). Its positive units (words,
// phrases and prefixes outside NOT, and whole NEAR groups) report spans;
// field filters only choose turns, so a filters-only query such as
// `speaker:"Wang Wenbin" date:2020..` (or, when allowed, the empty query)
// selects a subcorpus of turns with no spans.
//
// Thread safety: a Matcher is immutable once created; VisitSegment may run
// for different segments on different threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/index.h"
#include "query/evaluator.h"

namespace lectern {

struct MatchSpan {
  uint32_t first = 0, last = 0;  // token positions, inclusive
  uint32_t unit = 0;             // index into Matcher::units()
};

struct TurnMatch {
  uint32_t segment = 0;  // index into Index::segments()
  uint32_t doc = 0;      // the turn, as the segment's document number
  // Ascending by (first, last, unit); empty for filters-only queries or
  // when spans were not asked for. Units may overlap ("China" and "China's
  // position" both report their spans).
  const std::vector<MatchSpan>* spans = nullptr;
};

class Matcher {
 public:
  // Errors: kInvalidArgument "col N: ..." as Searcher::Search. With
  // `allow_empty`, blank text is the query of every live turn.
  static Result<Matcher> Create(std::string_view query, bool allow_empty = false);
  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  const std::vector<MatchUnit>& units() const;
  bool filters_only() const { return units().empty(); }

  using Visitor = std::function<void(const TurnMatch&)>;

  // Visits the matching turns of one segment in document order. Errors:
  // an over-wide prefix.
  Status VisitSegment(const Index& index, uint32_t segment, bool with_spans,
                      const Visitor& visit) const;

  // Every segment in turn: (segment, doc) order.
  Status Visit(const Index& index, bool with_spans, const Visitor& visit) const;

 private:
  Matcher();
  std::unique_ptr<CompiledQuery> query_;
};

}  // namespace lectern
