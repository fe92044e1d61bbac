// The corpus analyses of the API: /api/kwic, /api/trend, /api/collocates,
// /api/keyness, /api/talking-points(/{id}). Parameters mirror the CLI's options;
// bodies are the library's serialisations that the CLI's --json prints.
#include "analysis/analysis_json.h"
#include "analysis/passage_text.h"
#include "analysis/talking_points.h"
#include "analysis/talking_points_json.h"
#include "server/api.h"

namespace lectern {
namespace {

// Returns the 400 from the enclosing handler when `result` is an error.
#define API_TRY(var, expr) \
  auto var = (expr);       \
  if (!var.ok()) return ApiError(400, var.status())

bool Flag(const QueryParams& params, const std::string& name) {
  std::optional<std::string> v = Param(params, name);
  return v && (*v == "1" || *v == "true" || *v == "yes" || *v == "on");
}

template <typename T>
ApiResponse Respond(const Result<T>& result, const std::function<std::string(const T&)>& json) {
  if (!result.ok()) return ApiError(HttpStatusFor(result.status()), result.status());
  return {200, json(*result)};
}

}  // namespace

ApiResponse Api::Kwic(const QueryParams& params) {
  API_TRY(q, TextParam(params, "q", true, kApiMaxQueryBytes));
  API_TRY(filter, TextParam(params, "filter", false, kApiMaxQueryBytes));
  API_TRY(width, SizeParam(params, "width", 40, 5, 200));
  API_TRY(limit, SizeParam(params, "limit", 100, 1, kApiMaxAnalysisLines));
  API_TRY(sort, ChoiceParam(params, "sort", "date", "date|left|right"));
  KwicOptions o;
  o.query = *q;
  o.filter = *filter;
  o.width = static_cast<int>(*width);
  o.limit = *limit;
  o.sentence = Flag(params, "sentence");
  o.sort = *sort == "left"    ? KwicOptions::Sort::kLeft
           : *sort == "right" ? KwicOptions::Sort::kRight
                              : KwicOptions::Sort::kDate;
  return Respond<KwicResult>(lectern::Kwic(*index_->Current(), o), KwicToJson);
}

ApiResponse Api::Trend(const QueryParams& params) {
  TrendOptions o;
  auto [begin, end] = params.equal_range("q");
  for (auto it = begin; it != end; ++it) {
    if (it->second.empty()) continue;
    QueryParams one = {{"q", it->second}};
    API_TRY(q, TextParam(one, "q", true, kApiMaxQueryBytes));
    o.queries.push_back(*q);
  }
  if (o.queries.empty()) return ApiError(400, Status::InvalidArgument("q: missing"));
  if (o.queries.size() > kApiMaxTrendQueries) {
    return ApiError(400, Status::InvalidArgument("q: at most " +
                                                 std::to_string(kApiMaxTrendQueries) + " queries"));
  }
  API_TRY(filter, TextParam(params, "filter", false, kApiMaxQueryBytes));
  API_TRY(by, ChoiceParam(params, "by", "month", "month|quarter|year"));
  API_TRY(per, ChoiceParam(params, "per", "none", "none|speaker|outlet|role"));
  o.filter = *filter;
  o.by = *by == "year"      ? TrendOptions::By::kYear
         : *by == "quarter" ? TrendOptions::By::kQuarter
                            : TrendOptions::By::kMonth;
  o.per = *per == "speaker"  ? TrendOptions::Per::kSpeaker
          : *per == "outlet" ? TrendOptions::Per::kOutlet
          : *per == "role"   ? TrendOptions::Per::kRole
                             : TrendOptions::Per::kNone;
  return Respond<TrendResult>(lectern::Trend(*index_->Current(), o), TrendToJson);
}

ApiResponse Api::Collocates(const QueryParams& params) {
  API_TRY(q, TextParam(params, "q", true, kApiMaxQueryBytes));
  API_TRY(filter, TextParam(params, "filter", false, kApiMaxQueryBytes));
  API_TRY(left, SizeParam(params, "left", 5, 0, 20));
  API_TRY(right, SizeParam(params, "right", 5, 0, 20));
  API_TRY(measure, ChoiceParam(params, "measure", "ll", "ll|mi|t|dice|logdice"));
  API_TRY(min_freq, SizeParam(params, "min_freq", 3, 1, 1000000));
  API_TRY(limit, SizeParam(params, "limit", 50, 1, kApiMaxAnalysisLines));
  CollocatesOptions o;
  o.node = *q;
  o.filter = *filter;
  o.left = static_cast<uint32_t>(*left);
  o.right = static_cast<uint32_t>(*right);
  o.measure = *measure == "mi"        ? AssociationMeasure::kMutualInformation
              : *measure == "t"       ? AssociationMeasure::kTScore
              : *measure == "dice"    ? AssociationMeasure::kDice
              : *measure == "logdice" ? AssociationMeasure::kLogDice
                                      : AssociationMeasure::kLogLikelihood;
  o.min_freq = *min_freq;
  o.limit = *limit;
  o.drop_stopwords = Flag(params, "no_stopwords");
  Result<CollocatesResult> r = lectern::Collocates(*index_->Current(), o);
  if (!r.ok()) return ApiError(HttpStatusFor(r.status()), r.status());
  return {200, CollocatesToJson(*r, o.measure)};
}

ApiResponse Api::Keyness(const QueryParams& params) {
  API_TRY(target, TextParam(params, "target", true, kApiMaxQueryBytes));
  API_TRY(reference, TextParam(params, "reference", false, kApiMaxQueryBytes));
  API_TRY(measure, ChoiceParam(params, "measure", "ll", "ll|chi2|logratio"));
  API_TRY(ngrams, SizeParam(params, "ngrams", 1, 1, 5));
  API_TRY(min_freq, SizeParam(params, "min_freq", 5, 1, 1000000));
  API_TRY(limit, SizeParam(params, "limit", 30, 1, kApiMaxAnalysisLines));
  KeynessOptions o;
  o.target = *target;
  o.reference = *reference;
  o.measure = *measure == "chi2"       ? KeynessMeasure::kChiSquared
              : *measure == "logratio" ? KeynessMeasure::kLogRatio
                                       : KeynessMeasure::kLogLikelihood;
  o.ngrams = static_cast<int>(*ngrams);
  o.min_freq = *min_freq;
  o.limit = *limit;
  o.drop_stopwords = Flag(params, "no_stopwords");
  Result<KeynessResult> r = lectern::Keyness(*index_->Current(), o);
  if (!r.ok()) return ApiError(HttpStatusFor(r.status()), r.status());
  return {200, KeynessToJson(*r, o.measure)};
}

// The options of /api/talking-points and /api/talking-points/{id}: a point's
// id depends on them only through which points exist, so the page passes the
// list's options to the detail to find the same point.
static Result<TalkingPointOptions> TalkingPointOptionsFrom(const QueryParams& params) {
  Result<std::string> filter = TextParam(params, "filter", false, kApiMaxQueryBytes);
  if (!filter.ok()) return filter.status();
  Result<size_t> min_words = SizeParam(params, "min_words", 8, 3, 200);
  if (!min_words.ok()) return min_words.status();
  Result<size_t> min_briefings = SizeParam(params, "min_briefings", 3, 2, 100000);
  if (!min_briefings.ok()) return min_briefings.status();
  Result<size_t> limit = SizeParam(params, "limit", 20, 1, 200);
  if (!limit.ok()) return limit.status();
  Result<std::string> sort =
      ChoiceParam(params, "sort", "spread", "spread|first-use|last-use|count");
  if (!sort.ok()) return sort.status();
  TalkingPointOptions o;
  o.filter = *filter;
  o.min_words = *min_words;
  o.min_briefings = *min_briefings;
  o.limit = *limit;
  o.include_boilerplate = Flag(params, "include_boilerplate");
  o.sort = *sort == "first-use"  ? TalkingPointOptions::Sort::kFirstUse
           : *sort == "last-use" ? TalkingPointOptions::Sort::kLastUse
           : *sort == "count"    ? TalkingPointOptions::Sort::kCount
                                 : TalkingPointOptions::Sort::kSpread;
  return o;
}

ApiResponse Api::TalkingPoints(const QueryParams& params) {
  API_TRY(o, TalkingPointOptionsFrom(params));
  Result<TalkingPointsReport> r = FindTalkingPoints(index_->Current(), *o);
  if (!r.ok()) return ApiError(HttpStatusFor(r.status()), r.status());
  return {200, TalkingPointsReportToJson(*r, Flag(params, "uses"))};
}

// As `lectern talking-points show ID --json`: the point with every use in
// its context (the sentence around it, the differences from the canonical
// wording), which the list leaves out because it costs a briefing read each.
ApiResponse Api::TalkingPoint(std::string_view id, const QueryParams& params) {
  API_TRY(o, TalkingPointOptionsFrom(params));
  if (id.empty() || id.size() > 64) {
    return ApiError(404, Status::NotFound("no such talking point: " + std::string(id)));
  }
  std::shared_ptr<const Index> index = index_->Current();
  Result<lectern::TalkingPoint> point = FindTalkingPoint(index, *o, id);
  if (!point.ok()) return ApiError(HttpStatusFor(point.status()), point.status());
  Result<ReferenceWording> reference = WordingOf(*index, point->source);
  if (!reference.ok()) return ApiError(HttpStatusFor(reference.status()), reference.status());
  std::vector<PassageRef> refs;
  for (const TalkingPointOccurrence& u : point->uses) {
    refs.push_back({u.use.briefing_id, u.use.turn, u.token_begin, u.token_end});
  }
  Result<std::vector<UseInContext>> contexts = UsesInContext(*index, *reference, refs);
  if (!contexts.ok()) return ApiError(HttpStatusFor(contexts.status()), contexts.status());
  return {200, TalkingPointToJson(*point, true, *contexts)};
}

}  // namespace lectern
