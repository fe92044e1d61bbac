// Trend: how often each of several queries matches per period (month,
// quarter, year), optionally per speaker, outlet or role, raw and per
// 10,000 tokens of that period's (and group's) subcorpus.
//
// A query's count is the number of its spans (occurrences of its words,
// phrases and NEAR groups), not of turns. Undated turns are left out (and
// counted in `undated_tokens`). Every period between the first and last
// dated turn of the subcorpus is listed, zeros included, so that series
// line up.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/index.h"

namespace lectern {

struct TrendOptions {
  enum class By { kMonth, kQuarter, kYear };
  enum class Per { kNone, kSpeaker, kOutlet, kRole };
  std::vector<std::string> queries;
  std::string filter;  // the subcorpus; empty: the whole index
  By by = By::kMonth;
  Per per = Per::kNone;
};

struct TrendCell {
  std::string period;            // "2020-07", "2020-Q3", "2020"
  std::string group;             // speaker, outlet or role; "" without --per, "(none)" when unset
  uint64_t tokens = 0;           // of the subcorpus in this period and group
  std::vector<uint64_t> counts;  // per query
  std::vector<double> per_10k;   // counts * 10000 / tokens (0 when no tokens)
};

struct TrendResult {
  std::vector<std::string> queries;
  std::vector<std::string> periods;  // in order
  std::vector<std::string> groups;   // by total count, largest first ("" without --per)
  std::vector<TrendCell> cells;      // period-major, then groups in `groups` order
  std::vector<uint64_t> totals;      // per query
  uint64_t undated_tokens = 0;
};

// Errors: kInvalidArgument for a malformed query or filter, or a query of
// filters only (nothing to count).
Result<TrendResult> Trend(const Index& index, const TrendOptions& options);

// The period of a day number.
std::string PeriodOf(int32_t days, TrendOptions::By by);

}  // namespace lectern
