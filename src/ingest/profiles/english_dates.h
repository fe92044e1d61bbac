// Dates as English titles print them: "June 11, 2018", "June11, 2018",
// "11 June 2018", "Sept. 3, 2019", "2018-06-11".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lectern {

// The first valid date in `text`, as YYYY-MM-DD.
std::optional<std::string> FindEnglishDate(std::string_view text);

// The first valid American numeric date in `text` — month first: "6/22/2011",
// "1/22/09" (two-digit years are 2000-2069 below 70, 1970-1999 from 70) —
// as YYYY-MM-DD. Kept apart from FindEnglishDate, which reads no numeric
// day/month forms: "3/4/2011" is March 4 only where month-first is the custom.
std::optional<std::string> FindUsNumericDate(std::string_view text);

// YYYY-MM-DD for a valid calendar date, nullopt otherwise.
std::optional<std::string> FormatDate(int year, int month, int day);

}  // namespace lectern
