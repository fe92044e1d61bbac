#include "ingest/batch.h"

#include <filesystem>
#include <thread>

#include "base/parallel.h"

namespace lectern {

InputBatch ListInputs(const std::vector<std::string>& paths) {
  InputBatch batch;
  batch.files = ExpandInputPaths(paths);
  for (const InputFile& input : batch.files) {
    std::error_code ec;
    if (input.error.ok()) batch.total_bytes += std::filesystem::file_size(input.path, ec);
  }
  return batch;
}

void ParseBatch(const InputBatch& batch, const ParseOptions& options, size_t threads,
                const std::function<void(ParsedFile&&)>& emit) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  ParallelMapOrdered<ParsedFile>(
      batch.files.size(), threads,
      [&](size_t i) {
        const InputFile& input = batch.files[i];
        ParsedFile out;
        out.path = input.path;
        if (!input.error.ok()) {
          out.briefing = input.error.WithContext(input.path);
          return out;
        }
        out.briefing = ParseFile(input.path, options);
        std::error_code ec;
        out.bytes = std::filesystem::file_size(input.path, ec);
        return out;
      },
      [&](size_t, ParsedFile&& file) { emit(std::move(file)); });
}

}  // namespace lectern
