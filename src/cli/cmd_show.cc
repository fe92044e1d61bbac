// `lectern show ID`: one stored briefing, as `lectern parse` prints it.
#include <sys/ioctl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "analysis/alignment.h"
#include "base/dates.h"
#include "cli/columns.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/render.h"
#include "index/index.h"
#include "model/briefing_json.h"

namespace lectern {
namespace {

struct ShowArgs {
  std::string id;
  std::string index = DefaultIndexDir();
  bool json = false;
  bool with_translation = false;
};

int TerminalWidth() {
  struct winsize w;
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col >= 40) return w.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    int n = std::atoi(columns);
    if (n >= 40) return n;
  }
  return 120;
}

// The other-language version of `b` in the index: same institution, date
// and kind, another language.
std::optional<Briefing> FindTranslation(const Index& index, const Briefing& b) {
  std::optional<std::string> key = TranslationKey(b);
  if (!key) return std::nullopt;
  for (const SegmentView& view : index.segments()) {
    const Segment& s = *view.segment;
    for (uint32_t i = 0; i < s.briefing_count(); ++i) {
      const BriefingMeta& m = s.briefing(i);
      if (view.deleted_briefings[i] || m.id == b.id || !m.date) continue;
      if (s.string(m.language) == b.language || s.string(m.institution) != b.institution ||
          s.string(m.kind) != b.kind || IsoDateFromDays(*m.date) != *b.date) {
        continue;
      }
      Result<Briefing> other = s.LoadBriefing(i);
      if (other.ok()) return std::move(other).value();
    }
  }
  return std::nullopt;
}

std::vector<std::string> TurnLines(const Briefing& b, int turn, int width) {
  const Turn& t = b.turns[turn];
  const auto& who = t.role == Role::kQuestion ? t.outlet : t.speaker;
  const char* letter = t.role == Role::kQuestion ? "Q" : t.role == Role::kAnswer ? "A" : "S";
  std::string head = std::string(letter) + " [" + (who ? *who : "-") + "] ";
  return WrapToWidth(head + t.text, width);
}

std::vector<std::string> ExchangeLines(const Briefing& b, int exchange, int width) {
  std::vector<std::string> lines;
  if (exchange < 0) return lines;
  const Exchange& e = b.exchanges[exchange];
  for (const std::vector<int>* part : {&e.question, &e.answer}) {
    for (int t : *part) {
      std::vector<std::string> more = TurnLines(b, t, width);
      lines.insert(lines.end(), more.begin(), more.end());
    }
  }
  return lines;
}

// Turns before the first exchange (announcements), as lines.
std::vector<std::string> OpeningLines(const Briefing& b, int width) {
  std::vector<std::string> lines;
  const int first =
      b.exchanges.empty() ? static_cast<int>(b.turns.size()) : b.exchanges.front().question.front();
  for (int t = 0; t < first; ++t) {
    std::vector<std::string> more = TurnLines(b, t, width);
    lines.insert(lines.end(), more.begin(), more.end());
  }
  return lines;
}

std::string RenderWithTranslation(const Briefing& b, const Briefing& other) {
  const Briefing& en = b.language == "en" ? b : other;
  const Briefing& zh = b.language == "en" ? other : b;
  const int width = (TerminalWidth() - 3) / 2;
  Alignment a = AlignExchanges(en, zh);
  std::string out = SideBySide(WrapToWidth(en.title, width), WrapToWidth(zh.title, width), width);
  out += SideBySide({en.id}, {zh.id}, width);
  out += std::string(static_cast<size_t>(width), '-') + "-+-" +
         std::string(static_cast<size_t>(width), '-') + "\n";
  out += SideBySide(OpeningLines(en, width), OpeningLines(zh, width), width);
  for (const AlignedExchange& row : a.rows) {
    out += "\n" + SideBySide(ExchangeLines(en, row.first, width),
                             ExchangeLines(zh, row.second, width), width);
  }
  out += "\n" + std::to_string(a.paired) + " of " + std::to_string(en.exchanges.size()) +
         " English and " + std::to_string(zh.exchanges.size()) + " Chinese exchanges aligned\n";
  return out;
}

int RunShow(const ShowArgs& args) {
  Result<std::shared_ptr<const Index>> index = Index::Open(args.index);
  if (!index.ok()) {
    PrintError(index.status());
    return kExitPartialFailure;
  }
  Result<Briefing> briefing = (*index)->LoadBriefing(args.id);
  if (!briefing.ok()) {
    PrintError(briefing.status());
    return kExitPartialFailure;
  }
  if (args.with_translation) {
    std::optional<Briefing> other = FindTranslation(**index, *briefing);
    if (!other) {
      std::fprintf(stderr,
                   "lectern: no translation of %s in the index (same date, other language)\n",
                   args.id.c_str());
      return kExitPartialFailure;
    }
    std::string text = RenderWithTranslation(*briefing, *other);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kExitOk;
  }
  if (args.json) {
    std::printf("%s\n", ToJsonLine(*briefing).c_str());
  } else {
    std::string text = RenderBriefing(*briefing, RenderStyle{StdoutWantsColor()});
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
  return kExitOk;
}

}  // namespace

CommandAction AddShowCommand(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand("show", "Print a stored briefing by id");
  cmd->add_option("id", args->id, "Briefing id, e.g. mfa-china-en-2020-07-24")->required();
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  cmd->add_flag("--json", args->json, "The briefing as one JSON line");
  cmd->add_flag("--with-translation", args->with_translation,
                "Side by side with its other-language version, exchanges aligned");
  return [cmd, args]() -> int { return cmd->parsed() ? RunShow(*args) : -1; };
}

}  // namespace lectern
