// `lectern ngrams [FILTER]`: the most frequent n-grams of a subcorpus.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "analysis/analysis_json.h"
#include "analysis/csv.h"
#include "analysis/ngrams.h"
#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"

namespace lectern {
namespace {

struct NgramsArgs {
  std::string index = DefaultIndexDir();
  std::string filter, n = "2";
  uint64_t min_freq = 2;
  size_t limit = 50;
  bool by_briefing = false, stopwords = false, json = false, csv = false;
};

int RunNgrams(const NgramsArgs& args) {
  NgramsOptions options;
  options.filter = args.filter;
  options.min_freq = args.min_freq;
  options.limit = args.limit;
  options.by_briefing = args.by_briefing;
  options.drop_stopwords = args.stopwords;
  int a = 0, b = 0;
  char extra = 0;
  if (std::sscanf(args.n.c_str(), "%d..%d%c", &a, &b, &extra) == 2) {
    options.min_n = a;
    options.max_n = b;
  } else if (std::sscanf(args.n.c_str(), "%d%c", &a, &extra) == 1) {
    options.min_n = options.max_n = a;
  } else {
    PrintError(Status::InvalidArgument("--n wants N or A..B, between 1 and 6"));
    return kExitUsage;
  }
  auto index = OpenIndexOrReport(args.index);
  if (!index) return kExitPartialFailure;
  Result<NgramsResult> r = Ngrams(*index, options);
  if (!r.ok()) return ReportAnalysisError(r.status(), args.filter);
  if (args.json) {
    std::printf("%s\n", NgramsToJson(*r).c_str());
    return kExitOk;
  }
  if (args.csv) {
    std::string out = CsvRecord({"ngram", "n", "count", "briefings"});
    for (const Ngram& g : r->ngrams) {
      out += CsvRecord(
          {g.text, std::to_string(g.n), std::to_string(g.count), std::to_string(g.briefings)});
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  std::printf("%llu tokens in %llu briefings\n%s %9s %9s\n",
              static_cast<unsigned long long>(r->corpus_tokens),
              static_cast<unsigned long long>(r->corpus_briefings), PadRight("n-gram", 40).c_str(),
              "count", "briefings");
  for (const Ngram& g : r->ngrams) {
    std::printf("%s %9llu %9llu\n", PadRight(Abbreviate(g.text, 40), 40).c_str(),
                static_cast<unsigned long long>(g.count),
                static_cast<unsigned long long>(g.briefings));
  }
  return kExitOk;
}

}  // namespace

CommandAction AddNgramsCommand(CLI::App& app) {
  auto args = std::make_shared<NgramsArgs>();
  CLI::App* cmd = app.add_subcommand("ngrams", "The most frequent n-grams of a subcorpus");
  cmd->add_option("filter", args->filter, "Search filters choosing the subcorpus (default: all)");
  cmd->add_option("--n", args->n, "N, or a range A..B (1..6)")->capture_default_str();
  cmd->add_option("--min-freq", args->min_freq, "Least count")->capture_default_str();
  cmd->add_option("--limit", args->limit, "N-grams to list (0: all)")->capture_default_str();
  cmd->add_flag("--by-briefing", args->by_briefing, "Rank by briefings holding the n-gram");
  cmd->add_flag("--no-stopwords", args->stopwords,
                "Skip n-grams starting or ending with an English function word");
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  auto* json = cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_flag("--csv", args->csv, "CSV output (RFC 4180)")->excludes(json);
  return [cmd, args]() -> int { return cmd->parsed() ? RunNgrams(*args) : -1; };
}

}  // namespace lectern
