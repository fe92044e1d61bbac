#include "cli/analysis_common.h"

#include <cstdio>

#include "analysis/kwic.h"
#include "cli/common.h"
#include "cli/exit_codes.h"

namespace lectern {

std::shared_ptr<const Index> OpenIndexOrReport(const std::string& dir) {
  Result<std::shared_ptr<const Index>> index = Index::Open(dir);
  if (!index.ok()) {
    PrintError(index.status().WithContext(dir));
    return nullptr;
  }
  return *index;
}

int ReportAnalysisError(const Status& status, const std::string& query) {
  PrintError(status);
  if (status.code() == Status::Code::kInvalidArgument) {
    if (!query.empty() && status.message().rfind("col ", 0) == 0) {
      std::fprintf(stderr, "%s", PointAtColumn(query, status.message()).c_str());
    }
    return kExitUsage;
  }
  return kExitPartialFailure;
}

std::string PadRight(const std::string& text, int width) {
  const int w = TextWidth(text);
  return w >= width ? text : text + std::string(width - w, ' ');
}

std::string PadLeft(const std::string& text, int width) {
  const int w = TextWidth(text);
  return w >= width ? text : std::string(width - w, ' ') + text;
}

}  // namespace lectern
