#include "index/stats.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/dates.h"

namespace lectern {
namespace {

std::vector<std::pair<std::string, uint64_t>> MostFirst(const std::map<std::string, uint64_t>& m) {
  std::vector<std::pair<std::string, uint64_t>> v(m.begin(), m.end());
  std::stable_sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.second > b.second; });
  return v;
}

}  // namespace

IndexStats ComputeStats(const Index& index) {
  IndexStats stats;
  stats.briefings = index.live_briefings();
  stats.turns = index.live_turns();
  stats.tokens = index.live_tokens();
  stats.segments = index.segments().size();
  std::optional<int32_t> first, last;
  std::map<std::string, uint64_t> spokespersons, outlets;
  for (const SegmentView& view : index.segments()) {
    const Segment& s = *view.segment;
    std::error_code ec;
    stats.bytes_on_disk += std::filesystem::file_size(s.path(), ec);
    for (uint32_t b = 0; b < s.briefing_count(); ++b) {
      if (view.deleted_briefings[b]) continue;
      const BriefingMeta& meta = s.briefing(b);
      ++stats.briefings_by_language[std::string(s.string(meta.language))];
      ++stats.briefings_by_institution[std::string(s.string(meta.institution))];
      ++stats.briefings_by_kind[std::string(s.string(meta.kind))];
      if (meta.date) {
        ++stats.briefings_by_month[IsoDateFromDays(*meta.date).substr(0, 7)];
        if (!first || *meta.date < *first) first = meta.date;
        if (!last || *meta.date > *last) last = meta.date;
      }
      std::set<uint32_t> speakers;
      for (uint32_t t = meta.first_turn; t < meta.first_turn + meta.turn_count; ++t) {
        if (s.turn_role(t) == Role::kQuestion) {
          if (s.turn_outlet(t) == 0) {
            ++stats.anonymous_questions;
          } else {
            ++outlets[std::string(s.string(s.turn_outlet(t)))];
          }
        } else if (s.turn_speaker(t) != 0) {
          speakers.insert(s.turn_speaker(t));
        }
      }
      for (uint32_t id : speakers) ++spokespersons[std::string(s.string(id))];
    }
  }
  if (first) stats.first_date = IsoDateFromDays(*first);
  if (last) stats.last_date = IsoDateFromDays(*last);
  stats.briefings_by_spokesperson = MostFirst(spokespersons);
  stats.questions_by_outlet = MostFirst(outlets);
  return stats;
}

}  // namespace lectern
