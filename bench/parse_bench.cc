// parse_bench: how much lectern's parse of a briefing page costs next to
// gumbo's own parse of the same bytes.
//
// Every page of the shared corpus's mfa-en-html folder is loaded into memory
// first; then, in one run and on one thread, each measurement walks all pages
// several times (the measurements taking turns within each repetition) and
// the median repetition is reported:
//   gumbo          gumbo_parse_with_options (max_errors = 0, as lectern sets
//                  it) + gumbo_destroy_output: the anchor;
//   lectern        ParseBytes(bytes, name, {"mfa-en-html"}): decode, gumbo,
//                  the HTML reader and the transcript grammar;
//   lectern text   ParseBytes on the plain-text twins (mfa-en-text), if present.
// Stage rows (decode alone, decode + ReadHtml) show where lectern's time goes.
// The output ends with two machine-readable lines:
//   RATIO parse_cost gumbo <lectern time / gumbo time>        (target <= 1.5)
//   RATIO parse_throughput gumbo <gumbo time / lectern time>
//
// Usage: parse_bench [CORPUS] [--reps N] [--limit N] [--only WHAT]
//   CORPUS   the corpus root holding mfa-en-html/ (or that folder itself);
//            default $LECTERN_CORPUS, else ../shared/corpus next to the repo.
//   --reps   repetitions per measurement (default 7; the median is reported)
//   --limit  use only the first N pages (sorted by name)
//   --only   gumbo | lectern | text | stages: run just that (for profilers)
// A missing corpus is not an error: the program says so and exits 0.

#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/decode.h"
#include "ingest/html_reader.h"
#include "ingest/parse.h"
#include "model/briefing.h"

#ifndef LECTERN_DEFAULT_CORPUS
#define LECTERN_DEFAULT_CORPUS "../shared/corpus"
#endif

namespace fs = std::filesystem;

namespace {

struct Page {
  std::string name;
  std::string bytes;
};

struct Corpus {
  std::vector<Page> pages;
  size_t bytes = 0;
};

// Every regular file of `dir` but MANIFEST.tsv, sorted by name.
Corpus LoadFolder(const fs::path& dir, size_t limit) {
  Corpus corpus;
  std::vector<fs::path> paths;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file()) continue;
    if (entry.path().filename() == "MANIFEST.tsv") continue;
    paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  if (paths.size() > limit) paths.resize(limit);
  for (const fs::path& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    corpus.bytes += bytes.size();
    corpus.pages.push_back({path.filename().string(), std::move(bytes)});
  }
  return corpus;
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double SecondsOf(const std::function<void()>& pass) {
  const auto start = std::chrono::steady_clock::now();
  pass();
  const auto stop = std::chrono::steady_clock::now();
  return std::chrono::duration<double>(stop - start).count();
}

volatile size_t g_sink = 0;  // keeps the optimiser from dropping the work

void GumboPass(const Corpus& corpus) {
  size_t sink = 0;
  for (const Page& page : corpus.pages) {
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // as src/ingest/html_reader.cc
    GumboOutput* output = gumbo_parse_with_options(&options, page.bytes.data(), page.bytes.size());
    sink += output->root->v.element.children.length;
    gumbo_destroy_output(&options, output);
  }
  g_sink = g_sink + sink;
}

const lectern::ParseOptions& Format(const char* format) {
  static lectern::ParseOptions html{"mfa-en-html"};
  static lectern::ParseOptions text{"mfa-en-text"};
  return std::string_view(format) == "mfa-en-html" ? html : text;
}

void LecternPass(const Corpus& corpus, const char* format) {
  size_t sink = 0;
  const lectern::ParseOptions& options = Format(format);
  for (const Page& page : corpus.pages) {
    lectern::Result<lectern::Briefing> b = lectern::ParseBytes(page.bytes, page.name, options);
    sink += b.ok() ? b->turns.size() : 1;
  }
  g_sink = g_sink + sink;
}

void DecodePass(const Corpus& corpus) {
  size_t sink = 0;
  for (const Page& page : corpus.pages) {
    auto decoded = lectern::DecodeToUtf8(page.bytes);
    sink += decoded.ok() ? decoded->utf8.size() : 1;
  }
  g_sink = g_sink + sink;
}

void DecodeReadPass(const Corpus& corpus) {
  size_t sink = 0;
  for (const Page& page : corpus.pages) {
    auto decoded = lectern::DecodeToUtf8(page.bytes);
    if (!decoded.ok()) continue;
    lectern::Document doc = lectern::ReadHtml(decoded->utf8);
    sink += doc.paragraphs.size();
  }
  g_sink = g_sink + sink;
}

// Parses every page once (untimed); prints and counts the failures.
size_t CheckParses(const Corpus& corpus, const char* format) {
  size_t failures = 0;
  for (const Page& page : corpus.pages) {
    auto b = lectern::ParseBytes(page.bytes, page.name, Format(format));
    if (!b.ok()) {
      ++failures;
      std::printf("  FAIL %s (%s): %s\n", page.name.c_str(), format, b.status().message().c_str());
    }
  }
  return failures;
}

struct Row {
  std::string what;
  const Corpus* corpus;
  double seconds;
  double vs_gumbo;  // <= 0: not comparable
};

void PrintTable(const std::vector<Row>& rows) {
  std::printf("\n%-34s %6s %7s %9s %9s %8s %9s\n", "measurement", "pages", "MB", "seconds",
              "pages/s", "MB/s", "x gumbo");
  for (const Row& r : rows) {
    const double mb = r.corpus->bytes / 1e6;
    const double pages = static_cast<double>(r.corpus->pages.size());
    char ratio[32] = "-";
    if (r.vs_gumbo > 0) std::snprintf(ratio, sizeof ratio, "%.2f", r.vs_gumbo);
    std::printf("%-34s %6zu %7.2f %9.4f %9.0f %8.1f %9s\n", r.what.c_str(), r.corpus->pages.size(),
                mb, r.seconds, pages / r.seconds, mb / r.seconds, ratio);
  }
}

fs::path FindCorpusRoot(const std::string& arg) {
  if (!arg.empty()) {
    fs::path p(arg);
    if (fs::is_directory(p / "mfa-en-html")) return p;
    if (p.filename() == "mfa-en-html" || fs::exists(p / "MANIFEST.tsv")) return p.parent_path();
    return p;
  }
  if (const char* env = std::getenv("LECTERN_CORPUS"); env != nullptr && *env != '\0') return env;
  return fs::path(LECTERN_DEFAULT_CORPUS).lexically_normal();
}

int Usage() {
  std::fprintf(stderr,
               "usage: parse_bench [CORPUS] [--reps N] [--limit N] "
               "[--only gumbo|lectern|text|stages]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_arg, only;
  int reps = 7;
  size_t limit = static_cast<size_t>(-1);
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if ((a == "--reps" || a == "--limit" || a == "--only") && i + 1 < argc) {
      std::string v = argv[++i];
      if (a == "--reps") reps = std::max(1, std::atoi(v.c_str()));
      if (a == "--limit") limit = static_cast<size_t>(std::max(1, std::atoi(v.c_str())));
      if (a == "--only") only = v;
    } else if (a == "-h" || a == "--help" || a.rfind("--", 0) == 0) {
      return Usage();
    } else {
      corpus_arg = std::string(a);
    }
  }
  if (!only.empty() && only != "gumbo" && only != "lectern" && only != "text" && only != "stages") {
    return Usage();
  }
  auto want = [&](const char* what) { return only.empty() || only == what; };

  const fs::path root = FindCorpusRoot(corpus_arg);
  const fs::path html_dir = root / "mfa-en-html";
  if (!fs::is_directory(html_dir)) {
    std::printf(
        "parse_bench: no corpus at %s (set LECTERN_CORPUS or pass the corpus root); "
        "nothing to measure\n",
        html_dir.string().c_str());
    return 0;
  }
  const Corpus html = LoadFolder(html_dir, limit);
  const Corpus text = LoadFolder(root / "mfa-en-text", limit);
  if (html.pages.empty()) {
    std::printf("parse_bench: %s holds no pages; nothing to measure\n", html_dir.string().c_str());
    return 0;
  }
  std::printf("parse_bench: corpus %s\n", root.string().c_str());
  std::printf("  mfa-en-html: %zu pages, %.2f MB; mfa-en-text: %zu pages, %.2f MB\n",
              html.pages.size(), html.bytes / 1e6, text.pages.size(), text.bytes / 1e6);
  std::printf("  one thread; %d repetitions per measurement, median reported\n", reps);

  // Untimed first pass: correctness, and warm caches and lazily built tables.
  size_t html_failures = 0, text_failures = 0;
  if (want("lectern") || want("stages")) html_failures = CheckParses(html, "mfa-en-html");
  if (want("text") && !text.pages.empty()) text_failures = CheckParses(text, "mfa-en-text");
  if (want("gumbo")) GumboPass(html);
  std::printf("  lectern failures: %zu of %zu html pages, %zu of %zu text pages\n", html_failures,
              html.pages.size(), text_failures, text.pages.size());

  // The measurements take turns within each repetition, so that a change in
  // the machine's load (other processes on a shared box) hits them alike.
  struct Measurement {
    std::string what;
    const Corpus* corpus;
    std::function<void()> pass;
    bool vs_gumbo;
    std::vector<double> seconds;
  };
  std::vector<Measurement> ms;
  if (want("gumbo"))
    ms.push_back({"gumbo parse+destroy (anchor)", &html, [&] { GumboPass(html); }, true, {}});
  if (want("lectern")) {
    ms.push_back({"lectern ParseBytes mfa-en-html",
                  &html,
                  [&] { LecternPass(html, "mfa-en-html"); },
                  true,
                  {}});
  }
  if (want("stages")) {
    ms.push_back({"  stage: DecodeToUtf8", &html, [&] { DecodePass(html); }, true, {}});
    ms.push_back({"  stage: decode + ReadHtml", &html, [&] { DecodeReadPass(html); }, true, {}});
  }
  if (want("text") && !text.pages.empty()) {
    ms.push_back({"lectern ParseBytes mfa-en-text",
                  &text,
                  [&] { LecternPass(text, "mfa-en-text"); },
                  false,
                  {}});
  }
  for (int r = 0; r < reps; ++r) {
    for (Measurement& m : ms) m.seconds.push_back(SecondsOf(m.pass));
  }
  const double gumbo_s = want("gumbo") ? Median(ms.front().seconds) : 0;
  double lectern_s = 0;
  std::vector<double> paired;  // lectern / gumbo within each repetition
  std::vector<Row> rows;
  for (const Measurement& m : ms) {
    const double s = Median(m.seconds);
    rows.push_back({m.what, m.corpus, s, m.vs_gumbo && gumbo_s > 0 ? s / gumbo_s : 0});
    if (m.what.rfind("lectern ParseBytes mfa-en-html", 0) == 0) {
      lectern_s = s;
      for (int r = 0; r < reps && gumbo_s > 0; ++r) {
        paired.push_back(m.seconds[r] / ms.front().seconds[r]);
      }
    }
  }
  PrintTable(rows);
  if (html_failures + text_failures > 0) {
    std::printf("\nWARNING: %zu pages failed to parse (listed above); their time is included\n",
                html_failures + text_failures);
  }
  if (gumbo_s > 0 && lectern_s > 0) {
    std::printf("\nlectern beyond gumbo: %.4f s per pass (%.1f%% of lectern's time)\n",
                lectern_s - gumbo_s, 100.0 * (lectern_s - gumbo_s) / lectern_s);
    std::sort(paired.begin(), paired.end());
    std::printf("lectern/gumbo time: %.3f (target <= 1.5); per repetition %.3f .. %.3f\n",
                lectern_s / gumbo_s, paired.front(), paired.back());
    std::printf("RATIO parse_cost gumbo %.4f\n", lectern_s / gumbo_s);
    std::printf("RATIO parse_throughput gumbo %.4f\n", gumbo_s / lectern_s);
  }
  return 0;
}
