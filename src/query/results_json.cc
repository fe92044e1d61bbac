#include "query/results_json.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

namespace lectern {
namespace {

nlohmann::json OptionalJson(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json TurnJson(const Turn& turn) {
  return {{"speaker", OptionalJson(turn.speaker)},
          {"role", std::string(RoleName(turn.role))},
          {"outlet", OptionalJson(turn.outlet)},
          {"follow_up", turn.follow_up},
          {"text", turn.text}};
}

}  // namespace

std::string SearchResultsToJson(const SearchResults& r, std::string_view query, size_t offset,
                                size_t limit) {
  nlohmann::json hits = nlohmann::json::array();
  for (const Hit& hit : r.hits) {
    nlohmann::json highlights = nlohmann::json::array();
    for (const Highlight& h : hit.snippet.highlights) highlights.push_back({h.begin, h.end});
    nlohmann::json exchange = nlohmann::json::array();
    for (size_t i = 0; i < hit.exchange.size(); ++i) {
      nlohmann::json t = TurnJson(hit.exchange[i]);
      t["turn"] = hit.exchange_turns[i];
      exchange.push_back(std::move(t));
    }
    nlohmann::json j = TurnJson(hit.matched);
    j["briefing"] = hit.briefing_id;
    j["turn"] = hit.turn;
    j["score"] = hit.score;
    j["date"] = OptionalJson(hit.date);
    j["title"] = hit.title;
    j["snippet"] = {{"text", hit.snippet.text}, {"highlights", highlights}};
    j["exchange"] = std::move(exchange);
    hits.push_back(std::move(j));
  }
  nlohmann::json out = {{"query", query},
                        {"total_turns", r.total_turns},
                        {"total_briefings", r.total_briefings},
                        {"offset", offset},
                        {"limit", limit},
                        {"hits", std::move(hits)}};
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string QueryErrorToJson(const Status& status) {
  const std::string& message = status.message();
  nlohmann::json error = {{"error", message}};
  if (message.rfind("col ", 0) == 0)
    error["column"] = std::strtoul(message.c_str() + 4, nullptr, 10);
  return error.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace lectern
