// `lectern collocates WORD-OR-PHRASE`: words keeping company with a node.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "analysis/analysis_json.h"
#include "analysis/collocates.h"
#include "analysis/csv.h"
#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"

namespace lectern {
namespace {

struct CollocatesArgs {
  std::string index = DefaultIndexDir();
  std::string node, filter, window = "5,5", measure = "ll";
  uint64_t min_freq = 3;
  size_t limit = 30;
  bool stopwords = false, json = false, csv = false;
};

std::string F(double v, const char* format = "%.2f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

int RunCollocates(const CollocatesArgs& args) {
  CollocatesOptions options;
  options.node = args.node;
  options.filter = args.filter;
  options.min_freq = args.min_freq;
  options.limit = args.limit;
  options.drop_stopwords = args.stopwords;
  unsigned l = 0, r = 0;
  char extra = 0;
  if (std::sscanf(args.window.c_str(), "%u,%u%c", &l, &r, &extra) != 2 || l + r == 0 || l > 50 ||
      r > 50) {
    PrintError(
        Status::InvalidArgument("--window wants L,R (words left and right, 0..50), e.g. 5,5"));
    return kExitUsage;
  }
  options.left = l;
  options.right = r;
  const std::string& m = args.measure;
  options.measure = m == "mi"        ? AssociationMeasure::kMutualInformation
                    : m == "t"       ? AssociationMeasure::kTScore
                    : m == "dice"    ? AssociationMeasure::kDice
                    : m == "logdice" ? AssociationMeasure::kLogDice
                                     : AssociationMeasure::kLogLikelihood;
  auto index = OpenIndexOrReport(args.index);
  if (!index) return kExitPartialFailure;
  Result<CollocatesResult> res = Collocates(*index, options);
  if (!res.ok()) return ReportAnalysisError(res.status(), args.node);
  if (args.json) {
    std::printf("%s\n", CollocatesToJson(*res, options.measure).c_str());
    return kExitOk;
  }
  if (args.csv) {
    std::string out = CsvRecord({"collocate", "observed", "expected", "frequency", "left", "right",
                                 "ll", "mi", "t", "dice", "logdice"});
    for (const Collocate& c : res->collocates) {
      out += CsvRecord({c.term, std::to_string(c.observed), F(c.expected, "%.4f"),
                        std::to_string(c.frequency), std::to_string(c.left),
                        std::to_string(c.right), F(c.ll, "%.4f"), F(c.mi, "%.4f"), F(c.t, "%.4f"),
                        F(c.dice, "%.6f"), F(c.log_dice, "%.4f")});
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  std::printf("node \"%s\": %llu occurrences; window %u,%u: %llu tokens; corpus %llu tokens\n",
              args.node.c_str(), static_cast<unsigned long long>(res->node_frequency), l, r,
              static_cast<unsigned long long>(res->window_tokens),
              static_cast<unsigned long long>(res->corpus_tokens));
  std::printf("%s %8s %9s %9s %9s %7s %7s %8s\n", PadRight("collocate", 22).c_str(), "observed",
              "expected", "freq", "ll", "mi", "t", "logdice");
  for (const Collocate& c : res->collocates) {
    std::printf("%s %8llu %9.2f %9llu %9.2f %7.2f %7.2f %8.2f\n",
                PadRight(Abbreviate(c.term, 22), 22).c_str(),
                static_cast<unsigned long long>(c.observed), c.expected,
                static_cast<unsigned long long>(c.frequency), c.ll, c.mi, c.t, c.log_dice);
  }
  return kExitOk;
}

}  // namespace

CommandAction AddCollocatesCommand(CLI::App& app) {
  auto args = std::make_shared<CollocatesArgs>();
  CLI::App* cmd = app.add_subcommand(
      "collocates", "Collocates of a word or phrase, ranked by an association measure");
  cmd->add_option("node", args->node, "Word, \"phrase\", prefix* or NEAR group")->required();
  cmd->add_option("--filter", args->filter, "Search filters choosing the subcorpus");
  cmd->add_option("--window", args->window, "Words left,right of the node")->capture_default_str();
  cmd->add_option("--measure", args->measure, "ll, mi, t, dice or logdice")
      ->check(CLI::IsMember({"ll", "mi", "t", "dice", "logdice"}))
      ->capture_default_str();
  cmd->add_option("--min-freq", args->min_freq, "Least co-occurrences")->capture_default_str();
  cmd->add_option("--limit", args->limit, "Collocates to list (0: all)")->capture_default_str();
  cmd->add_flag("--no-stopwords", args->stopwords,
                "Leave out English function words (kept by default)");
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  auto* json = cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_flag("--csv", args->csv, "CSV output (RFC 4180)")->excludes(json);
  return [cmd, args]() -> int { return cmd->parsed() ? RunCollocates(*args) : -1; };
}

}  // namespace lectern
