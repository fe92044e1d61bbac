// lectern: the command line. Argument parsing and dispatch only; every
// command lives in its own cmd_*.cc over the library.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <vector>

#include "cli/commands.h"
#include "cli/exit_codes.h"

int main(int argc, char** argv) {
  CLI::App app{"lectern: parse, index, search and analyse press-briefing transcripts"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "lectern 0.1.0");
  std::vector<lectern::CommandAction> actions = {
      lectern::AddParseCommand(app),   lectern::AddIngestCommand(app),
      lectern::AddSearchCommand(app),  lectern::AddShowCommand(app),
      lectern::AddStatsCommand(app),   lectern::AddOptimizeCommand(app),
      lectern::AddAlignCommand(app),   lectern::AddCrawlCommand(app),
      lectern::AddServeCommand(app),   lectern::AddTalkingPointsCommand(app),
      lectern::AddTraceCommand(app),   lectern::AddKwicCommand(app),
      lectern::AddTrendCommand(app),   lectern::AddCollocatesCommand(app),
      lectern::AddKeynessCommand(app), lectern::AddNgramsCommand(app),
      lectern::AddExportCommand(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return lectern::kExitUsage;
  }
  for (const auto& action : actions) {
    int code = action();
    if (code >= 0) return code;
  }
  return lectern::kExitUsage;
}
