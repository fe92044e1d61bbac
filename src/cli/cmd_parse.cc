// `lectern parse`: parse transcripts and print them (readable or JSON lines).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "base/files.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "cli/render.h"
#include "ingest/batch.h"
#include "model/briefing_json.h"

namespace lectern {
namespace {

struct ParseArgs {
  std::vector<std::string> paths;
  std::string format = "auto";
  bool json = false;
  bool quiet = false;
  unsigned threads = 0;
};

int RunParse(const ParseArgs& args) {
  const InputBatch batch = ListInputs(args.paths);
  const bool show_progress = !args.quiet && Progress::StderrIsTerminal() && !isatty(STDOUT_FILENO);
  Progress progress("parse", batch.files.size(), batch.total_bytes, show_progress);
  const RenderStyle style{StdoutWantsColor()};
  ParseOptions options;
  options.format = args.format;

  size_t parsed = 0, refused = 0;
  ParseBatch(batch, options, args.threads, [&](ParsedFile&& file) {
    progress.Advance(file.bytes);
    if (!file.briefing.ok()) {
      ++refused;
      progress.Finish();
      const Status& s = file.briefing.status();
      std::string message = s.message();
      if (s.code() == Status::Code::kNotABriefing) {
        // "PATH: REASON" -> "PATH: not a briefing transcript: REASON"
        size_t colon = message.find(": ");
        if (colon != std::string::npos) {
          message.insert(colon + 2, "not a briefing transcript: ");
        }
      }
      std::fprintf(stderr, "%s\n", message.c_str());
      return;
    }
    ++parsed;
    if (args.json) {
      std::string line = ToJsonLine(*file.briefing);
      line.push_back('\n');
      std::fwrite(line.data(), 1, line.size(), stdout);
    } else {
      if (parsed > 1) std::fputs("\n", stdout);
      std::string text = RenderBriefing(*file.briefing, style);
      std::fwrite(text.data(), 1, text.size(), stdout);
    }
  });
  progress.Finish();
  std::fflush(stdout);
  if (!args.quiet && refused > 0) {
    std::fprintf(stderr, "parsed %zu, refused %zu of %zu files\n", parsed, refused,
                 batch.files.size());
  }
  return refused > 0 ? kExitPartialFailure : kExitOk;
}

}  // namespace

CommandAction AddParseCommand(CLI::App& app) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = app.add_subcommand("parse", "Parse transcripts and print each briefing");
  cmd->add_option("paths", args->paths, "Files or folders (read recursively)")->required();
  cmd->add_option("--format", args->format, "Input format")
      ->check(CLI::IsMember(KnownFormats()))
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "One JSON object per briefing per line");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress and no summary on stderr");
  cmd->add_option("-j,--threads", args->threads, "Worker threads (default: all cores)");
  return [cmd, args]() -> int {
    if (!cmd->parsed()) return -1;
    return RunParse(*args);
  };
}

}  // namespace lectern
