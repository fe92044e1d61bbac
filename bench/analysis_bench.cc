// analysis_bench: lectern's trend and KWIC against ripgrep over the raw
// pages, and collocates/keyness time and peak memory, on the shared corpus
// replicated N times (default 10).
//
// For 20 words and phrases of the corpus:
//   trend  lectern Trend(by month) on the index  vs  `rg -c -i -F PHRASE DIR`
//   kwic   lectern Kwic (every line, 40 columns)  vs  `rg -o -i '.{0,40}PHRASE.{0,40}' DIR`
// The raw pages are copied N times into a temp dir for ripgrep; the
// index holds the parsed briefings N times (ids suffixed -rK). Times are
// the best of --reps runs for lectern and one run for ripgrep; lectern's
// first run of each phrase, with its caches emptied, is shown as "cold". Counts are
// compared with `rg --count-matches` (occurrences, not lines; untimed).
// Output ends with RATIO lines (ripgrep's total time / lectern's): trend
// with the token totals built, KWIC cold (nothing cached).
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "analysis/collocates.h"
#include "analysis/keyness.h"
#include "analysis/kwic.h"
#include "analysis/trend.h"
#include "analysis/trend_cells.h"
#include "analysis_phrases.h"
#include "base/parallel.h"
#include "index/index.h"
#include "index/index_writer.h"
#include "ingest/parse.h"

namespace fs = std::filesystem;
using lectern::Briefing;

namespace {

using lectern_bench::kPhrases;

const char* kFolders[] = {"mfa-en-html", "mfa-zh-html-2016", "mfa-zh-html-2020", "whitehouse-html"};

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string Run(const std::string& cmd) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

// Sum of the per-file counts `rg -c` / `--count-matches` print (path:count).
uint64_t SumCounts(const std::string& out) {
  uint64_t total = 0;
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    const size_t colon = out.rfind(':', end);
    if (colon != std::string::npos && colon > start)
      total += std::strtoull(out.c_str() + colon + 1, nullptr, 10);
    start = end + 1;
  }
  return total;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string RegexEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string("\\.^$|?*+()[]{}-").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

long PeakRssKb() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus = LECTERN_DEFAULT_CORPUS;
  int replicate = 10, reps = 3;
  std::string work;  // kept between runs when given (reused if it holds an index)
  bool with_rg = true, with_collocates = true;
  std::string only;  // one phrase of the list (profiling)
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--replicate" && i + 1 < argc)
      replicate = std::max(1, std::atoi(argv[++i]));
    else if (a == "--reps" && i + 1 < argc)
      reps = std::max(1, std::atoi(argv[++i]));
    else if (a == "--corpus" && i + 1 < argc)
      corpus = argv[++i];
    else if (a == "--work" && i + 1 < argc)
      work = argv[++i];
    else if (a == "--phrase" && i + 1 < argc)
      only = argv[++i];
    else if (a == "--no-rg")
      with_rg = false;
    else if (a == "--no-collocates")
      with_collocates = false;
    else {
      std::fprintf(stderr,
                   "usage: analysis_bench [--replicate N] [--reps N] [--corpus DIR] [--work DIR] "
                   "[--phrase P] [--no-rg] [--no-collocates]\n");
      return 2;
    }
  }
  if (!fs::exists(corpus)) {
    std::fprintf(stderr, "analysis_bench: %s not found\n", corpus.c_str());
    return 1;
  }
  std::string tmp = work;
  if (tmp.empty()) {
    tmp = (fs::temp_directory_path() / "lectern-analysis-bench-XXXXXX").string();
    if (::mkdtemp(tmp.data()) == nullptr) return 1;
  }
  const std::string raw = tmp + "/raw", index_dir = tmp + "/index";
  // A --work directory from an earlier run is reused as it is (profiling).
  const bool reuse = !work.empty() && fs::exists(fs::path(index_dir) / "CURRENT");
  fs::create_directories(raw);

  // Parse once, copy the raw pages N times for ripgrep.
  std::vector<fs::path> paths;
  for (const char* folder : kFolders) {
    for (const auto& e : fs::directory_iterator(fs::path(corpus) / folder)) {
      const std::string name = e.path().filename().string();
      if (e.is_regular_file() && name != "MANIFEST.tsv" && !name.starts_with("."))
        paths.push_back(e.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  std::vector<Briefing> briefings;
  std::set<std::string> ids;
  uint64_t raw_bytes = 0;
  if (!reuse)
    lectern::ParallelMapOrdered<lectern::Result<Briefing>>(
        paths.size(), std::max(1u, std::thread::hardware_concurrency()),
        [&](size_t i) {
          return lectern::ParseFile(paths[i].string(), lectern::ParseOptions{"auto"});
        },
        [&](size_t, lectern::Result<Briefing> b) {
          if (b.ok() && ids.insert(b->id).second) briefings.push_back(std::move(b).value());
        });
  for (int r = 0; r < replicate; ++r) {
    const fs::path dir = fs::path(raw) / ("copy" + std::to_string(r));
    fs::create_directories(dir);
    for (const fs::path& p : paths) {
      const fs::path to = dir / (p.parent_path().filename().string() + "-" + p.filename().string());
      if (!reuse) fs::copy_file(p, to);
      raw_bytes += fs::file_size(p);
    }
  }
  auto t0 = std::chrono::steady_clock::now();
  if (!reuse) {
    auto writer = lectern::IndexWriter::Open(index_dir);
    if (!writer.ok()) return 1;
    for (int r = 0; r < replicate; ++r) {
      for (const Briefing& b : briefings) {
        Briefing copy = b;
        if (r > 0) copy.id += "-r" + std::to_string(r);
        if (!(*writer)->Add(copy).ok()) return 1;
      }
    }
    if (!(*writer)->Commit().ok()) return 1;
  }
  const double index_seconds = Seconds(t0);
  auto opened = lectern::Index::Open(index_dir);
  if (!opened.ok()) return 1;
  const lectern::Index& index = **opened;
  std::printf(
      "corpus %s x%d: %zu pages (%.0f MB raw), %llu briefings, %llu turns, %llu tokens; "
      "index built in %.1f s\n\n",
      corpus.c_str(), replicate, paths.size() * replicate, raw_bytes / 1e6,
      static_cast<unsigned long long>(index.live_briefings()),
      static_cast<unsigned long long>(index.live_turns()),
      static_cast<unsigned long long>(index.live_tokens()), index_seconds);

  std::printf("%-20s %9s %9s %9s %9s %9s %9s | %9s %9s %9s %9s %9s\n", "phrase", "lectern",
              "rg-matches", "trend ms", "cold ms", "rg -c ms", "ratio", "kwic", "kwic ms",
              "cold ms", "rg -o ms", "ratio");
  double trend_l = 0, trend_r = 0, kwic_l = 0, kwic_r = 0, trend_cold = 0, kwic_cold = 0;
  // The first run of each phrase starts with the trend cache empty ("cold");
  // KWIC keeps nothing between calls.
  for (const char* phrase : kPhrases) {
    if (!only.empty() && only != phrase) continue;
    const std::string q = std::string("\"") + phrase + "\"";
    lectern::TrendOptions trend;
    trend.queries = {q};
    double best_t = 1e9, best_k = 1e9, cold_t = 0, cold_k = 0;
    uint64_t count = 0, lines = 0;
    lectern::TrendCellCache::Shared().Clear();
    for (int i = 0; i < reps; ++i) {
      auto t = std::chrono::steady_clock::now();
      auto r = lectern::Trend(index, trend);
      best_t = std::min(best_t, Seconds(t));
      if (i == 0) cold_t = Seconds(t);
      if (r.ok()) count = r->totals[0] + 0;
    }
    lectern::KwicOptions kwic;
    kwic.query = q;
    for (int i = 0; i < reps; ++i) {
      auto t = std::chrono::steady_clock::now();
      auto r = lectern::Kwic(index, kwic);
      best_k = std::min(best_k, Seconds(t));
      if (i == 0) cold_k = Seconds(t);
      if (r.ok()) lines = r->lines.size();
    }
    trend_cold += cold_t;
    kwic_cold += cold_k;
    double rg_c = 0, rg_o = 0;
    uint64_t rg_matches = 0;
    auto t = std::chrono::steady_clock::now();
    if (with_rg) {
      Run("rg -c -i -F " + ShellQuote(phrase) + " " + raw);
      rg_c = Seconds(t);
      t = std::chrono::steady_clock::now();
      Run("rg -o -i " + ShellQuote(".{0,40}" + RegexEscape(phrase) + ".{0,40}") + " " + raw +
          " > /dev/null");
      rg_o = Seconds(t);
      rg_matches = SumCounts(Run("rg --count-matches -i -F " + ShellQuote(phrase) + " " + raw));
    }
    trend_l += best_t;
    trend_r += rg_c;
    kwic_l += best_k;
    kwic_r += rg_o;
    std::printf("%-20s %9llu %9llu %9.2f %9.2f %9.1f %9.0f | %9llu %9.2f %9.2f %9.1f %9.0f\n",
                phrase, static_cast<unsigned long long>(count),
                static_cast<unsigned long long>(rg_matches), best_t * 1e3, cold_t * 1e3, rg_c * 1e3,
                rg_c / best_t, static_cast<unsigned long long>(lines), best_k * 1e3, cold_k * 1e3,
                rg_o * 1e3, rg_o / best_k);
    std::fflush(stdout);
  }
  std::printf("\ntotal: trend %.3f s vs rg -c %.3f s; kwic %.3f s vs rg -o %.3f s\n", trend_l,
              trend_r, kwic_l, kwic_r);
  std::printf(
      "cold (first run, caches empty): trend %.3f s (ratio %.1f); kwic %.3f s (ratio %.1f)\n\n",
      trend_cold, trend_r / trend_cold, kwic_cold, kwic_r / kwic_cold);

  // Collocates and keyness over the whole (replicated) index.
  for (const char* node : {"china", "the"}) {
    if (!with_collocates) break;
    const long before = PeakRssKb();
    auto t = std::chrono::steady_clock::now();
    lectern::CollocatesOptions c;
    c.node = node;
    auto r = lectern::Collocates(index, c);
    std::printf(
        "collocates %-6s %7.3f s, %zu collocates, node %llu, peak RSS %ld MB (was %ld MB)\n", node,
        Seconds(t), r.ok() ? r->collocates.size() : 0,
        r.ok() ? static_cast<unsigned long long>(r->node_frequency) : 0ull, PeakRssKb() / 1024,
        before / 1024);
  }
  for (int n : {1, 2}) {
    if (!with_collocates) break;
    const long before = PeakRssKb();
    auto t = std::chrono::steady_clock::now();
    lectern::KeynessOptions k;
    k.target = "speaker:\"Hua Chunying\"";
    k.ngrams = n;
    auto r = lectern::Keyness(index, k);
    std::printf("keyness ngrams=%d %7.3f s, %zu+%zu items, peak RSS %ld MB (was %ld MB)%s\n", n,
                Seconds(t), r.ok() ? r->over.size() : 0, r.ok() ? r->under.size() : 0,
                PeakRssKb() / 1024, before / 1024, r.ok() ? "" : r.status().message().c_str());
  }
  std::error_code ec;
  if (work.empty()) fs::remove_all(tmp, ec);
  // Trend: best run, with the per-segment token totals (index metadata,
  // the same for every phrase) built. KWIC: the first run, with no
  // decompressed text cached, since the cache holds this phrase's own
  // turns; the warm figure is printed above.
  std::printf("\nRATIO trend ripgrep %.1f\nRATIO kwic ripgrep %.1f\n", trend_r / trend_l,
              kwic_r / kwic_cold);
  return 0;
}
