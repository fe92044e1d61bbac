#include "query/matcher.h"

#include <algorithm>

namespace lectern {

Matcher::Matcher() : query_(std::make_unique<CompiledQuery>()) {}
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

Result<Matcher> Matcher::Create(std::string_view query, bool allow_empty) {
  Analyzer analyzer;
  Result<CompiledQuery> q = CompileQuery(query, analyzer, allow_empty);
  if (!q.ok()) return q.status();
  Matcher m;
  *m.query_ = std::move(q).value();
  return m;
}

const std::vector<MatchUnit>& Matcher::units() const { return query_->units; }

Status Matcher::VisitSegment(const Index& index, uint32_t segment, bool with_spans,
                             const Visitor& visit) const {
  const SegmentView& view = index.segments()[segment];
  SegmentEvaluator evaluator(*query_, view);
  Result<DocList> docs = evaluator.Matches();
  if (!docs.ok()) return docs.status();
  std::vector<MatchSpan> spans;
  std::vector<Span> unit_spans;
  const bool spans_wanted = with_spans && !query_->units.empty();
  for (uint32_t doc : *docs) {
    spans.clear();
    if (spans_wanted) {
      for (size_t u = 0; u < query_->units.size(); ++u) {
        LECTERN_RETURN_IF_ERROR(evaluator.UnitSpans(u, doc, &unit_spans));
        for (const Span& s : unit_spans) {
          spans.push_back(MatchSpan{s.start, s.end, static_cast<uint32_t>(u)});
        }
      }
      std::sort(spans.begin(), spans.end(), [](const MatchSpan& a, const MatchSpan& b) {
        if (a.first != b.first) return a.first < b.first;
        return a.last != b.last ? a.last < b.last : a.unit < b.unit;
      });
    }
    visit(TurnMatch{segment, doc, &spans});
  }
  return Status::Ok();
}

Status Matcher::Visit(const Index& index, bool with_spans, const Visitor& visit) const {
  for (uint32_t s = 0; s < index.segments().size(); ++s) {
    LECTERN_RETURN_IF_ERROR(VisitSegment(index, s, with_spans, visit));
  }
  return Status::Ok();
}

}  // namespace lectern
