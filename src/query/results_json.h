// JSON of search results and query errors: the one serialisation that
// `lectern search --json` prints and `lectern serve`'s /api/search returns,
// so the two never drift apart.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"
#include "query/searcher.h"

namespace lectern {

// {"query", "total_turns", "total_briefings", "offset", "limit", "hits": [
//   {speaker, role, outlet, follow_up, text, briefing, turn, score, date, title,
//    snippet: {text, highlights: [[begin, end], ...]}, exchange: [{...turn, "turn"}]}]}
// Highlight offsets are bytes into snippet.text. One line, invalid UTF-8 replaced.
std::string SearchResultsToJson(const SearchResults& results, std::string_view query, size_t offset,
                                size_t limit);

// {"error": message} plus "column": N when the message starts "col N: ".
std::string QueryErrorToJson(const Status& status);

}  // namespace lectern
