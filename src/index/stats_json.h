// JSON of IndexStats: what `lectern stats --json` prints and /api/stats returns.
#pragma once

#include <cstddef>
#include <string>

#include "index/stats.h"

namespace lectern {

// {"index", "briefings", "turns", "tokens", "segments", "bytes_on_disk",
//  "first_date", "last_date", "languages", "institutions", "kinds",
//  "months": {"YYYY-MM": briefings}, "spokespersons": [{name, count}] (all),
//  "outlets": [{name, count}] (the `top_outlets` most asking), "anonymous_questions"}
std::string StatsToJson(const IndexStats& stats, const std::string& index_dir, size_t top_outlets);

}  // namespace lectern
