#include "index/stats_json.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace lectern {
namespace {

nlohmann::json Pairs(const std::vector<std::pair<std::string, uint64_t>>& v, size_t top) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < std::min(v.size(), top); ++i) {
    out.push_back({{"name", v[i].first}, {"count", v[i].second}});
  }
  return out;
}

nlohmann::json OptionalJson(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

}  // namespace

std::string StatsToJson(const IndexStats& s, const std::string& index_dir, size_t top_outlets) {
  nlohmann::json j = {{"index", index_dir},
                      {"briefings", s.briefings},
                      {"turns", s.turns},
                      {"tokens", s.tokens},
                      {"segments", s.segments},
                      {"bytes_on_disk", s.bytes_on_disk},
                      {"first_date", OptionalJson(s.first_date)},
                      {"last_date", OptionalJson(s.last_date)},
                      {"languages", s.briefings_by_language},
                      {"institutions", s.briefings_by_institution},
                      {"kinds", s.briefings_by_kind},
                      {"months", s.briefings_by_month},
                      {"spokespersons", Pairs(s.briefings_by_spokesperson, SIZE_MAX)},
                      {"outlets", Pairs(s.questions_by_outlet, top_outlets)},
                      {"anonymous_questions", s.anonymous_questions}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace lectern
