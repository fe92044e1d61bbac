// Small helpers shared by the commands.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace lectern {

// $LECTERN_INDEX, or ./lectern-index.
std::string DefaultIndexDir();

// Prints "lectern: MESSAGE" on stderr.
void PrintError(const Status& status);

// For a query error "col N: ...", the query with a caret under column N.
std::string PointAtColumn(std::string_view query, const std::string& message);

// Escapes for JSON output are nlohmann's; this shortens text for terminals.
std::string Abbreviate(std::string_view text, size_t max_bytes);

}  // namespace lectern
