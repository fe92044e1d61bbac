#include "analysis/talking_points_json.h"

#include <nlohmann/json.hpp>

namespace lectern {
namespace {

using nlohmann::json;

json Optional(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

std::string Dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json UseJson(const TalkingPointUse& u) {
  return {{"briefing", u.briefing_id},
          {"date", Optional(u.date)},
          {"speaker", Optional(u.speaker)},
          {"role", std::string(RoleName(u.role))},
          {"turn", u.turn}};
}

json OccurrenceJson(const TalkingPointOccurrence& o, const UseInContext* context) {
  json j = UseJson(o.use);
  j["token_begin"] = o.token_begin;
  j["token_end"] = o.token_end;
  j["similarity"] = std::round(o.similarity * 1000) / 1000;
  j["verbatim"] = o.verbatim;
  j["quotes_earlier_answer"] = o.quotes_earlier_answer;
  if (context != nullptr) {
    json differences = json::array();
    for (const auto& [b, e] : context->differences) differences.push_back({b, e});
    j["context"] = context->context;
    j["highlight"] = {context->begin, context->end};
    j["differences"] = std::move(differences);
    j["missing"] = context->missing;
  }
  return j;
}

json UsesJson(const std::vector<TalkingPointOccurrence>& uses,
              const std::vector<UseInContext>& contexts) {
  json out = json::array();
  const bool with_context = contexts.size() == uses.size();
  for (size_t i = 0; i < uses.size(); ++i) {
    out.push_back(OccurrenceJson(uses[i], with_context ? &contexts[i] : nullptr));
  }
  return out;
}

json PointJson(const TalkingPoint& p, bool with_uses, const std::vector<UseInContext>& contexts) {
  json speakers = json::array();
  for (const auto& [name, n] : p.speakers) speakers.push_back({{"name", name}, {"uses", n}});
  json years = json::object();
  for (const auto& [year, n] : p.briefings_per_year) years[std::to_string(year)] = n;
  json j = {{"id", p.id},
            {"text", p.text},
            {"length", p.length},
            {"language", p.language},
            {"briefings", p.briefings},
            {"occurrences", p.occurrences},
            {"variant_occurrences", p.variant_occurrences},
            {"variants", p.variants},
            {"questions",
             {{"briefings", p.question_briefings},
              {"occurrences", p.question_occurrences},
              {"quoting_earlier_answers", p.quoting_questions}}},
            {"first_use", UseJson(p.first_use)},
            {"last_use", UseJson(p.last_use)},
            {"speakers", std::move(speakers)},
            {"per_year", std::move(years)},
            {"boilerplate", Optional(p.boilerplate)},
            {"source",
             {{"briefing", p.source.briefing_id},
              {"turn", p.source.turn},
              {"token_begin", p.source.begin},
              {"token_end", p.source.end}}}};
  if (with_uses) j["uses"] = UsesJson(p.uses, contexts);
  return j;
}

const char* SortName(TalkingPointOptions::Sort s) {
  switch (s) {
    case TalkingPointOptions::Sort::kFirstUse:
      return "first-use";
    case TalkingPointOptions::Sort::kLastUse:
      return "last-use";
    case TalkingPointOptions::Sort::kCount:
      return "count";
    case TalkingPointOptions::Sort::kSpread:
      break;
  }
  return "spread";
}

}  // namespace

std::string TalkingPointsReportToJson(const TalkingPointsReport& report, bool with_uses) {
  const TalkingPointOptions& o = report.options;
  json points = json::array();
  for (const TalkingPoint& p : report.talking_points) points.push_back(PointJson(p, with_uses, {}));
  json j = {{"briefings", report.briefings},
            {"turns", report.turns},
            {"tokens", report.tokens},
            {"points", report.points},
            {"boilerplate", report.boilerplate},
            {"options",
             {{"filter", o.filter},
              {"min_words", o.min_words},
              {"min_chars", o.min_chars},
              {"min_briefings", o.min_briefings},
              {"similarity", o.similarity},
              {"max_share", o.max_share},
              {"include_boilerplate", o.include_boilerplate},
              {"sort", SortName(o.sort)},
              {"limit", o.limit}}},
            {"talking_points", std::move(points)}};
  return Dump(j);
}

std::string TalkingPointToJson(const TalkingPoint& point, bool with_uses,
                               const std::vector<UseInContext>& contexts) {
  return Dump(PointJson(point, with_uses, contexts));
}

std::string TraceReportToJson(const TraceReport& report,
                              const std::vector<UseInContext>& contexts) {
  json j = {{"text", report.text},
            {"length", report.length},
            {"briefings_searched", report.briefings_searched},
            {"briefings", report.briefings},
            {"verbatim", report.verbatim},
            {"uses", UsesJson(report.uses, contexts)}};
  return Dump(j);
}

}  // namespace lectern
