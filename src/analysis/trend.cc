#include "analysis/trend.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "analysis/briefing_tally.h"
#include "analysis/subcorpus.h"
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

// A turn's group as a raw column value (string id or role), so that
// counting per turn costs an integer, and its name once per distinct value.
uint32_t GroupKey(const Segment& s, uint32_t doc, TrendOptions::Per per) {
  switch (per) {
    case TrendOptions::Per::kNone:
      return 0;
    case TrendOptions::Per::kSpeaker:
      return s.turn_speaker(doc);
    case TrendOptions::Per::kOutlet:
      return s.turn_outlet(doc);
    case TrendOptions::Per::kRole:
      return static_cast<uint32_t>(s.turn_role(doc));
  }
  return 0;
}

std::string GroupName(const Segment& s, uint32_t key, TrendOptions::Per per) {
  switch (per) {
    case TrendOptions::Per::kNone:
      return "";
    case TrendOptions::Per::kSpeaker:
    case TrendOptions::Per::kOutlet:
      return key == 0 ? "(none)" : std::string(s.string(key));
    case TrendOptions::Per::kRole:
      return std::string(RoleName(static_cast<Role>(key)));
  }
  return "";
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
  // Cache of day -> period (dates repeat: many turns per briefing).
  std::unordered_map<int32_t, std::string> periods;
  auto period_of = [&](int32_t day) -> const std::string& {
    auto it = periods.find(day);
    if (it == periods.end()) it = periods.emplace(day, PeriodOf(day, options.by)).first;
    return it->second;
  };
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
  const bool grouped = options.per != TrendOptions::Per::kNone;
  int32_t first_day = INT32_MAX, last_day = INT32_MIN;
  result.totals.assign(nq, 0);
  for (uint32_t seg = 0; seg < index.segments().size(); ++seg) {
    const SegmentView& view = index.segments()[seg];
    const Segment& s = *view.segment;
    BriefingTally tokens(s.briefing_count(), grouped);
    std::vector<BriefingTally> counts(nq, BriefingTally(s.briefing_count(), grouped));
    auto add_tokens = [&](uint32_t ordinal, const std::optional<int32_t>& date, uint32_t doc) {
      if (!date) {
        result.undated_tokens += s.turn_length(doc);
        return;
      }
      first_day = std::min(first_day, *date);
      last_day = std::max(last_day, *date);
      tokens.Add(ordinal, GroupKey(s, doc, options.per), s.turn_length(doc));
    };
    if (whole_index) {
      for (uint32_t ordinal = 0; ordinal < s.briefing_count(); ++ordinal) {
        const BriefingMeta& meta = s.briefing(ordinal);
        const uint32_t end = std::min(meta.first_turn + meta.turn_count, s.turn_count());
        for (uint32_t doc = meta.first_turn; doc < end; ++doc) {
          if (view.live(doc)) add_tokens(ordinal, meta.date, doc);
        }
      }
    } else {
      for (uint32_t doc : sub.docs[seg]) {
        const uint32_t ordinal = s.turn_briefing(doc);
        add_tokens(ordinal, s.briefing(ordinal).date, doc);
      }
    }
    for (size_t q = 0; q < nq; ++q) {
      Status st = matchers[q].VisitSegment(index, seg, true, [&](const TurnMatch& m) {
        const uint32_t ordinal = s.turn_briefing(m.doc);
        if (!s.briefing(ordinal).date || m.spans->empty()) return;
        counts[q].Add(ordinal, GroupKey(s, m.doc, options.per), m.spans->size());
        result.totals[q] += m.spans->size();
      });
      if (!st.ok()) return st;
    }
    // Name cells once per distinct (briefing, group), not per turn.
    // Without groups a briefing's cell is looked up once, not once per
    // query: the string-keyed map costs more than the counting.
    std::vector<TrendCell*> cell_of(grouped ? 0 : s.briefing_count(), nullptr);
    auto target = [&](uint32_t ordinal, uint32_t key) -> TrendCell& {
      if (!grouped && cell_of[ordinal]) return *cell_of[ordinal];
      TrendCell& c = cell(period_of(*s.briefing(ordinal).date), GroupName(s, key, options.per));
      if (!grouped) cell_of[ordinal] = &c;
      return c;
    };
    tokens.ForEach(
        [&](uint32_t ordinal, uint32_t key, uint64_t n) { target(ordinal, key).tokens += n; });
    for (size_t q = 0; q < nq; ++q) {
      counts[q].ForEach(
          [&](uint32_t ordinal, uint32_t key, uint64_t n) { target(ordinal, key).counts[q] += n; });
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
