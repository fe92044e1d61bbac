// `lectern stats`: what the index holds.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "index/stats.h"
#include "index/stats_json.h"

namespace lectern {
namespace {

struct StatsArgs {
  std::string index = DefaultIndexDir();
  bool json = false;
  size_t top = 15;
};

int RunStats(const StatsArgs& args) {
  Result<std::shared_ptr<const Index>> index = Index::Open(args.index);
  if (!index.ok()) {
    PrintError(index.status());
    return kExitPartialFailure;
  }
  IndexStats s = ComputeStats(**index);
  auto top = [&](const std::vector<std::pair<std::string, uint64_t>>& v) {
    return std::vector<std::pair<std::string, uint64_t>>(v.begin(),
                                                         v.begin() + std::min(v.size(), args.top));
  };
  if (args.json) {
    std::printf("%s\n", StatsToJson(s, args.index, args.top).c_str());
    return kExitOk;
  }
  std::printf("index       %s (%llu segments, %.1f MB)\n", args.index.c_str(),
              static_cast<unsigned long long>(s.segments), s.bytes_on_disk / 1e6);
  std::printf("briefings   %llu\nturns       %llu\ntokens      %llu\n",
              static_cast<unsigned long long>(s.briefings),
              static_cast<unsigned long long>(s.turns), static_cast<unsigned long long>(s.tokens));
  std::printf("dates       %s .. %s\n", s.first_date.value_or("-").c_str(),
              s.last_date.value_or("-").c_str());
  auto print_map = [](const char* label, const std::map<std::string, uint64_t>& m) {
    std::printf("%-12s", label);
    for (const auto& [k, v] : m)
      std::printf("%s %llu  ", k.c_str(), static_cast<unsigned long long>(v));
    std::printf("\n");
  };
  print_map("languages", s.briefings_by_language);
  print_map("kinds", s.briefings_by_kind);
  std::printf("\nbriefings per spokesperson\n");
  for (const auto& [name, n] : s.briefings_by_spokesperson) {
    std::printf("  %6llu  %s\n", static_cast<unsigned long long>(n), name.c_str());
  }
  std::printf("\ntop outlets (questions asked; %llu anonymous)\n",
              static_cast<unsigned long long>(s.anonymous_questions));
  for (const auto& [name, n] : top(s.questions_by_outlet)) {
    std::printf("  %6llu  %s\n", static_cast<unsigned long long>(n), name.c_str());
  }
  return kExitOk;
}

}  // namespace

CommandAction AddStatsCommand(CLI::App& app) {
  auto args = std::make_shared<StatsArgs>();
  CLI::App* cmd = app.add_subcommand("stats", "Summarise what the index holds");
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  cmd->add_option("--top", args->top, "Outlets to list")->capture_default_str();
  cmd->add_flag("--json", args->json, "Machine-readable output");
  return [cmd, args]() -> int { return cmd->parsed() ? RunStats(*args) : -1; };
}

}  // namespace lectern
