// Dates as English titles print them: "June 11, 2018", "June11, 2018",
// "11 June 2018", "Sept. 3, 2019", "2018-06-11".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lectern {

// The first valid date in `text`, as YYYY-MM-DD.
std::optional<std::string> FindEnglishDate(std::string_view text);

// YYYY-MM-DD for a valid calendar date, nullopt otherwise.
std::optional<std::string> FormatDate(int year, int month, int day);

}  // namespace lectern
