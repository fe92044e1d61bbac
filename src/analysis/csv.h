// CSV as RFC 4180 writes it, which spreadsheet programs and pandas/R read
// back unchanged: fields with a comma, quote, CR or LF are quoted, quotes
// doubled, records end in CRLF. A UTF-8 byte order mark in front makes
// Excel read the file as UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

std::string CsvField(std::string_view field);
// The fields joined by commas, with the closing CRLF.
std::string CsvRecord(const std::vector<std::string>& fields);

}  // namespace lectern
