// The JSON API of `lectern serve`, apart from HTTP: a path and its
// parameters in, a status code and a JSON body out. The bodies are the
// library's serialisations that the CLI's --json prints, so the API and the
// CLI give the same results for the same parameters.
//
//   GET /api/search?q=&limit=&offset=&sort=   as `lectern search --json`
//   GET /api/briefings/{id}                   as `lectern show --json`
//   GET /api/stats?top=                       as `lectern stats --json`
//   GET /api/kwic, /api/trend, /api/collocates, /api/keyness,
//       /api/talking-points(/{id})            as the commands' --json
//                                             (api_analysis.cc: parameters)
//
// Errors: {"error": message} (+ "column" for a malformed query) with 400 for
// bad input, 404 for an unknown briefing, talking point or path. Nothing a user can type
// gives a 500: that is kept for a damaged index.
#pragma once

#include <string>
#include <string_view>

#include "server/api_params.h"
#include "server/index_holder.h"

namespace lectern {

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
};

// Limits on what one request may ask for.
inline constexpr size_t kApiMaxLimit = 100;           // hits per page
inline constexpr size_t kApiMaxQueryBytes = 1000;     // the query text
inline constexpr size_t kApiMaxTop = 1000;            // stats' outlets
inline constexpr size_t kApiMaxAnalysisLines = 1000;  // concordance lines, collocates, key items
inline constexpr size_t kApiMaxTrendQueries = 8;      // phrases in one trend

class Api {
 public:
  explicit Api(IndexHolder* index) : index_(index) {}

  // Dispatches `path` (already percent-decoded) under /api/.
  ApiResponse Handle(std::string_view path, const QueryParams& params);

  ApiResponse Search(const QueryParams& params);
  ApiResponse Briefing(std::string_view id);
  ApiResponse Stats(const QueryParams& params);
  ApiResponse Kwic(const QueryParams& params);
  ApiResponse Trend(const QueryParams& params);
  ApiResponse Collocates(const QueryParams& params);
  ApiResponse Keyness(const QueryParams& params);
  ApiResponse TalkingPoints(const QueryParams& params);
  ApiResponse TalkingPoint(std::string_view id, const QueryParams& params);

 private:
  IndexHolder* index_;
};

// {"error": message}, with "column" when the message starts "col N: ".
ApiResponse ApiError(int status, const Status& error);

// The HTTP status for a library error: 400 for bad input, 404 for not
// found, 500 otherwise.
int HttpStatusFor(const Status& error);

}  // namespace lectern
