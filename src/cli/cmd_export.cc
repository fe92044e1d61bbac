// `lectern export [FILTER] --format csv|jsonl`: rows for pandas, R or a spreadsheet.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "analysis/csv.h"
#include "analysis/export.h"
#include "cli/analysis_common.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"

namespace lectern {
namespace {

struct ExportArgs {
  std::string index = DefaultIndexDir();
  std::string filter, format = "csv", unit = "turn";
  bool bom = false;
};

int RunExport(const ExportArgs& args) {
  ExportOptions options;
  options.filter = args.filter;
  options.unit = args.unit == "exchange"   ? ExportOptions::Unit::kExchange
                 : args.unit == "briefing" ? ExportOptions::Unit::kBriefing
                                           : ExportOptions::Unit::kTurn;
  auto index = OpenIndexOrReport(args.index);
  if (!index) return kExitPartialFailure;
  const std::vector<std::string> columns = ExportColumns(options.unit);
  const bool csv = args.format == "csv";
  std::string buffer;
  if (args.bom) buffer += kUtf8Bom;
  if (csv) buffer += CsvRecord(columns);
  auto flush = [&](bool force) {
    if (force || buffer.size() > (1 << 20)) {
      std::fwrite(buffer.data(), 1, buffer.size(), stdout);
      buffer.clear();
    }
  };
  Status st = Export(*index, options, [&](const std::vector<ExportField>& row) {
    if (csv) {
      std::vector<std::string> fields;
      for (const ExportField& f : row) fields.push_back(f.value.value_or(""));
      buffer += CsvRecord(fields);
    } else {
      buffer += ExportRowToJson(columns, row);
      buffer += '\n';
    }
    flush(false);
  });
  flush(true);
  if (!st.ok()) return ReportAnalysisError(st, args.filter);
  return kExitOk;
}

}  // namespace

CommandAction AddExportCommand(CLI::App& app) {
  auto args = std::make_shared<ExportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "export", "Turns, exchanges or briefings of a subcorpus as CSV or JSON lines");
  cmd->add_option("filter", args->filter, "Search filters choosing the subcorpus (default: all)");
  cmd->add_option("--format", args->format, "csv (RFC 4180) or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--unit", args->unit, "turn, exchange or briefing")
      ->check(CLI::IsMember({"turn", "exchange", "briefing"}))
      ->capture_default_str();
  cmd->add_flag("--bom", args->bom, "Start with a UTF-8 byte order mark (for Excel)");
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  return [cmd, args]() -> int { return cmd->parsed() ? RunExport(*args) : -1; };
}

}  // namespace lectern
