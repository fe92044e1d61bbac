// `lectern keyness --target FILTER`: words over- and under-used in a subcorpus.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "analysis/analysis_json.h"
#include "analysis/csv.h"
#include "analysis/keyness.h"
#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"

namespace lectern {
namespace {

struct KeynessArgs {
  std::string index = DefaultIndexDir();
  std::string target, reference, measure = "ll";
  int ngrams = 1;
  uint64_t min_freq = 5;
  size_t limit = 30;
  bool stopwords = false, json = false, csv = false;
};

std::string F(double v, const char* format = "%.4f") {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

void PrintSide(const char* title, const std::vector<KeyItem>& items) {
  std::printf("\n%s\n%s %8s %8s %9s %9s %10s %9s %9s\n", title, PadRight("item", 26).c_str(),
              "target", "ref", "t/10k", "r/10k", "LL", "LogRatio", "p");
  for (const KeyItem& k : items) {
    std::printf("%s %8llu %8llu %9.2f %9.2f %10.2f %9.2f %9.2g\n",
                PadRight(Abbreviate(k.text, 26), 26).c_str(),
                static_cast<unsigned long long>(k.target),
                static_cast<unsigned long long>(k.reference), k.target_per_10k, k.reference_per_10k,
                k.ll, k.log_ratio, k.p);
  }
}

int RunKeyness(const KeynessArgs& args) {
  KeynessOptions options;
  options.target = args.target;
  options.reference = args.reference;
  options.ngrams = args.ngrams;
  options.min_freq = args.min_freq;
  options.limit = args.limit;
  options.drop_stopwords = args.stopwords;
  options.measure = args.measure == "chi2"       ? KeynessMeasure::kChiSquared
                    : args.measure == "logratio" ? KeynessMeasure::kLogRatio
                                                 : KeynessMeasure::kLogLikelihood;
  auto index = OpenIndexOrReport(args.index);
  if (!index) return kExitPartialFailure;
  Result<KeynessResult> r = Keyness(*index, options);
  if (!r.ok()) return ReportAnalysisError(r.status());
  if (args.json) {
    std::printf("%s\n", KeynessToJson(*r, options.measure).c_str());
    return kExitOk;
  }
  if (args.csv) {
    std::string out = CsvRecord({"side", "item", "target", "reference", "target_per_10k",
                                 "reference_per_10k", "ll", "chi2", "log_ratio", "p"});
    for (const auto* side : {&r->over, &r->under}) {
      for (const KeyItem& k : *side) {
        out += CsvRecord({side == &r->over ? "over" : "under", k.text, std::to_string(k.target),
                          std::to_string(k.reference), F(k.target_per_10k), F(k.reference_per_10k),
                          F(k.ll), F(k.chi2), F(k.log_ratio), F(k.p, "%.6g")});
      }
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  std::printf("target %llu tokens, reference %llu tokens; ranked by %s\n",
              static_cast<unsigned long long>(r->target_tokens),
              static_cast<unsigned long long>(r->reference_tokens),
              KeynessMeasureName(options.measure));
  PrintSide("over-used in the target", r->over);
  PrintSide("under-used in the target", r->under);
  return kExitOk;
}

}  // namespace

CommandAction AddKeynessCommand(CLI::App& app) {
  auto args = std::make_shared<KeynessArgs>();
  CLI::App* cmd = app.add_subcommand(
      "keyness", "Words (or n-grams) over- and under-used in a target against a reference");
  cmd->add_option("--target", args->target, "Search filters choosing the target")->required();
  cmd->add_option("--reference", args->reference,
                  "Search filters choosing the reference (default: the rest of the index)");
  cmd->add_option("--measure", args->measure, "ll, chi2 or logratio")
      ->check(CLI::IsMember({"ll", "chi2", "logratio"}))
      ->capture_default_str();
  cmd->add_option("--ngrams", args->ngrams, "Compare n-grams of this length (1: words)")
      ->check(CLI::Range(1, 6))
      ->capture_default_str();
  cmd->add_option("--min-freq", args->min_freq, "Least frequency, target and reference together")
      ->capture_default_str();
  cmd->add_option("--limit", args->limit, "Items per side (0: all)")->capture_default_str();
  cmd->add_flag("--no-stopwords", args->stopwords,
                "Leave out English function words (kept by default)");
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  auto* json = cmd->add_flag("--json", args->json, "JSON output");
  cmd->add_flag("--csv", args->csv, "CSV output (RFC 4180)")->excludes(json);
  return [cmd, args]() -> int { return cmd->parsed() ? RunKeyness(*args) : -1; };
}

}  // namespace lectern
