#include "analysis/analysis_json.h"

#include <nlohmann/json.hpp>

namespace lectern {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json KeyItemJson(const KeyItem& k) {
  return Json{{"text", k.text},
              {"target", k.target},
              {"reference", k.reference},
              {"target_per_10k", k.target_per_10k},
              {"reference_per_10k", k.reference_per_10k},
              {"ll", k.ll},
              {"chi2", k.chi2},
              {"log_ratio", k.log_ratio},
              {"p", k.p},
              {"score", k.score}};
}

}  // namespace

std::string KwicToJson(const KwicResult& r) {
  Json lines = Json::array();
  for (const KwicLine& l : r.lines) {
    lines.push_back(Json{{"briefing_id", l.briefing_id},
                         {"turn", l.turn},
                         {"date", l.date ? Json(*l.date) : Json(nullptr)},
                         {"speaker", OrNull(l.speaker)},
                         {"role", l.role},
                         {"outlet", OrNull(l.outlet)},
                         {"left", l.left},
                         {"match", l.match},
                         {"right", l.right},
                         {"first", l.first},
                         {"last", l.last}});
  }
  return Dump(Json{{"total_matches", r.total_matches},
                   {"total_turns", r.total_turns},
                   {"lines", std::move(lines)}});
}

std::string TrendToJson(const TrendResult& r) {
  Json cells = Json::array();
  for (const TrendCell& c : r.cells) {
    cells.push_back(Json{{"period", c.period},
                         {"group", c.group.empty() ? Json(nullptr) : Json(c.group)},
                         {"tokens", c.tokens},
                         {"counts", c.counts},
                         {"per_10k", c.per_10k}});
  }
  return Dump(Json{{"queries", r.queries},
                   {"periods", r.periods},
                   {"groups", r.groups},
                   {"totals", r.totals},
                   {"undated_tokens", r.undated_tokens},
                   {"cells", std::move(cells)}});
}

std::string CollocatesToJson(const CollocatesResult& r, AssociationMeasure measure) {
  Json list = Json::array();
  for (const Collocate& c : r.collocates) {
    list.push_back(Json{{"term", c.term},
                        {"observed", c.observed},
                        {"expected", c.expected},
                        {"frequency", c.frequency},
                        {"left", c.left},
                        {"right", c.right},
                        {"ll", c.ll},
                        {"mi", c.mi},
                        {"t", c.t},
                        {"dice", c.dice},
                        {"log_dice", c.log_dice},
                        {"score", c.score}});
  }
  return Dump(Json{{"measure", MeasureName(measure)},
                   {"node_frequency", r.node_frequency},
                   {"window_tokens", r.window_tokens},
                   {"corpus_tokens", r.corpus_tokens},
                   {"collocates", std::move(list)}});
}

std::string KeynessToJson(const KeynessResult& r, KeynessMeasure measure) {
  Json over = Json::array(), under = Json::array();
  for (const KeyItem& k : r.over) over.push_back(KeyItemJson(k));
  for (const KeyItem& k : r.under) under.push_back(KeyItemJson(k));
  return Dump(Json{{"measure", KeynessMeasureName(measure)},
                   {"target_tokens", r.target_tokens},
                   {"reference_tokens", r.reference_tokens},
                   {"over", std::move(over)},
                   {"under", std::move(under)}});
}

std::string NgramsToJson(const NgramsResult& r) {
  Json list = Json::array();
  for (const Ngram& n : r.ngrams) {
    list.push_back(
        Json{{"text", n.text}, {"n", n.n}, {"count", n.count}, {"briefings", n.briefings}});
  }
  return Dump(Json{{"corpus_tokens", r.corpus_tokens},
                   {"corpus_briefings", r.corpus_briefings},
                   {"ngrams", std::move(list)}});
}

}  // namespace lectern
