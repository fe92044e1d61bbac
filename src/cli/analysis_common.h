// Helpers shared by the corpus-analysis commands (kwic, trend, collocates,
// keyness, ngrams, export): opening the index and reporting errors with
// the right exit code.
#pragma once

#include <memory>
#include <string>

#include "base/status.h"
#include "index/index.h"

namespace lectern {

// The index at `dir`, or nullptr after printing the error.
std::shared_ptr<const Index> OpenIndexOrReport(const std::string& dir);

// Prints `status` (with a caret under the column of a query error in
// `query`) and returns the exit code: 2 for a malformed query or option,
// 1 otherwise.
int ReportAnalysisError(const Status& status, const std::string& query = "");

// Text padded with spaces to `width` display columns (CJK counts two).
std::string PadRight(const std::string& text, int width);
std::string PadLeft(const std::string& text, int width);

}  // namespace lectern
