// `lectern crawl`: bring a source's archive home, politely and resumably,
// and optionally ingest it. The work is in src/crawl/; this file parses
// options, draws progress and prints the summary.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "base/dates.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit_codes.h"
#include "cli/progress.h"
#include "crawl/crawler.h"
#include "index/index_writer.h"
#include "ingest/batch.h"

namespace lectern {
namespace {

struct CrawlArgs {
  std::string source;
  std::string since, until;
  std::string out;
  std::string index;
  double rate = 1.0;
  bool resume = false;
  size_t max_requests = 20000;
  int retries = 4;
  double backoff = 2.0;
  long timeout = 30;
  std::string base_url;
  bool json = false;
  bool quiet = false;
};

std::atomic<bool> g_stop{false};

void OnSignal(int) { g_stop.store(true); }

const char kUserAgent[] =
    "lectern/0.1.0 (press-briefing archiver; one request at a time; obeys robots.txt)";

struct IngestCounts {
  size_t added = 0, replaced = 0, unchanged = 0;
  std::vector<std::pair<std::string, std::string>> refused;
};

// The same path as `lectern ingest`: ParseBatch over the files, IndexWriter,
// one commit. Every briefing page of the store goes in, not only this run's:
// unchanged ones cost a parse and change nothing, and pages a killed run
// fetched but never ingested are picked up.
Result<IngestCounts> IngestStore(const PageStore& store, const std::string& index, bool progress) {
  Result<std::unique_ptr<IndexWriter>> writer = IndexWriter::Open(index);
  if (!writer.ok()) return writer.status();
  std::vector<std::string> paths;
  for (const PageRecord* r : store.Briefings()) paths.push_back(store.dir() + "/" + r->file);
  IngestCounts counts;
  if (paths.empty()) return counts;
  const InputBatch batch = ListInputs(paths);
  Progress bar("ingest", batch.files.size(), batch.total_bytes, progress);
  Status failure;
  ParseBatch(batch, ParseOptions{}, 0, [&](ParsedFile&& parsed) {
    bar.Advance(parsed.bytes);
    if (!failure.ok()) return;
    if (!parsed.briefing.ok()) {
      counts.refused.emplace_back(parsed.path, parsed.briefing.status().message());
      return;
    }
    Result<AddOutcome> outcome = (*writer)->Add(*parsed.briefing);
    if (!outcome.ok()) {
      failure = outcome.status();
    } else if (*outcome == AddOutcome::kAdded) {
      ++counts.added;
    } else if (*outcome == AddOutcome::kReplaced) {
      ++counts.replaced;
    } else {
      ++counts.unchanged;
    }
  });
  if (failure.ok()) failure = (*writer)->Commit();
  bar.Finish();
  if (!failure.ok()) return failure;
  return counts;
}

nlohmann::json Pairs(const std::vector<std::pair<std::string, std::string>>& pairs) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& [url, reason] : pairs) a.push_back({{"url", url}, {"reason", reason}});
  return a;
}

int RunCrawl(const CrawlArgs& args) {
  const SourceProfile* profile = FindSourceProfile(args.source);
  CrawlOptions options;
  for (const auto& [text, target] :
       {std::pair{args.since, &options.since_days}, std::pair{args.until, &options.until_days}}) {
    if (text.empty()) continue;
    *target = DaysFromIsoDate(text);
    if (!*target) {
      std::fprintf(stderr, "lectern: not a date (YYYY-MM-DD): %s\n", text.c_str());
      return kExitUsage;
    }
  }
  if (!(args.rate > 0)) {
    std::fprintf(stderr, "lectern: --rate must be above 0\n");
    return kExitUsage;
  }
  if (!args.base_url.empty() && !ParseUrl(args.base_url)) {
    std::fprintf(stderr, "lectern: --base-url is not an http(s) URL: %s\n", args.base_url.c_str());
    return kExitUsage;
  }
  const std::string out = args.out.empty() ? "lectern-crawl/" + args.source : args.out;
  Result<std::unique_ptr<PageStore>> store = PageStore::Open(out);
  if (!store.ok()) {
    PrintError(store.status());
    return kExitPartialFailure;
  }
  if (args.resume && !(*store)->had_log()) {
    std::fprintf(stderr, "lectern: --resume: %s holds no earlier crawl\n", out.c_str());
    return kExitUsage;
  }

  options.delay_seconds = 1.0 / args.rate;
  options.backoff_seconds = args.backoff;
  options.retries = args.retries;
  options.max_requests = args.max_requests;
  options.base_url = args.base_url;
  options.stop = &g_stop;
  const bool bar_on = !args.quiet && Progress::StderrIsTerminal();
  Progress bar("crawl " + args.source, 0, 0, bar_on);
  options.on_request = [&bar](const std::string&, size_t bytes) { bar.Advance(bytes); };

  struct sigaction action {};
  action.sa_handler = OnSignal;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  std::unique_ptr<HttpClient> http =
      MakeCurlHttpClient({kUserAgent, args.timeout, std::min(args.timeout, 10L)});
  Crawler crawler(*profile, options, *http, **store);
  CrawlSummary summary = crawler.Run();
  bar.Finish();
  Status manifest = (*store)->WriteManifest();
  if (!manifest.ok()) summary.failed.emplace_back(out + "/MANIFEST.tsv", manifest.message());

  std::optional<IngestCounts> ingested;
  if (!args.index.empty()) {
    Result<IngestCounts> counts = IngestStore(**store, args.index, bar_on);
    if (!counts.ok()) {
      PrintError(counts.status());
      std::fprintf(stderr, "lectern: nothing was committed to %s\n", args.index.c_str());
      return kExitPartialFailure;
    }
    ingested = std::move(*counts);
  }

  const size_t briefings = (*store)->Briefings().size();
  if (args.json) {
    nlohmann::json j = {{"source", args.source},
                        {"out", out},
                        {"requests", summary.requests},
                        {"listing_pages", summary.listing_pages},
                        {"fetched", summary.fetched},
                        {"already_had", summary.have},
                        {"not_modified", summary.unchanged},
                        {"skipped", Pairs(summary.skipped)},
                        {"refused", Pairs(summary.refused)},
                        {"failed", Pairs(summary.failed)},
                        {"interrupted", summary.interrupted},
                        {"briefings_in_store", briefings}};
    if (ingested) {
      j["index"] = {{"path", args.index},
                    {"added", ingested->added},
                    {"replaced", ingested->replaced},
                    {"unchanged", ingested->unchanged},
                    {"refused", Pairs(ingested->refused)}};
    }
    std::printf("%s\n", j.dump().c_str());
  } else {
    for (const auto& [url, reason] : summary.refused)
      std::fprintf(stderr, "%s: refused: %s\n", url.c_str(), reason.c_str());
    for (const auto& [url, reason] : summary.failed)
      std::fprintf(stderr, "%s: failed: %s\n", url.c_str(), reason.c_str());
    if (!args.quiet) {
      for (const auto& [url, reason] : summary.skipped)
        std::fprintf(stderr, "%s: skipped: %s\n", url.c_str(), reason.c_str());
      std::printf(
          "%s: %zu requests, %zu listing pages; %zu briefings fetched, %zu already had, %zu not "
          "modified, %zu skipped, %zu refused, %zu failed%s (%zu briefings in %s)\n",
          args.source.c_str(), summary.requests, summary.listing_pages, summary.fetched.size(),
          summary.have, summary.unchanged, summary.skipped.size(), summary.refused.size(),
          summary.failed.size(), summary.interrupted ? "; interrupted, run again to continue" : "",
          briefings, out.c_str());
      if (ingested) {
        std::printf("index %s: %zu added, %zu replaced, %zu unchanged, %zu refused\n",
                    args.index.c_str(), ingested->added, ingested->replaced, ingested->unchanged,
                    ingested->refused.size());
      }
    }
  }
  bool clean = summary.failed.empty() && summary.refused.empty() && !summary.interrupted &&
               (!ingested || ingested->refused.empty());
  return clean ? kExitOk : kExitPartialFailure;
}

}  // namespace

CommandAction AddCrawlCommand(CLI::App& app) {
  auto args = std::make_shared<CrawlArgs>();
  std::vector<std::string> names;
  std::string sources;
  for (const SourceProfile& p : SourceProfiles()) {
    names.push_back(p.name);
    sources += "\n  " + p.name + ": " + p.description;
  }
  CLI::App* cmd = app.add_subcommand(
      "crawl",
      "Download a source's briefing pages (resumable; robots.txt obeyed) and optionally index "
      "them.\nSources:" +
          sources +
          "\nPages go to OUT/<host>/<path> as served, with OUT/MANIFEST.tsv; listings, refused "
          "pages and the fetch log go to OUT/.crawl/. Run the same command again to continue or "
          "to update: pages already saved are not requested again.");
  cmd->add_option("source", args->source, "mfa-en, mfa-zh or whitehouse")
      ->required()
      ->check(CLI::IsMember(names));
  cmd->add_option("--since", args->since, "First briefing date to fetch, YYYY-MM-DD");
  cmd->add_option("--until", args->until, "Last briefing date to fetch, YYYY-MM-DD");
  cmd->add_option("--out", args->out, "Folder for the pages (default ./lectern-crawl/SOURCE)");
  cmd->add_option("--index", args->index, "Also ingest the briefings into this index");
  cmd->add_option("--rate", args->rate, "Requests per second per host (robots.txt may ask less)")
      ->capture_default_str();
  cmd->add_flag("--resume", args->resume,
                "Insist on continuing an earlier crawl in OUT (every run continues one anyway)");
  cmd->add_option("--max-requests", args->max_requests, "Stop after this many requests")
      ->capture_default_str();
  cmd->add_option("--retries", args->retries, "Retries on 429, 5xx and network errors")
      ->capture_default_str();
  cmd->add_option("--backoff", args->backoff, "Seconds before the first retry; doubles each time")
      ->capture_default_str();
  cmd->add_option("--timeout", args->timeout, "Seconds per request")->capture_default_str();
  cmd->add_option("--base-url", args->base_url,
                  "Fetch from this origin instead of the source's hosts (a mirror or a test "
                  "site, e.g. http://127.0.0.1:8080); pages keep their real URLs");
  cmd->add_flag("--json", args->json, "Print the summary as JSON");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress bar and no summary");
  return [cmd, args]() -> int { return cmd->parsed() ? RunCrawl(*args) : -1; };
}

}  // namespace lectern
