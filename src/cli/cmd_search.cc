// `lectern search`: ranked turns with their exchanges and highlighted snippets.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/render.h"
#include "query/results_json.h"
#include "query/searcher.h"

namespace lectern {
namespace {

struct SearchArgs {
  std::string query;
  std::string index = DefaultIndexDir();
  size_t limit = 10;
  size_t offset = 0;
  std::string sort = "relevance";
  bool json = false;
};

std::string Who(const Turn& turn) {
  const auto& who = turn.role == Role::kQuestion ? turn.outlet : turn.speaker;
  return who ? *who : (turn.role == Role::kQuestion ? "anonymous" : "?");
}

// The snippet with its highlights in bold yellow, or [bracketed] without colour.
std::string Highlighted(const Snippet& snippet, bool color) {
  const std::string open = color ? "\033[1;33m" : "[", close = color ? "\033[0m" : "]";
  std::string out;
  size_t at = 0;
  for (const Highlight& h : snippet.highlights) {
    out += snippet.text.substr(at, h.begin - at) + open +
           snippet.text.substr(h.begin, h.end - h.begin) + close;
    at = h.end;
  }
  return out + snippet.text.substr(at);
}

void PrintText(const SearchResults& r, const SearchArgs& args) {
  const bool color = StdoutWantsColor();
  const std::string bold = color ? "\033[1m" : "", dim = color ? "\033[2m" : "",
                    reset = color ? "\033[0m" : "";
  std::printf("%llu turns in %llu briefings match", static_cast<unsigned long long>(r.total_turns),
              static_cast<unsigned long long>(r.total_briefings));
  if (!r.hits.empty()) {
    std::printf(" (showing %zu-%zu)", args.offset + 1, args.offset + r.hits.size());
  }
  std::printf("\n");
  for (const Hit& hit : r.hits) {
    std::printf("\n%s%s  %s%s\n", bold.c_str(), hit.date ? hit.date->c_str() : "(undated)",
                hit.title.c_str(), reset.c_str());
    std::printf("%s%s #%u  score %.2f%s\n", dim.c_str(), hit.briefing_id.c_str(), hit.turn,
                hit.score, reset.c_str());
    std::vector<uint32_t> turns = hit.exchange_turns;
    if (turns.empty()) turns.push_back(hit.turn);
    for (size_t i = 0; i < turns.size(); ++i) {
      const Turn& turn = hit.exchange_turns.empty() ? hit.matched : hit.exchange[i];
      const char* letter = turn.role == Role::kQuestion ? "Q"
                           : turn.role == Role::kAnswer ? "A"
                           : turn.role == Role::kNote   ? "N"
                                                        : "S";
      std::string text =
          turns[i] == hit.turn ? Highlighted(hit.snippet, color) : Abbreviate(turn.text, 240);
      for (char& c : text) c = c == '\n' ? ' ' : c;
      std::printf("  %s%s [%s]%s %s\n", turns[i] == hit.turn ? bold.c_str() : "", letter,
                  Who(turn).c_str(), reset.c_str(), text.c_str());
    }
  }
}

int RunSearch(const SearchArgs& args) {
  Result<std::shared_ptr<const Index>> index = Index::Open(args.index);
  if (!index.ok()) {
    PrintError(index.status());
    return kExitPartialFailure;
  }
  Searcher searcher(*index);
  SearchOptions options;
  options.limit = args.limit;
  options.offset = args.offset;
  options.sort = args.sort == "date" ? SearchOptions::Sort::kDate : SearchOptions::Sort::kRelevance;
  Result<SearchResults> results = searcher.Search(args.query, options);
  if (!results.ok()) {
    const Status& s = results.status();
    if (args.json) std::printf("%s\n", QueryErrorToJson(s).c_str());
    std::fprintf(stderr, "lectern: bad query: %s\n%s", s.message().c_str(),
                 PointAtColumn(args.query, s.message()).c_str());
    return s.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitPartialFailure;
  }
  if (args.json) {
    std::printf("%s\n", SearchResultsToJson(*results, args.query, args.offset, args.limit).c_str());
  } else {
    PrintText(*results, args);
  }
  return kExitOk;
}

}  // namespace

CommandAction AddSearchCommand(CLI::App& app) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd =
      app.add_subcommand("search", "Search the index (see the README for the query language)");
  cmd->add_option("query", args->query, "The query, e.g. 'outlet:Reuters \"Chengdu consulate\"'")
      ->required();
  cmd->add_option("--index", args->index, "Index directory")->capture_default_str();
  cmd->add_option("--limit", args->limit, "Hits to show")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--offset", args->offset, "Hits to skip")->capture_default_str();
  cmd->add_option("--sort", args->sort, "relevance or date (newest first)")
      ->check(CLI::IsMember({"relevance", "date"}))
      ->capture_default_str();
  cmd->add_flag("--json", args->json, "Machine-readable output");
  return [cmd, args]() -> int { return cmd->parsed() ? RunSearch(*args) : -1; };
}

}  // namespace lectern
