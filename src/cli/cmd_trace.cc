// `lectern trace "TEXT"`: where a passage and its close variants were used,
// in date order. Thin over analysis/trace.h.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/passage_text.h"
#include "analysis/talking_points_json.h"
#include "analysis/trace.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/passage_render.h"
#include "cli/render.h"
#include "cli/stage_progress.h"

namespace lectern {
namespace {

struct TraceArgs {
  std::string text;
  std::string filter;
  std::string index = DefaultIndexDir();
  double similarity = 0.7;
  bool json = false;
  bool quiet = false;
};

int Fail(const Status& status, bool json) {
  if (json) std::printf("%s\n", nlohmann::json{{"error", status.message()}}.dump().c_str());
  std::fprintf(stderr, "lectern: %s\n", status.message().c_str());
  return status.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitPartialFailure;
}

int RunTrace(const TraceArgs& args) {
  Result<std::shared_ptr<const Index>> index = Index::Open(args.index);
  if (!index.ok()) return Fail(index.status(), args.json);
  TraceOptions options;
  options.filter = args.filter;
  options.similarity = args.similarity;
  StageProgress progress("trace", !args.quiet);
  options.progress = std::ref(progress);
  Result<TraceReport> report = Trace(*index, args.text, options);
  progress.Finish();
  if (!report.ok()) return Fail(report.status(), args.json);
  std::vector<PassageRef> refs;
  for (const TalkingPointOccurrence& o : report->uses) {
    refs.push_back({o.use.briefing_id, o.use.turn, o.token_begin, o.token_end});
  }
  Result<std::vector<UseInContext>> contexts =
      UsesInContext(**index, WordingOfText(args.text), refs);
  if (!contexts.ok()) return Fail(contexts.status(), args.json);
  if (args.json) {
    std::printf("%s\n", TraceReportToJson(*report, *contexts).c_str());
    return kExitOk;
  }
  const bool color = StdoutWantsColor();
  std::printf("%zu uses (%zu verbatim) in %zu of %zu briefings by a spokesperson\n",
              report->uses.size(), report->verbatim, report->briefings, report->briefings_searched);
  for (size_t i = 0; i < report->uses.size(); ++i) {
    const TalkingPointOccurrence& o = report->uses[i];
    std::string facts = RenderUse(o.use);
    facts +=
        o.verbatim ? "  verbatim" : "  variant (" + std::to_string(o.similarity).substr(0, 4) + ")";
    if (o.quotes_earlier_answer) facts += "  quoting an earlier answer";
    if (i == 0) facts += "  first use";
    std::printf("\n%s%s%s\n    %s\n", color ? "\033[1m" : "", facts.c_str(), color ? "\033[0m" : "",
                RenderUseInContext((*contexts)[i], color).c_str());
  }
  return kExitOk;
}

}  // namespace

CommandAction AddTraceCommand(CLI::App& app) {
  auto args = std::make_shared<TraceArgs>();
  CLI::App* cmd = app.add_subcommand(
      "trace", "Where a passage and its close variants were used, in date order");
  cmd->add_option("text", args->text, "The passage, pasted from anywhere")->required();
  cmd->add_option("--filter", args->filter, "Query selecting the turns to search");
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  cmd->add_option("--similarity", args->similarity,
                  "Variants: share of the longer wording the other reproduces in order")
      ->capture_default_str()
      ->check(CLI::Range(0.3, 1.0));
  cmd->add_flag("--json", args->json, "Machine-readable output");
  cmd->add_flag("--quiet", args->quiet, "No progress line");
  return [cmd, args]() -> int { return cmd->parsed() ? RunTrace(*args) : -1; };
}

}  // namespace lectern
