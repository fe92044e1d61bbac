// `lectern ingest`: parse transcripts on all cores, index them, commit.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "base/files.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "index/index_writer.h"
#include "ingest/batch.h"

namespace lectern {
namespace {

struct IngestArgs {
  std::vector<std::string> paths;
  std::string index = DefaultIndexDir();
  std::string format = "auto";
  bool json = false;
  bool quiet = false;
  unsigned threads = 0;
};

int RunIngest(const IngestArgs& args) {
  Result<std::unique_ptr<IndexWriter>> writer = IndexWriter::Open(args.index);
  if (!writer.ok()) {
    PrintError(writer.status());
    return kExitPartialFailure;
  }
  const InputBatch batch = ListInputs(args.paths);
  Progress progress("ingest", batch.files.size(), batch.total_bytes,
                    !args.quiet && Progress::StderrIsTerminal());
  size_t added = 0, replaced = 0, unchanged = 0;
  std::vector<std::pair<std::string, std::string>> refused;  // path, reason
  Status failure;
  ParseOptions options{args.format};
  ParseBatch(batch, options, args.threads, [&](ParsedFile&& parsed) {
    progress.Advance(parsed.bytes);
    if (!failure.ok()) return;
    if (!parsed.briefing.ok()) {
      std::string message = parsed.briefing.status().message();
      const std::string prefix = parsed.path + ": ";
      if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
      refused.emplace_back(parsed.path, message);
      return;
    }
    Result<AddOutcome> outcome = (*writer)->Add(*parsed.briefing);
    if (!outcome.ok()) {
      failure = outcome.status();
      return;
    }
    switch (*outcome) {
      case AddOutcome::kAdded:
        ++added;
        break;
      case AddOutcome::kReplaced:
        ++replaced;
        break;
      case AddOutcome::kUnchanged:
        ++unchanged;
        break;
    }
  });
  if (failure.ok()) failure = (*writer)->Commit();
  progress.Finish();
  if (!failure.ok()) {
    PrintError(failure);
    std::fprintf(stderr, "lectern: nothing from this run was committed; the index is as before\n");
    return kExitPartialFailure;
  }
  if (args.json) {
    nlohmann::json j = {{"index", args.index},    {"files", batch.files.size()},
                        {"added", added},         {"replaced", replaced},
                        {"unchanged", unchanged}, {"refused", nlohmann::json::array()}};
    for (const auto& [path, reason] : refused)
      j["refused"].push_back({{"path", path}, {"reason", reason}});
    std::printf("%s\n", j.dump().c_str());
  } else {
    for (const auto& [path, reason] : refused) {
      std::fprintf(stderr, "%s: not ingested: %s\n", path.c_str(), reason.c_str());
    }
    if (!args.quiet) {
      std::printf(
          "%zu files: %zu briefings added, %zu replaced, %zu unchanged, %zu refused (index %s)\n",
          batch.files.size(), added, replaced, unchanged, refused.size(), args.index.c_str());
    }
  }
  return refused.empty() ? kExitOk : kExitPartialFailure;
}

int RunOptimize(const std::string& index) {
  Result<std::unique_ptr<IndexWriter>> writer = IndexWriter::Open(index);
  Status status = writer.ok() ? (*writer)->Optimize() : writer.status();
  if (!status.ok()) {
    PrintError(status);
    return kExitPartialFailure;
  }
  return kExitOk;
}

}  // namespace

CommandAction AddIngestCommand(CLI::App& app) {
  auto args = std::make_shared<IngestArgs>();
  CLI::App* cmd = app.add_subcommand("ingest", "Parse transcripts and add them to the index");
  cmd->add_option("paths", args->paths, "Files or folders (read recursively)")->required();
  cmd->add_option("--index", args->index, "Index directory ($LECTERN_INDEX or ./lectern-index)")
      ->capture_default_str();
  cmd->add_option("--format", args->format, "Input format")
      ->check(CLI::IsMember(KnownFormats()))
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "Print the summary as JSON");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress bar and no summary");
  cmd->add_option("-j,--threads", args->threads, "Parser threads (default: all cores)");
  return [cmd, args]() -> int { return cmd->parsed() ? RunIngest(*args) : -1; };
}

CommandAction AddOptimizeCommand(CLI::App& app) {
  auto index = std::make_shared<std::string>(DefaultIndexDir());
  CLI::App* cmd = app.add_subcommand("optimize", "Merge the index's segments into one");
  cmd->add_option("--index", *index, "Index directory")->capture_default_str();
  return [cmd, index]() -> int { return cmd->parsed() ? RunOptimize(*index) : -1; };
}

}  // namespace lectern
