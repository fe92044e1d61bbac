// `lectern talking-points`: the passages spokespersons reuse across
// briefings, ranked; `lectern talking-points show ID`: one point's uses in
// context. Thin over analysis/talking_points.h.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/talking_points.h"
#include "analysis/talking_points_json.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/passage_render.h"
#include "cli/render.h"
#include "cli/stage_progress.h"

namespace lectern {
namespace {

struct TalkingPointsArgs {
  std::string filter;
  std::string index = DefaultIndexDir();
  size_t min_words = 8, min_chars = 12, min_briefings = 3, limit = 20;
  double similarity = 0.7, max_share = 0.5;
  std::string sort = "spread";
  bool include_boilerplate = false;
  bool json = false;
  bool quiet = false;
  std::string id;  // show
};

// The options that decide which points exist: `show` takes them too, since
// an id is only meaningful with the options it was listed with.
void AddAnalysisOptions(CLI::App* cmd, TalkingPointsArgs* args) {
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  cmd->add_option("--min-words", args->min_words, "Shortest passage, in words")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000));
  cmd->add_option("--min-chars", args->min_chars, "Shortest passage in Chinese, in characters")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000));
  cmd->add_option("--min-briefings", args->min_briefings,
                  "Used by a spokesperson in at least this many briefings")
      ->capture_default_str()
      ->check(CLI::Range(2, 1000000));
  cmd->add_option("--similarity", args->similarity,
                  "Variants: share of the longer wording the other reproduces in order")
      ->capture_default_str()
      ->check(CLI::Range(0.3, 1.0));
  cmd->add_option("--max-share", args->max_share,
                  "Boilerplate: in more than this share of the briefings")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_flag("--json", args->json, "Machine-readable output");
  cmd->add_flag("--quiet", args->quiet, "No progress line");
}

TalkingPointOptions OptionsFrom(const TalkingPointsArgs& args) {
  TalkingPointOptions o;
  o.filter = args.filter;
  o.min_words = args.min_words;
  o.min_chars = args.min_chars;
  o.min_briefings = args.min_briefings;
  o.similarity = args.similarity;
  o.max_share = args.max_share;
  o.include_boilerplate = args.include_boilerplate;
  o.limit = args.limit;
  o.sort = args.sort == "first-use"  ? TalkingPointOptions::Sort::kFirstUse
           : args.sort == "last-use" ? TalkingPointOptions::Sort::kLastUse
           : args.sort == "count"    ? TalkingPointOptions::Sort::kCount
                                     : TalkingPointOptions::Sort::kSpread;
  return o;
}

// Exit code for an error: a bad filter is a usage error.
int Fail(const Status& status, bool json) {
  if (json) std::printf("%s\n", nlohmann::json{{"error", status.message()}}.dump().c_str());
  std::fprintf(stderr, "lectern: %s\n", status.message().c_str());
  return status.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitPartialFailure;
}

std::string Years(const TalkingPoint& p) {
  std::string out;
  for (const auto& [year, n] : p.briefings_per_year) {
    out += (out.empty() ? "" : "  ") + std::to_string(year) + ": " + std::to_string(n);
  }
  return out;
}

void PrintPoint(size_t rank, const TalkingPoint& p, bool color) {
  const std::string bold = color ? "\033[1m" : "", dim = color ? "\033[2m" : "",
                    reset = color ? "\033[0m" : "";
  std::printf("%s%zu. %s%s  %zu briefings, %zu uses", bold.c_str(), rank, p.id.c_str(),
              reset.c_str(), p.briefings, p.occurrences);
  if (p.variant_occurrences) {
    std::printf(" (%zu as %zu variant%s)", p.variant_occurrences, p.variants,
                p.variants == 1 ? "" : "s");
  }
  if (p.question_occurrences) {
    std::printf("; in %zu question%s (%zu quoting an earlier answer)", p.question_occurrences,
                p.question_occurrences == 1 ? "" : "s", p.quoting_questions);
  }
  if (p.boilerplate) std::printf("; boilerplate: %s", p.boilerplate->c_str());
  std::string text = p.text;
  std::replace(text.begin(), text.end(), '\n', ' ');
  std::printf("\n   \"%s\"\n", text.c_str());
  std::printf("%s   first %s\n   last  %s\n", dim.c_str(), RenderUse(p.first_use).c_str(),
              RenderUse(p.last_use).c_str());
  std::string by;
  for (const auto& [name, n] : p.speakers) {
    by += (by.empty() ? "" : ", ") + name + " " + std::to_string(n);
  }
  std::printf("   by %s\n   per year %s%s\n", by.empty() ? "-" : by.c_str(), Years(p).c_str(),
              reset.c_str());
}

int RunList(const TalkingPointsArgs& args) {
  Result<std::shared_ptr<const Index>> index = Index::Open(args.index);
  if (!index.ok()) return Fail(index.status(), args.json);
  TalkingPointOptions options = OptionsFrom(args);
  StageProgress progress("talking points", !args.quiet);
  options.progress = std::ref(progress);
  Result<TalkingPointsReport> report = FindTalkingPoints(*index, options);
  progress.Finish();
  if (!report.ok()) return Fail(report.status(), args.json);
  if (args.json) {
    std::printf("%s\n", TalkingPointsReportToJson(*report).c_str());
    return kExitOk;
  }
  const bool color = StdoutWantsColor();
  std::printf("%zu talking points in %zu briefings (%zu boilerplate passages %s)\n\n",
              report->points, report->briefings, report->boilerplate,
              args.include_boilerplate ? "included" : "left out");
  for (size_t i = 0; i < report->talking_points.size(); ++i) {
    PrintPoint(i + 1, report->talking_points[i], color);
  }
  return kExitOk;
}

int RunShow(const TalkingPointsArgs& args) {
  Result<std::shared_ptr<const Index>> index = Index::Open(args.index);
  if (!index.ok()) return Fail(index.status(), args.json);
  TalkingPointOptions options = OptionsFrom(args);
  StageProgress progress("talking points", !args.quiet);
  options.progress = std::ref(progress);
  Result<TalkingPoint> point = FindTalkingPoint(*index, options, args.id);
  progress.Finish();
  if (!point.ok()) return Fail(point.status(), args.json);
  Result<ReferenceWording> reference = WordingOf(**index, point->source);
  if (!reference.ok()) return Fail(reference.status(), args.json);
  std::vector<PassageRef> refs;
  for (const TalkingPointOccurrence& o : point->uses) {
    refs.push_back({o.use.briefing_id, o.use.turn, o.token_begin, o.token_end});
  }
  Result<std::vector<UseInContext>> contexts = UsesInContext(**index, *reference, refs);
  if (!contexts.ok()) return Fail(contexts.status(), args.json);
  if (args.json) {
    std::printf("%s\n", TalkingPointToJson(*point, true, *contexts).c_str());
    return kExitOk;
  }
  const bool color = StdoutWantsColor();
  PrintPoint(1, *point, color);
  std::printf("\n");
  for (size_t i = 0; i < point->uses.size(); ++i) {
    const TalkingPointOccurrence& o = point->uses[i];
    std::string facts = RenderUse(o.use);
    if (!o.verbatim) facts += "  variant (" + std::to_string(o.similarity).substr(0, 4) + ")";
    if (o.quotes_earlier_answer) facts += "  quoting an earlier answer";
    std::printf("%s%s%s\n    %s\n", color ? "\033[1m" : "", facts.c_str(), color ? "\033[0m" : "",
                RenderUseInContext((*contexts)[i], color).c_str());
  }
  return kExitOk;
}

}  // namespace

CommandAction AddTalkingPointsCommand(CLI::App& app) {
  auto args = std::make_shared<TalkingPointsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "talking-points",
      "Passages spokespersons reuse across briefings, verbatim or varied, ranked by spread");
  cmd->add_option(
      "filter", args->filter,
      "Query selecting the turns to analyse, e.g. 'speaker:\"Wang Wenbin\" date:2020..'");
  AddAnalysisOptions(cmd, args.get());
  cmd->add_option("--limit", args->limit, "Points to list (0: all)")->capture_default_str();
  cmd->add_option("--sort", args->sort, "spread, first-use, last-use or count")
      ->check(CLI::IsMember({"spread", "first-use", "last-use", "count"}))
      ->capture_default_str();
  cmd->add_flag("--include-boilerplate", args->include_boilerplate,
                "List boilerplate passages too (marked)");
  CLI::App* show = cmd->add_subcommand("show", "Every use of one talking point, in context");
  show->add_option("id", args->id, "The point's id (tp-...)")->required();
  show->add_option("--filter", args->filter, "The filter the point was listed with");
  AddAnalysisOptions(show, args.get());
  return [cmd, show, args]() -> int {
    if (show->parsed()) return RunShow(*args);
    return cmd->parsed() ? RunList(*args) : -1;
  };
}

}  // namespace lectern
