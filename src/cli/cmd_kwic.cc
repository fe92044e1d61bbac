// `lectern kwic QUERY`: keyword-in-context lines over the index.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "analysis/analysis_json.h"
#include "analysis/csv.h"
#include "analysis/kwic.h"
#include "analysis/subcorpus.h"
#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"

namespace lectern {
namespace {

struct KwicArgs {
  std::string index = DefaultIndexDir();
  std::string query, filter, sort = "date";
  int width = 40;
  size_t limit = 0;
  bool sentence = false, json = false, csv = false;
};

int RunKwic(const KwicArgs& args) {
  KwicOptions options;
  options.query = args.query;
  options.filter = args.filter;
  options.width = std::max(1, args.width);
  options.limit = args.limit;
  options.sentence = args.sentence;
  options.sort = args.sort == "left"    ? KwicOptions::Sort::kLeft
                 : args.sort == "right" ? KwicOptions::Sort::kRight
                                        : KwicOptions::Sort::kDate;
  auto index = OpenIndexOrReport(args.index);
  if (!index) return kExitPartialFailure;
  Result<KwicResult> r = Kwic(*index, options);
  if (!r.ok()) return ReportAnalysisError(r.status(), CombineQuery(args.query, args.filter));
  if (args.json) {
    std::printf("%s\n", KwicToJson(*r).c_str());
    return kExitOk;
  }
  if (args.csv) {
    std::string out = CsvRecord(
        {"date", "briefing_id", "turn", "speaker", "role", "outlet", "left", "match", "right"});
    for (const KwicLine& l : r->lines) {
      out += CsvRecord({l.date.value_or(""), l.briefing_id, std::to_string(l.turn), l.speaker,
                        l.role, l.outlet, l.left, l.match, l.right});
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  for (const KwicLine& l : r->lines) {
    std::string who = l.speaker.empty() ? l.outlet : l.speaker;
    if (who.empty()) who = "-";
    std::printf("%-10s %-14.14s %-8.8s %s  %s  %s\n", l.date.value_or("undated").c_str(),
                who.c_str(), l.role.c_str(), PadLeft(l.left, options.width).c_str(),
                l.match.c_str(), l.right.c_str());
  }
  std::fprintf(stderr, "%llu matches in %llu turns%s\n",
               static_cast<unsigned long long>(r->total_matches),
               static_cast<unsigned long long>(r->total_turns),
               r->lines.size() < r->total_matches ? " (use --limit 0 for all)" : "");
  return kExitOk;
}

}  // namespace

CommandAction AddKwicCommand(CLI::App& app) {
  auto args = std::make_shared<KwicArgs>();
  CLI::App* cmd = app.add_subcommand(
      "kwic", "Keyword-in-context lines for a query (words, \"phrases\", prefix*, NEAR)");
  cmd->add_option("query", args->query, "Query in the search language (filters allowed)")
      ->required();
  cmd->add_option("--filter", args->filter, "Search filters choosing the subcorpus");
  cmd->add_option("--width", args->width, "Display columns of context per side")
      ->capture_default_str();
  cmd->add_option("--sort", args->sort, "date, left or right")
      ->check(CLI::IsMember({"date", "left", "right"}))
      ->capture_default_str();
  cmd->add_option("--limit", args->limit, "Lines to show (0: all)")->capture_default_str();
  cmd->add_flag("--sentence", args->sentence, "Keep context within the match's sentence");
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  auto* json = cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_flag("--csv", args->csv, "CSV output (RFC 4180)")->excludes(json);
  return [cmd, args]() -> int { return cmd->parsed() ? RunKwic(*args) : -1; };
}

}  // namespace lectern
