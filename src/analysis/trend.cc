#include "analysis/trend.h"

#include <algorithm>
#include <map>

#include "analysis/subcorpus.h"
#include "analysis/trend_cells.h"
#include "base/dates.h"
#include "query/matcher.h"

namespace lectern {
namespace {

struct YearMonth {
  int year, month;
};

YearMonth YearMonthOf(int32_t days) {
  const std::string iso = IsoDateFromDays(days);
  return {std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2))};
}

std::string Format(int year, int month, TrendOptions::By by) {
  char buf[40];
  switch (by) {
    case TrendOptions::By::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      break;
    case TrendOptions::By::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", year, (month - 1) / 3 + 1);
      break;
    case TrendOptions::By::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
  }
  return buf;
}

}  // namespace

std::string PeriodOf(int32_t days, TrendOptions::By by) {
  const YearMonth ym = YearMonthOf(days);
  return Format(ym.year, ym.month, by);
}

Result<TrendResult> Trend(const Index& index, const TrendOptions& options) {
  if (options.queries.empty()) return Status::InvalidArgument("trend needs at least one query");
  std::vector<Matcher> matchers;
  for (const std::string& q : options.queries) {
    Result<Matcher> m = Matcher::Create(CombineQuery(q, options.filter));
    if (!m.ok()) return m.status();
    if (m->filters_only()) {
      return Status::InvalidArgument("'" + q + "' has only filters: nothing to count");
    }
    matchers.push_back(std::move(m).value());
  }
  // Without a filter the subcorpus is every live turn: read straight from
  // the columns instead of sending a million turns through the evaluator.
  const bool whole_index = options.filter.find_first_not_of(" \t\r\n") == std::string::npos;
  Subcorpus sub;
  if (!whole_index) {
    Result<Subcorpus> selected = SelectTurns(index, options.filter);
    if (!selected.ok()) return selected.status();
    sub = std::move(selected).value();
  }

  TrendResult result;
  result.queries = options.queries;
  const size_t nq = options.queries.size();
  std::map<std::pair<std::string, std::string>, TrendCell> cells;
  auto cell = [&](const std::string& period, const std::string& group) -> TrendCell& {
    TrendCell& c = cells[{period, group}];
    if (c.counts.empty()) {
      c.period = period;
      c.group = group;
      c.counts.assign(nq, 0);
    }
    return c;
  };
  int32_t first_day = INT32_MAX, last_day = INT32_MIN;
  result.totals.assign(nq, 0);
  for (uint32_t seg = 0; seg < index.segments().size(); ++seg) {
    const SegmentView& view = index.segments()[seg];
    const Segment& s = *view.segment;
    // The token totals of the whole index are cached between calls; those
    // of a filtered subcorpus are built for this call.
    const std::shared_ptr<const SegmentCells> seg_cells =
        whole_index ? TrendCellCache::Shared().Get(view, options.by, options.per)
                    : std::make_shared<const SegmentCells>(
                          BuildSegmentCells(view, &sub.docs[seg], options.by, options.per));
    result.undated_tokens += seg_cells->undated_tokens;
    first_day = std::min(first_day, seg_cells->first_day);
    last_day = std::max(last_day, seg_cells->last_day);
    std::vector<uint64_t> counts(seg_cells->cells.size() * nq, 0);
    for (size_t q = 0; q < nq; ++q) {
      Status st = matchers[q].VisitSegment(index, seg, true, [&](const TurnMatch& m) {
        const uint32_t ordinal = s.turn_briefing(m.doc);
        const std::optional<int32_t>& date = s.briefing(ordinal).date;
        if (!date || m.spans->empty()) return;
        const uint32_t key = GroupKey(s, m.doc, options.per);
        const uint32_t c = seg_cells->CellOf(ordinal, key);
        if (c != SegmentCells::kNoCell) {
          counts[size_t{c} * nq + q] += m.spans->size();
        } else {  // a match outside the subcorpus's turns: not expected, but counted as before
          cell(PeriodOf(*date, options.by), GroupName(s, key, options.per)).counts[q] +=
              m.spans->size();
        }
        result.totals[q] += m.spans->size();
      });
      if (!st.ok()) return st;
    }
    for (size_t c = 0; c < seg_cells->cells.size(); ++c) {
      const SegmentCells::Cell& from = seg_cells->cells[c];
      TrendCell& to = cell(from.period, from.group);
      to.tokens += from.tokens;
      for (size_t q = 0; q < nq; ++q) to.counts[q] += counts[c * nq + q];
    }
  }
  // Every period from the first to the last, and groups by total count.
  if (first_day <= last_day) {
    YearMonth ym = YearMonthOf(first_day);
    const YearMonth end = YearMonthOf(last_day);
    std::string last;
    while (ym.year < end.year || (ym.year == end.year && ym.month <= end.month)) {
      std::string p = Format(ym.year, ym.month, options.by);
      if (p != last) result.periods.push_back(p);
      last = p;
      if (++ym.month > 12) {
        ym.month = 1;
        ++ym.year;
      }
    }
  }
  std::map<std::string, uint64_t> group_total;
  for (const auto& [key, c] : cells) {
    uint64_t& t = group_total[key.second];
    for (uint64_t n : c.counts) t += n;
  }
  for (const auto& [g, n] : group_total) result.groups.push_back(g);
  std::stable_sort(
      result.groups.begin(), result.groups.end(),
      [&](const std::string& a, const std::string& b) { return group_total[a] > group_total[b]; });
  for (const std::string& p : result.periods) {
    for (const std::string& g : result.groups) {
      TrendCell c = cell(p, g);
      c.per_10k.assign(nq, 0.0);
      for (size_t q = 0; q < nq; ++q) {
        if (c.tokens > 0) c.per_10k[q] = c.counts[q] * 10000.0 / c.tokens;
      }
      result.cells.push_back(std::move(c));
    }
  }
  return result;
}

}  // namespace lectern
