// `lectern align`: pair English MFA briefings with their Chinese originals
// and align their exchanges; reports how much aligns.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/alignment.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "index/index.h"

namespace lectern {
namespace {

struct AlignArgs {
  std::string index = DefaultIndexDir();
  std::string since, until;
  bool json = false;
  bool each = false;
};

int RunAlign(const AlignArgs& args) {
  Result<std::shared_ptr<const Index>> index = Index::Open(args.index);
  if (!index.ok()) {
    PrintError(index.status());
    return kExitPartialFailure;
  }
  // Group live briefings by translation key, English and Chinese apart.
  std::map<std::string, std::pair<Briefing, Briefing>> pairs;
  std::map<std::string, int> seen;  // bit 1: en, bit 2: zh
  for (const SegmentView& view : (*index)->segments()) {
    for (uint32_t b = 0; b < view.segment->briefing_count(); ++b) {
      if (view.deleted_briefings[b]) continue;
      Result<Briefing> briefing = view.segment->LoadBriefing(b);
      if (!briefing.ok()) {
        PrintError(briefing.status());
        return kExitPartialFailure;
      }
      std::optional<std::string> key = TranslationKey(*briefing);
      if (!key || !briefing->date) continue;
      if (!args.since.empty() && *briefing->date < args.since) continue;
      if (!args.until.empty() && *briefing->date > args.until) continue;
      if (briefing->language == "en") {
        pairs[*key].first = std::move(briefing).value();
        seen[*key] |= 1;
      } else if (briefing->language == "zh") {
        pairs[*key].second = std::move(briefing).value();
        seen[*key] |= 2;
      }
    }
  }
  size_t paired_briefings = 0, en_exchanges = 0, zh_exchanges = 0, aligned = 0;
  size_t english_only = 0, chinese_only = 0;
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& [key, both] : pairs) {
    if (seen[key] != 3) {
      (seen[key] == 1 ? english_only : chinese_only)++;
      continue;
    }
    const auto& [en, zh] = both;
    Alignment a = AlignExchanges(en, zh);
    ++paired_briefings;
    en_exchanges += en.exchanges.size();
    zh_exchanges += zh.exchanges.size();
    aligned += a.paired;
    if (args.json) {
      nlohmann::json pairs_json = nlohmann::json::array();
      for (const AlignedExchange& r : a.rows) {
        pairs_json.push_back({r.first >= 0 ? nlohmann::json(r.first) : nlohmann::json(),
                              r.second >= 0 ? nlohmann::json(r.second) : nlohmann::json()});
      }
      rows.push_back({{"date", *en.date},
                      {"en", en.id},
                      {"zh", zh.id},
                      {"en_exchanges", en.exchanges.size()},
                      {"zh_exchanges", zh.exchanges.size()},
                      {"aligned", a.paired},
                      {"exchanges", std::move(pairs_json)}});
    } else if (args.each) {
      std::printf("%s  %s ↔ %s  %zu/%zu exchanges aligned\n", en.date->c_str(), en.id.c_str(),
                  zh.id.c_str(), static_cast<size_t>(a.paired), en.exchanges.size());
    }
  }
  const double share_en = en_exchanges ? 100.0 * aligned / en_exchanges : 0;
  const double share_zh = zh_exchanges ? 100.0 * aligned / zh_exchanges : 0;
  if (args.json) {
    nlohmann::json out = {{"pairs", paired_briefings},    {"english_only", english_only},
                          {"chinese_only", chinese_only}, {"en_exchanges", en_exchanges},
                          {"zh_exchanges", zh_exchanges}, {"aligned", aligned},
                          {"briefings", std::move(rows)}};
    std::printf("%s\n", out.dump().c_str());
  } else {
    std::printf("%zu briefings paired (%zu English without Chinese, %zu Chinese without English)\n",
                paired_briefings, english_only, chinese_only);
    std::printf("%zu exchanges aligned: %.1f%% of %zu English, %.1f%% of %zu Chinese\n", aligned,
                share_en, en_exchanges, share_zh, zh_exchanges);
  }
  return kExitOk;
}

}  // namespace

CommandAction AddAlignCommand(CLI::App& app) {
  auto args = std::make_shared<AlignArgs>();
  CLI::App* cmd = app.add_subcommand(
      "align", "Pair English briefings with their Chinese originals and align their exchanges");
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  cmd->add_option("--since", args->since, "First date, YYYY-MM-DD");
  cmd->add_option("--until", args->until, "Last date, YYYY-MM-DD");
  cmd->add_flag("--each", args->each, "One line per pair of briefings");
  cmd->add_flag("--json", args->json, "Every pair with its aligned exchanges, as JSON");
  return [cmd, args]() -> int { return cmd->parsed() ? RunAlign(*args) : -1; };
}

}  // namespace lectern
