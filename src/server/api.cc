#include "server/api.h"

#include <chrono>

#include "index/stats.h"
#include "index/stats_json.h"
#include "model/briefing_json.h"
#include "query/results_json.h"
#include "query/searcher.h"

namespace lectern {

// No search a user can type holds a server thread longer than this.
constexpr std::chrono::seconds kSearchTimeBudget{5};

int HttpStatusFor(const Status& error) {
  switch (error.code()) {
    case Status::Code::kInvalidArgument:
      return 400;
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kDeadlineExceeded:
      return 503;
    default:
      return 500;
  }
}

ApiResponse ApiError(int status, const Status& error) { return {status, QueryErrorToJson(error)}; }

ApiResponse Api::Handle(std::string_view path, const QueryParams& params) {
  if (path == "/api/search") return Search(params);
  if (path == "/api/stats") return Stats(params);
  if (path == "/api/kwic") return Kwic(params);
  if (path == "/api/trend") return Trend(params);
  if (path == "/api/collocates") return Collocates(params);
  if (path == "/api/keyness") return Keyness(params);
  if (path == "/api/talking-points") return TalkingPoints(params);
  constexpr std::string_view kTalkingPoint = "/api/talking-points/";
  if (path.substr(0, kTalkingPoint.size()) == kTalkingPoint)
    return TalkingPoint(path.substr(kTalkingPoint.size()), params);
  constexpr std::string_view kBriefings = "/api/briefings/";
  if (path.substr(0, kBriefings.size()) == kBriefings)
    return Briefing(path.substr(kBriefings.size()));
  return ApiError(404, Status::NotFound("no such API endpoint: " + std::string(path)));
}

ApiResponse Api::Search(const QueryParams& params) {
  Result<std::string> q = TextParam(params, "q", true, kApiMaxQueryBytes);
  if (!q.ok()) return ApiError(400, q.status());
  Result<size_t> limit = SizeParam(params, "limit", 10, 1, kApiMaxLimit);
  if (!limit.ok()) return ApiError(400, limit.status());
  Result<size_t> offset = SizeParam(params, "offset", 0, 0, kMaxResultWindow - *limit);
  if (!offset.ok()) return ApiError(400, offset.status());
  Result<std::string> sort = ChoiceParam(params, "sort", "relevance", "relevance|date");
  if (!sort.ok()) return ApiError(400, sort.status());

  Searcher searcher(index_->Current());
  SearchOptions options;
  options.limit = *limit;
  options.offset = *offset;
  options.sort = *sort == "date" ? SearchOptions::Sort::kDate : SearchOptions::Sort::kRelevance;
  options.deadline = std::chrono::steady_clock::now() + kSearchTimeBudget;
  Result<SearchResults> results = searcher.Search(*q, options);
  if (!results.ok()) return ApiError(HttpStatusFor(results.status()), results.status());
  return {200, SearchResultsToJson(*results, *q, *offset, *limit)};
}

ApiResponse Api::Briefing(std::string_view id) {
  if (id.empty() || id.size() > 200 || id.find('/') != std::string_view::npos) {
    return ApiError(
        404, Status::NotFound("no briefing '" + std::string(id.substr(0, 200)) + "' in the index"));
  }
  Result<lectern::Briefing> briefing = index_->Current()->LoadBriefing(id);
  if (!briefing.ok()) return ApiError(HttpStatusFor(briefing.status()), briefing.status());
  return {200, ToJsonLine(*briefing)};
}

ApiResponse Api::Stats(const QueryParams& params) {
  Result<size_t> top = SizeParam(params, "top", 15, 1, kApiMaxTop);
  if (!top.ok()) return ApiError(400, top.status());
  std::shared_ptr<const Index> index = index_->Current();
  return {200, StatsToJson(ComputeStats(*index), index_->dir(), *top)};
}

}  // namespace lectern
