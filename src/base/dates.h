// Calendar dates as day numbers, for compact columns and range filters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern {

// Days since 1970-01-01 for "YYYY-MM-DD"; nullopt if malformed or invalid.
std::optional<int32_t> DaysFromIsoDate(std::string_view iso);

// "YYYY-MM-DD" for a day number.
std::string IsoDateFromDays(int32_t days);

}  // namespace lectern
