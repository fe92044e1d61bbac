// Export: one row per turn, exchange or briefing of a subcorpus with every
// metadata field and the text, streamed in (briefing date, id) order of the
// index's segments, for pandas, R or a spreadsheet (csv.h, or JSON lines).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/index.h"

namespace lectern {

struct ExportOptions {
  enum class Unit { kTurn, kExchange, kBriefing };
  std::string filter;  // turns chosen; an exchange or briefing is exported if any turn is
  Unit unit = Unit::kTurn;
  size_t threads = 0;
};

// A field's value; nullopt is JSON null and an empty CSV field.
struct ExportField {
  std::optional<std::string> value;
  bool number = false;  // JSON number (or boolean "true"/"false") rather than string
};

// The column names of a unit, in row order.
std::vector<std::string> ExportColumns(ExportOptions::Unit unit);

// Calls `row` for each row, in order. Errors: a malformed filter or an
// unreadable stored briefing.
Status Export(const Index& index, const ExportOptions& options,
              const std::function<void(const std::vector<ExportField>&)>& row);

// One JSON object (no newline) for a row.
std::string ExportRowToJson(const std::vector<std::string>& columns,
                            const std::vector<ExportField>& row);

}  // namespace lectern
