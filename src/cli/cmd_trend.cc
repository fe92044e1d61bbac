// `lectern trend QUERY...`: occurrences per period, raw and per 10,000 tokens.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>

#include "analysis/analysis_json.h"
#include "analysis/csv.h"
#include "analysis/trend.h"
#include "analysis/trend_svg.h"
#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"

namespace lectern {
namespace {

struct TrendArgs {
  std::string index = DefaultIndexDir();
  std::vector<std::string> queries;
  std::string filter, by = "month", per, plot;
  bool normalize = false, json = false, csv = false;
};

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

int RunTrend(const TrendArgs& args) {
  TrendOptions options;
  options.queries = args.queries;
  options.filter = args.filter;
  options.by = args.by == "year"      ? TrendOptions::By::kYear
               : args.by == "quarter" ? TrendOptions::By::kQuarter
                                      : TrendOptions::By::kMonth;
  options.per = args.per == "speaker"  ? TrendOptions::Per::kSpeaker
                : args.per == "outlet" ? TrendOptions::Per::kOutlet
                : args.per == "role"   ? TrendOptions::Per::kRole
                                       : TrendOptions::Per::kNone;
  auto index = OpenIndexOrReport(args.index);
  if (!index) return kExitPartialFailure;
  Result<TrendResult> r = Trend(*index, options);
  if (!r.ok()) return ReportAnalysisError(r.status());
  if (!args.plot.empty()) {
    TrendPlotOptions plot;
    plot.normalize = args.normalize;
    std::ofstream out(args.plot, std::ios::binary);
    out << TrendToSvg(*r, plot);
    if (!out) {
      PrintError(Status::IOError(args.plot + ": cannot write the plot"));
      return kExitPartialFailure;
    }
  }
  if (args.json) {
    std::printf("%s\n", TrendToJson(*r).c_str());
    return kExitOk;
  }
  const size_t nq = r->queries.size();
  if (args.csv) {
    std::vector<std::string> header = {"period", "group", "tokens"};
    for (const std::string& q : r->queries) {
      header.push_back(q);
      header.push_back(q + " per 10k");
    }
    std::string out = CsvRecord(header);
    for (const TrendCell& c : r->cells) {
      std::vector<std::string> row = {c.period, c.group, std::to_string(c.tokens)};
      for (size_t q = 0; q < nq; ++q) {
        row.push_back(std::to_string(c.counts[q]));
        row.push_back(Fixed(c.per_10k[q]));
      }
      out += CsvRecord(row);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  const bool grouped = options.per != TrendOptions::Per::kNone;
  std::printf("%-8s ", "period");
  if (grouped) std::printf("%s ", PadRight("group", 22).c_str());
  std::printf("%10s", "tokens");
  for (const std::string& q : r->queries) {
    std::printf("  %s", PadLeft(Abbreviate(q, 24), args.normalize ? 10 : 8).c_str());
  }
  std::printf("\n");
  for (const TrendCell& c : r->cells) {
    if (grouped && c.tokens == 0) continue;
    std::printf("%-8s ", c.period.c_str());
    if (grouped) std::printf("%s ", PadRight(Abbreviate(c.group, 22), 22).c_str());
    std::printf("%10llu", static_cast<unsigned long long>(c.tokens));
    for (size_t q = 0; q < nq; ++q) {
      const std::string v = args.normalize ? Fixed(c.per_10k[q]) : std::to_string(c.counts[q]);
      std::printf("  %s", PadLeft(v, std::max(args.normalize ? 10 : 8,
                                              std::min(24, TextWidth(r->queries[q]))))
                              .c_str());
    }
    std::printf("\n");
  }
  for (size_t q = 0; q < nq; ++q) {
    std::fprintf(stderr, "%s: %llu occurrences\n", r->queries[q].c_str(),
                 static_cast<unsigned long long>(r->totals[q]));
  }
  if (!args.plot.empty()) std::fprintf(stderr, "plot written to %s\n", args.plot.c_str());
  return kExitOk;
}

}  // namespace

CommandAction AddTrendCommand(CLI::App& app) {
  auto args = std::make_shared<TrendArgs>();
  CLI::App* cmd = app.add_subcommand(
      "trend", "Occurrences of queries per month, quarter or year (raw and per 10,000 tokens)");
  cmd->add_option("queries", args->queries, "One or more queries, side by side")->required();
  cmd->add_option("--filter", args->filter, "Search filters choosing the subcorpus");
  cmd->add_option("--by", args->by, "month, quarter or year")
      ->check(CLI::IsMember({"month", "quarter", "year"}))
      ->capture_default_str();
  cmd->add_option("--per", args->per, "speaker, outlet or role")
      ->check(CLI::IsMember({"speaker", "outlet", "role"}));
  cmd->add_flag("--normalize", args->normalize, "Show (and plot) per 10,000 tokens");
  cmd->add_option("--plot", args->plot, "Write an SVG line chart to this file");
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  auto* json = cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_flag("--csv", args->csv, "CSV output (RFC 4180)")->excludes(json);
  return [cmd, args]() -> int { return cmd->parsed() ? RunTrend(*args) : -1; };
}

}  // namespace lectern
