// Parsing many files at once: paths expanded, files parsed on several
// threads, results delivered in input order (so output never depends on
// thread timing). Used by `lectern parse` and `lectern ingest`.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "base/files.h"
#include "base/status.h"
#include "ingest/parse.h"
#include "model/briefing.h"

namespace lectern {

struct ParsedFile {
  std::string path;
  Result<Briefing> briefing = Status::NotFound("not parsed");  // errors start with the path
  size_t bytes = 0;
};

struct InputBatch {
  std::vector<InputFile> files;  // as ExpandInputPaths gives them
  size_t total_bytes = 0;        // of the readable ones, for progress
};

InputBatch ListInputs(const std::vector<std::string>& paths);

// Parses every file of `batch` on `threads` threads (0: all cores) and calls
// `emit` for each, in order, on the calling thread.
void ParseBatch(const InputBatch& batch, const ParseOptions& options, size_t threads,
                const std::function<void(ParsedFile&&)>& emit);

}  // namespace lectern
