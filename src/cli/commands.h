// One function per `lectern` command; each registers its options on the
// CLI11 app and returns the action to run once the command line is parsed.
// Actions return the process exit code: 0 ok, 1 partial failure, 2 usage.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace lectern {

using CommandAction = std::function<int()>;

CommandAction AddParseCommand(CLI::App& app);
CommandAction AddIngestCommand(CLI::App& app);
CommandAction AddOptimizeCommand(CLI::App& app);
CommandAction AddSearchCommand(CLI::App& app);
CommandAction AddShowCommand(CLI::App& app);
CommandAction AddStatsCommand(CLI::App& app);
CommandAction AddAlignCommand(CLI::App& app);
CommandAction AddCrawlCommand(CLI::App& app);
CommandAction AddServeCommand(CLI::App& app);
CommandAction AddTalkingPointsCommand(CLI::App& app);
CommandAction AddTraceCommand(CLI::App& app);
CommandAction AddKwicCommand(CLI::App& app);
CommandAction AddTrendCommand(CLI::App& app);
CommandAction AddCollocatesCommand(CLI::App& app);
CommandAction AddKeynessCommand(CLI::App& app);
CommandAction AddNgramsCommand(CLI::App& app);
CommandAction AddExportCommand(CLI::App& app);

}  // namespace lectern
