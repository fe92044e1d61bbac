// `lectern show ID`: one stored briefing, as `lectern parse` prints it.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

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
};

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
  return [cmd, args]() -> int { return cmd->parsed() ? RunShow(*args) : -1; };
}

}  // namespace lectern
