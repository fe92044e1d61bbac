#include "analysis/trend_cells.h"

#include <algorithm>
#include <functional>
#include <map>

namespace lectern {

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

SegmentCells BuildSegmentCells(const SegmentView& view, const std::vector<uint32_t>* docs,
                               TrendOptions::By by, TrendOptions::Per per) {
  const Segment& s = *view.segment;
  SegmentCells out;
  out.grouped = per != TrendOptions::Per::kNone;
  // Tokens per briefing (or per (briefing, group)) first, cells after: the
  // string-keyed cell lookup is paid once per briefing, not per turn.
  std::vector<uint64_t> flat;
  std::vector<bool> touched;
  std::unordered_map<uint64_t, uint64_t> pairs;
  if (!out.grouped) {
    flat.assign(s.briefing_count(), 0);
    touched.assign(s.briefing_count(), false);
  }
  auto add = [&](uint32_t ordinal, const std::optional<int32_t>& date, uint32_t doc) {
    if (!date) {
      out.undated_tokens += s.turn_length(doc);
      return;
    }
    out.first_day = std::min(out.first_day, *date);
    out.last_day = std::max(out.last_day, *date);
    if (out.grouped) {
      pairs[(uint64_t{ordinal} << 32) | GroupKey(s, doc, per)] += s.turn_length(doc);
    } else {
      flat[ordinal] += s.turn_length(doc);
      touched[ordinal] = true;
    }
  };
  if (docs == nullptr) {
    for (uint32_t ordinal = 0; ordinal < s.briefing_count(); ++ordinal) {
      const BriefingMeta& meta = s.briefing(ordinal);
      const uint32_t end = std::min(meta.first_turn + meta.turn_count, s.turn_count());
      for (uint32_t doc = meta.first_turn; doc < end; ++doc) {
        if (view.live(doc)) add(ordinal, meta.date, doc);
      }
    }
  } else {
    for (uint32_t doc : *docs) {
      const uint32_t ordinal = s.turn_briefing(doc);
      add(ordinal, s.briefing(ordinal).date, doc);
    }
  }

  std::unordered_map<int32_t, std::string> periods;  // day -> period (days repeat)
  std::map<std::pair<std::string, std::string>, uint32_t> index;
  auto cell = [&](uint32_t ordinal, uint32_t key) -> uint32_t {
    const int32_t day = *s.briefing(ordinal).date;
    auto p = periods.find(day);
    if (p == periods.end()) p = periods.emplace(day, PeriodOf(day, by)).first;
    auto [it, added] = index.try_emplace({p->second, GroupName(s, key, per)},
                                         static_cast<uint32_t>(out.cells.size()));
    if (added) out.cells.push_back({it->first.first, it->first.second, 0});
    return it->second;
  };
  if (out.grouped) {
    out.pair_cell.reserve(pairs.size());
    for (const auto& [k, n] : pairs) {
      const uint32_t c = cell(static_cast<uint32_t>(k >> 32), static_cast<uint32_t>(k));
      out.cells[c].tokens += n;
      out.pair_cell.emplace(k, c);
    }
  } else {
    out.briefing_cell.assign(s.briefing_count(), SegmentCells::kNoCell);
    for (uint32_t ordinal = 0; ordinal < flat.size(); ++ordinal) {
      if (!touched[ordinal]) continue;
      const uint32_t c = cell(ordinal, 0);
      out.cells[c].tokens += flat[ordinal];
      out.briefing_cell[ordinal] = c;
    }
  }
  return out;
}

TrendCellCache& TrendCellCache::Shared() {
  static TrendCellCache* cache = new TrendCellCache();  // never destroyed: threads may outlive main
  return *cache;
}

std::shared_ptr<const SegmentCells> TrendCellCache::Get(const SegmentView& view,
                                                        TrendOptions::By by,
                                                        TrendOptions::Per per) {
  // Deletions only grow between commits, but the hash also keeps views
  // apart that share a Segment yet not its deletions, whatever their order.
  const size_t deleted_hash = std::hash<std::vector<bool>>()(view.deleted_turns);
  auto same = [&](const Entry& e) {
    const std::weak_ptr<const Segment>& w = e.segment;
    return !w.owner_before(view.segment) && !view.segment.owner_before(w) &&
           e.live_turns == view.live_turns && e.deleted_hash == deleted_hash && e.by == by &&
           e.per == per;
  };
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = entries_.begin(); it != entries_.end(); ++it) {
      if (same(*it)) {
        entries_.splice(entries_.begin(), entries_, it);
        return it->cells;
      }
    }
  }
  // Built outside the lock: other trends go on meanwhile (two threads may
  // build the same cells; the second finds the first's entry and uses it).
  auto cells = std::make_shared<const SegmentCells>(BuildSegmentCells(view, nullptr, by, per));
  std::lock_guard<std::mutex> lock(mu_);
  ++builds_;
  for (auto it = entries_.begin(); it != entries_.end(); ++it) {
    if (same(*it)) return it->cells;
  }
  // Entries of segments no longer open are dropped first, then the oldest.
  entries_.remove_if([](const Entry& e) { return e.segment.expired(); });
  entries_.push_front(Entry{view.segment, view.live_turns, deleted_hash, by, per, cells});
  if (entries_.size() > capacity_) entries_.pop_back();
  return cells;
}

void TrendCellCache::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.clear();
}

uint64_t TrendCellCache::builds() const {
  std::lock_guard<std::mutex> lock(mu_);
  return builds_;
}

}  // namespace lectern
