// talking_points_bench: the talking-point analysis (talking_points.h) on the
// shared corpus, 1x and replicated (default 10x), next to the time to build
// lectern's index of the same corpus and to a straightforward baseline.
//
// Corpus: the pages of mfa-en-html, mfa-zh-html-2016, mfa-zh-html-2020 and
// whitehouse-html that ParseFile accepts, a briefing id seen twice kept
// once (as index_bench); copy r >= 1 of briefing B has id B.id + "-r" + r.
//
// For each corpus size (every timing the best of --repeat runs, default 2,
// by wall clock; CPU time, user + system, printed beside it because the
// wall clock of a shared machine varies with the load):
//   index build  IndexWriter, Add() every briefing, Commit(), single
//                threaded, wall clock (as index_bench); index size = bytes
//                allocated to its files.
//   analysis     FindTalkingPoints with the CLI's defaults (8 words, 12
//                characters, 3 briefings, top 20; 3N briefings in the Nx
//                corpus, where each passage is repeated N times), on 1 thread
//                (everything on the calling thread) and on every core, each
//                run in a fresh process (this program re-executed) that opens
//                the index, runs it once and reports its wall and CPU time,
//                its peak resident memory (VmHWM: the whole process, so the
//                binary, its libraries and the memory-mapped index pages,
//                which opening the index touches to verify their checksums,
//                count too) and the resident memory before the analysis, so
//                the analysis's own share is the difference; and the
//                analysis's own peak: the largest RssAnon (resident
//                anonymous memory: heap and stacks, not the mapped index nor
//                the binary) sampled every millisecond while it runs, less
//                the RssAnon before it starts (the opened index's metadata).
//   baseline     what one would write first: load each briefing from the
//                index's store, analyse its answers and statements, keep the
//                set of its 8-token shingles (hashes, sorted), then intersect
//                the sets of every pair of briefings of one language; a
//                shingle shared by pairs covering >= 3 briefings is a
//                repeated verbatim passage. Same fresh-process measurement,
//                run once. At the larger size it runs only when
//                --baseline-all is given (pairs grow with the square: 100x
//                the 1x time at 10x).
//   agreement    (1x, untimed) the baseline's repeated 8-shingles of English
//                and White House briefings, against the 8-shingles inside the
//                talking points' spokesperson uses (every point, boilerplate
//                included): the share of the baseline's shingles the
//                analysis covers (recall), and the share of the shingles of
//                verbatim uses, of points used verbatim in >= 3 briefings,
//                that the baseline also found (should be 100%).
// Output ends with
//   RATIO talking_points index_build <index build time / analysis time>
//   RATIO talking_points baseline <baseline time / analysis time>
// for the 1x corpus, the analysis on ONE thread (the index build is single
// threaded); the ratios on every core, in CPU time and at 10x are printed
// in the lines above them.
//
// Usage: talking_points_bench [--replicate N] [--repeat N] [--baseline-all] [CORPUS]
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analysis/passage_tokens.h"
#include "analysis/talking_points.h"
#include "base/parallel.h"
#include "index/index.h"
#include "index/index_writer.h"
#include "ingest/parse.h"
#include "text/analyzer.h"

#ifndef LECTERN_DEFAULT_CORPUS
#define LECTERN_DEFAULT_CORPUS "../shared/corpus"
#endif

namespace fs = std::filesystem;
using lectern::Briefing;

namespace {

const char* const kFolders[] = {"mfa-en-html", "mfa-zh-html-2016", "mfa-zh-html-2020",
                                "whitehouse-html"};
constexpr size_t kShingle = 8;

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// CPU time (user + system, all threads) of this process so far.
double CpuSeconds() {
  struct rusage ru;
  ::getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
         (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// A /proc/self/status field in kB.
long StatusKb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string key = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + key.size());
  }
  return 0;
}

uint64_t Allocated(const fs::path& dir) {
  uint64_t bytes = 0;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    struct stat st;
    if (::lstat(e.path().c_str(), &st) == 0 && S_ISREG(st.st_mode))
      bytes += static_cast<uint64_t>(st.st_blocks) * 512;
  }
  return bytes;
}

std::vector<Briefing> LoadCorpus(const fs::path& root) {
  std::vector<Briefing> out;
  std::set<std::string> ids;
  for (const char* folder : kFolders) {
    std::vector<fs::path> paths;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root / folder, ec)) {
      const std::string name = e.path().filename().string();
      if (e.is_regular_file() && name != "MANIFEST.tsv" && !name.starts_with("."))
        paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    lectern::ParallelMapOrdered<lectern::Result<Briefing>>(
        paths.size(), std::max(1u, std::thread::hardware_concurrency()),
        [&](size_t i) { return lectern::ParseFile(paths[i].string(), {"auto"}); },
        [&](size_t, lectern::Result<Briefing> b) {
          if (b.ok() && ids.insert(b->id).second) out.push_back(std::move(b).value());
        });
  }
  return out;
}

// The largest RssAnon (kB) seen while it runs: a thread reads
// /proc/self/status every millisecond. RssAnon is the process's resident
// anonymous memory (heap, stacks), so unlike VmHWM it leaves out the mapped
// index file and the binary's pages; an allocation that lives under a
// millisecond can be missed, which the analysis's large arrays do not.
// The sampler's own CPU time (cpu_seconds()) is taken out of the analysis's.
class AnonPeak {
 public:
  AnonPeak() : peak_(StatusKb("RssAnon")) {
    thread_ = std::thread([this] {
      while (!stop_.load(std::memory_order_relaxed)) {
        const long now = StatusKb("RssAnon");
        peak_.store(std::max(peak_.load(), now));
        stage_peak_.store(std::max(stage_peak_.load(), now));
        stage_rss_peak_.store(std::max(stage_rss_peak_.load(), StatusKb("VmRSS")));
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      struct timespec ts;
      ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
      cpu_seconds_ = ts.tv_sec + ts.tv_nsec / 1e9;
    });
  }
  // Stops sampling and returns the peak (with a last reading).
  long Stop() {
    stop_ = true;
    thread_.join();
    return std::max(peak_.load(), StatusKb("RssAnon"));
  }
  double cpu_seconds() const { return cpu_seconds_; }
  // The peak since the last call (for the stage times on stderr).
  long TakeStagePeak() { return stage_peak_.exchange(StatusKb("RssAnon")); }
  // The same for the whole resident set (VmRSS: mapped index pages too).
  long TakeStageRssPeak() { return stage_rss_peak_.exchange(StatusKb("VmRSS")); }

 private:
  double cpu_seconds_ = 0;
  std::atomic<long> peak_;
  std::atomic<long> stage_peak_{0};
  std::atomic<long> stage_rss_peak_{0};
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// ------------------------------------------------------------ child modes
// Each prints one line "RESULT seconds peak_kb before_kb extra..." on stdout.

int ChildAnalysis(const std::string& dir, size_t threads, size_t min_briefings) {
  auto index = lectern::Index::Open(dir);
  if (!index.ok()) return 1;
  const long before = StatusKb("VmRSS");
  const long anon_before = StatusKb("RssAnon");
  lectern::TalkingPointOptions o;
  o.limit = 20;
  o.threads = threads;
  o.min_briefings = min_briefings;
  AnonPeak anon;
  const double t0 = Now(), cpu0 = CpuSeconds();
  // Stage times on stderr (the stages are the progress callback's).
  std::string stage;
  double stage_start = t0;
  o.progress = [&](std::string_view name, size_t, size_t) {
    if (name == stage) return;
    const double now = Now();
    if (!stage.empty()) {
      std::fprintf(stderr, "  %-20s %.3f s, RssAnon peak %ld MB, VmRSS peak %ld MB\n",
                   stage.c_str(), now - stage_start, anon.TakeStagePeak() / 1024,
                   anon.TakeStageRssPeak() / 1024);
    }
    stage = std::string(name);
    stage_start = now;
  };
  auto report = lectern::FindTalkingPoints(*index, o);
  const double seconds = Now() - t0;
  const long anon_peak = anon.Stop();
  if (!stage.empty()) {
    std::fprintf(stderr, "  %-20s %.3f s, RssAnon peak %ld MB, VmRSS peak %ld MB\n", stage.c_str(),
                 Now() - stage_start, anon.TakeStagePeak() / 1024, anon.TakeStageRssPeak() / 1024);
  }
  if (!report.ok()) {
    std::fprintf(stderr, "%s\n", report.status().message().c_str());
    return 1;
  }
  std::printf("RESULT %.3f %ld %ld %zu %zu %.3f %ld %ld\n", seconds, StatusKb("VmHWM"), before,
              report->points, report->tokens, CpuSeconds() - cpu0 - anon.cpu_seconds(), anon_before,
              anon_peak);
  return 0;
}

uint64_t ShingleHash(const std::vector<lectern::Token>& tokens, size_t at) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = at; i < at + kShingle; ++i) {
    for (unsigned char c : tokens[i].term) h = (h ^ c) * 0x100000001b3ULL;
    h = (h ^ 0x1f) * 0x100000001b3ULL;
  }
  return lectern::Mix64(h);
}

bool Spokesperson(lectern::Role r) {
  return r == lectern::Role::kAnswer || r == lectern::Role::kStatement;
}

bool Latin(const std::string& language) { return language != "zh" && language != "ja"; }

// The baseline; writes the repeated shingles of Latin-script briefings to
// `out` (one hash per line) for the agreement check.
int ChildBaseline(const std::string& dir, const std::string& out) {
  auto index = lectern::Index::Open(dir);
  if (!index.ok()) return 1;
  const long before = StatusKb("VmRSS");
  const double t0 = Now();
  struct Set {
    std::string language;
    std::vector<uint64_t> shingles;  // sorted, distinct
  };
  std::vector<Set> sets;
  lectern::Analyzer analyzer;
  std::vector<lectern::Token> tokens;
  for (const lectern::SegmentView& view : (*index)->segments()) {
    for (uint32_t b = 0; b < view.segment->briefing_count(); ++b) {
      if (view.deleted_briefings[b]) continue;
      auto briefing = view.segment->LoadBriefing(b);
      if (!briefing.ok()) return 1;
      Set set{briefing->language, {}};
      for (const lectern::Turn& turn : briefing->turns) {
        if (!Spokesperson(turn.role)) continue;
        lectern::PassageTokens(analyzer, turn.text, &tokens);
        for (size_t i = 0; i + kShingle <= tokens.size(); ++i)
          set.shingles.push_back(ShingleHash(tokens, i));
      }
      std::sort(set.shingles.begin(), set.shingles.end());
      set.shingles.erase(std::unique(set.shingles.begin(), set.shingles.end()), set.shingles.end());
      sets.push_back(std::move(set));
    }
  }
  // Every pair: shared shingles, and the briefings each was shared by.
  std::unordered_map<uint64_t, std::vector<uint32_t>> shared;
  std::vector<uint64_t> common;
  for (uint32_t i = 0; i < sets.size(); ++i) {
    for (uint32_t j = i + 1; j < sets.size(); ++j) {
      if (sets[i].language != sets[j].language) continue;
      common.clear();
      std::set_intersection(sets[i].shingles.begin(), sets[i].shingles.end(),
                            sets[j].shingles.begin(), sets[j].shingles.end(),
                            std::back_inserter(common));
      for (uint64_t h : common) {
        std::vector<uint32_t>& by = shared[h];
        if (by.empty() || by.back() != i) by.push_back(i);
        by.push_back(j);
      }
    }
  }
  size_t repeated = 0;
  std::vector<uint64_t> latin;
  for (auto& [h, by] : shared) {
    std::sort(by.begin(), by.end());
    by.erase(std::unique(by.begin(), by.end()), by.end());
    if (by.size() < 3) continue;
    ++repeated;
    if (Latin(sets[by[0]].language)) latin.push_back(h);
  }
  const double seconds = Now() - t0;
  std::printf("RESULT %.3f %ld %ld %zu\n", seconds, StatusKb("VmHWM"), before, repeated);
  if (!out.empty()) {
    std::FILE* f = std::fopen(out.c_str(), "w");
    if (f == nullptr) return 1;
    for (uint64_t h : latin) std::fprintf(f, "%llu\n", static_cast<unsigned long long>(h));
    std::fclose(f);
  }
  return 0;
}

// Untimed: every point's spokesperson uses against the baseline's shingles.
int ChildAgreement(const std::string& dir, const std::string& baseline_file) {
  auto index = lectern::Index::Open(dir);
  if (!index.ok()) return 1;
  std::unordered_set<uint64_t> baseline;
  {
    std::ifstream in(baseline_file);
    unsigned long long h;
    while (in >> h) baseline.insert(h);
  }
  lectern::TalkingPointOptions o;
  o.limit = 0;
  o.include_boilerplate = true;
  auto report = lectern::FindTalkingPoints(*index, o);
  if (!report.ok()) return 1;
  std::unordered_set<uint64_t> covered, verbatim;
  std::unordered_map<std::string, Briefing> cache;
  lectern::Analyzer analyzer;
  std::vector<lectern::Token> tokens;
  for (const lectern::TalkingPoint& tp : report->talking_points) {
    if (!Latin(tp.language)) continue;
    std::set<std::string> verbatim_briefings;
    for (const auto& use : tp.uses) {
      if (Spokesperson(use.use.role) && use.verbatim)
        verbatim_briefings.insert(use.use.briefing_id);
    }
    const bool strict = verbatim_briefings.size() >= 3;
    for (const auto& use : tp.uses) {
      if (!Spokesperson(use.use.role)) continue;
      auto it = cache.find(use.use.briefing_id);
      if (it == cache.end()) {
        auto b = (*index)->LoadBriefing(use.use.briefing_id);
        if (!b.ok()) return 1;
        it = cache.emplace(use.use.briefing_id, std::move(b).value()).first;
      }
      lectern::PassageTokens(analyzer, it->second.turns[use.use.turn].text, &tokens);
      for (size_t i = use.token_begin;
           i + kShingle <= use.token_end && i + kShingle <= tokens.size(); ++i) {
        const uint64_t h = ShingleHash(tokens, i);
        covered.insert(h);
        if (strict && use.verbatim) verbatim.insert(h);
      }
    }
  }
  size_t found = 0, confirmed = 0;
  for (uint64_t h : baseline) found += covered.count(h);
  for (uint64_t h : verbatim) confirmed += baseline.count(h);
  std::printf("RESULT %zu %zu %zu %zu\n", baseline.size(), found, verbatim.size(), confirmed);
  return 0;
}

// Runs this program in `mode` and returns the numbers after "RESULT".
std::vector<double> Child(const std::string& args) {
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  std::FILE* p = ::popen((self + " --child " + args).c_str(), "r");
  std::vector<double> out;
  if (p == nullptr) return out;
  char line[512];
  while (std::fgets(line, sizeof line, p) != nullptr) {
    std::string s(line);
    if (s.rfind("RESULT ", 0) != 0) continue;
    char* at = line + 7;
    char* end;
    for (double v = std::strtod(at, &end); end != at; v = std::strtod(at, &end)) {
      out.push_back(v);
      at = end;
    }
  }
  ::pclose(p);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 3 && args[0] == "--child") {
    if (args[1] == "analysis" && args.size() == 5)
      return ChildAnalysis(args[2], std::stoul(args[3]), std::stoul(args[4]));
    if (args[1] == "baseline") return ChildBaseline(args[2], args.size() > 3 ? args[3] : "");
    if (args[1] == "agreement" && args.size() == 4) return ChildAgreement(args[2], args[3]);
    return 2;
  }
  int replicate = 10, repeat = 2;
  bool baseline_all = false;
  std::string corpus = LECTERN_DEFAULT_CORPUS;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--replicate" && i + 1 < args.size()) {
      replicate = std::max(1, std::atoi(args[++i].c_str()));
    } else if (args[i] == "--repeat" && i + 1 < args.size()) {
      repeat = std::max(1, std::atoi(args[++i].c_str()));
    } else if (args[i] == "--baseline-all") {
      baseline_all = true;
    } else if (!args[i].starts_with("-")) {
      corpus = args[i];
    } else {
      std::fprintf(stderr,
                   "usage: talking_points_bench [--replicate N] [--repeat N] [--baseline-all] "
                   "[CORPUS]\n");
      return 2;
    }
  }
  if (!fs::is_directory(fs::path(corpus) / "mfa-en-html")) {
    std::printf("talking_points_bench: no corpus at %s; nothing to measure\n", corpus.c_str());
    return 0;
  }
  const std::vector<Briefing> base = LoadCorpus(corpus);
  std::string tmp = (fs::temp_directory_path() / "lectern-tp-bench-XXXXXX").string();
  if (::mkdtemp(tmp.data()) == nullptr) return 1;
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::printf(
      "talking_points_bench: %s, %zu briefings; %u cores; best of %d runs (wall s, and CPU s "
      "in brackets)\n\n",
      corpus.c_str(), base.size(), cores, repeat);
  std::printf("%-5s %9s %8s %14s %14s %7s %14s %7s %9s %8s\n", "size", "tokens", "index MB",
              "build s", "tp 1 thread s", "tp MB", "tp all s", "tp MB", "baseline", "base MB");
  double ratio_build = 0, ratio_baseline = 0;
  std::vector<int> sizes = {1};
  if (replicate > 1) sizes.push_back(replicate);
  for (int n : sizes) {
    const std::string dir = tmp + "/index-x" + std::to_string(n);
    double build = 1e30, build_cpu = 0;
    {
      std::vector<Briefing> copies;
      copies.reserve(base.size() * n);
      for (int r = 0; r < n; ++r) {
        for (const Briefing& b : base) {
          copies.push_back(b);
          if (r > 0) copies.back().id += "-r" + std::to_string(r);
        }
      }
      for (int r = 0; r < repeat; ++r) {
        std::error_code ec;
        fs::remove_all(dir, ec);
        const double t0 = Now(), cpu0 = CpuSeconds();
        auto writer = lectern::IndexWriter::Open(dir);
        if (!writer.ok()) return 1;
        for (const Briefing& b : copies) {
          if (!(*writer)->Add(b).ok()) return 1;
        }
        if (!(*writer)->Commit().ok()) return 1;
        if (Now() - t0 < build) build = Now() - t0, build_cpu = CpuSeconds() - cpu0;
      }
    }
    const double index_mb = Allocated(dir) / 1e6;
    // In the Nx corpus every passage is repeated N times: 3N briefings asks
    // for what 3 asks of the 1x corpus (else all the text would be points).
    const std::string min_briefings = " " + std::to_string(3 * n);
    // Best of `repeat` fresh processes (by wall time); peak memory is the
    // largest seen.
    auto best = [&](size_t threads) {
      std::vector<double> out;
      double peak = 0, anon_peak = 0;
      for (int r = 0; r < repeat; ++r) {
        std::vector<double> run =
            Child("analysis " + dir + " " + std::to_string(threads) + min_briefings);
        if (run.size() < 8) return std::vector<double>();
        peak = std::max(peak, run[1]);
        anon_peak = std::max(anon_peak, run[7]);
        if (out.empty() || run[0] < out[0]) out = run;
      }
      out[1] = peak;
      out[7] = anon_peak;
      return out;
    };
    const std::vector<double> one = best(1);
    const std::vector<double> all = best(cores);
    if (one.empty() || all.empty()) {
      std::fprintf(stderr, "talking_points_bench: the analysis failed on %s\n", dir.c_str());
      return 1;
    }
    std::vector<double> base_run;
    const std::string shingles = tmp + "/baseline-x" + std::to_string(n) + ".txt";
    if (n == 1 || baseline_all) base_run = Child("baseline " + dir + " " + shingles);
    // Memory: peak of the process, and (in brackets) the analysis's own
    // growth over the opened index. Memory columns are MiB (kB / 1024); the
    // ratios to the index size are taken in bytes (index MB are 10^6 bytes).
    auto mb = [](double kb) { return kb / 1024; };
    char base_cell[64] = "-", base_mem[64] = "-";
    if (base_run.size() >= 3) {
      std::snprintf(base_cell, sizeof base_cell, "%.2f", base_run[0]);
      std::snprintf(base_mem, sizeof base_mem, "%.0f", mb(base_run[1]));
    }
    auto cell = [](double wall, double cpu) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.2f (%.2f)", wall, cpu);
      return std::string(buf);
    };
    std::printf("x%-4d %9.0f %8.1f %14s %14s %7.0f %14s %7.0f %9s %8s\n", n, one[4], index_mb,
                cell(build, build_cpu).c_str(), cell(one[0], one[5]).c_str(), mb(one[1]),
                cell(all[0], all[5]).c_str(), mb(all[1]), base_cell, base_mem);
    std::printf(
        "      resident before the analysis (binary, libraries, the opened index): %.0f MB; "
        "the analysis's own growth: %.0f MB (1 thread), %.0f MB (%u); points %.0f\n",
        mb(one[2]), mb(one[1] - one[2]), mb(all[1] - all[2]), cores, one[3]);
    // The analysis's own peak: the anonymous memory (RssAnon) it holds at
    // its largest, over what was there when it started.
    const double own_one = one[7] - one[6], own_all = all[7] - all[6];
    std::printf(
        "      anonymous memory (RssAnon) before the analysis %.0f MB, peak %.0f MB (1 thread), "
        "%.0f MB (%u); the analysis's own peak (RssAnon peak - before): %.0f MB (1 thread), "
        "%.0f MB (%u) = %.2f of the index size (target < 2)\n",
        mb(one[6]), mb(one[7]), mb(all[7]), cores, mb(own_one), mb(own_all), cores,
        std::max(own_one, own_all) * 1.024e-3 / index_mb);
    std::printf(
        "      peak / index size %.2f; index build / analysis: %.2f (1 thread), %.2f (%u "
        "threads), %.2f (CPU time, 1 thread)\n",
        std::max(one[1], all[1]) * 1.024e-3 / index_mb, build / one[0], build / all[0], cores,
        build_cpu / one[5]);
    if (n == 1) {
      ratio_build = build / one[0];
      if (base_run.size() >= 3) ratio_baseline = base_run[0] / one[0];
      const std::vector<double> agree = Child("agreement " + dir + " " + shingles);
      if (agree.size() >= 4) {
        std::printf(
            "      agreement (English, White House): the baseline's %.0f repeated "
            "8-shingles, %.0f (%.1f%%) inside talking-point uses; %.0f 8-shingles of "
            "verbatim uses, %.0f (%.1f%%) found by the baseline\n",
            agree[0], agree[1], 100 * agree[1] / std::max(1.0, agree[0]), agree[2], agree[3],
            100 * agree[3] / std::max(1.0, agree[2]));
      }
    }
    std::fflush(stdout);
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::error_code ec;
  fs::remove_all(tmp, ec);
  // Both for the 1x corpus, against the analysis on ONE thread (the index
  // build is single-threaded); the all-core figures are in the lines above.
  std::printf("\nRATIO talking_points index_build %.2f\nRATIO talking_points baseline %.2f\n",
              ratio_build, ratio_baseline);
  return 0;
}
