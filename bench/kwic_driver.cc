// kwic_driver: runs KWIC over an existing index for the analysis bench's
// phrases (or given ones), first calls only, as `RATIO kwic ripgrep` times
// them; for profiling and for checking that a change keeps every line.
//
//   kwic_driver INDEX [--dump] [--variants] [--reps N] [--threads N] [PHRASE...]
//
// --dump prints every line (all fields); --variants also runs sort by
// left/right keys, sentence contexts and width 10 (with --dump: their lines).
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "analysis/kwic.h"
#include "analysis_phrases.h"
#include "index/index.h"

using lectern_bench::kPhrases;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr,
                 "usage: kwic_driver INDEX [--dump] [--variants] [--reps N] [--threads N] "
                 "[PHRASE...]\n");
    return 2;
  }
  bool dump = false, variants = false;
  int reps = 1;
  size_t threads = 0;
  std::vector<std::string> phrases;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--dump") {
      dump = true;
    } else if (a == "--variants") {
      variants = true;
    } else if (a == "--reps" && i + 1 < argc) {
      reps = std::atoi(argv[++i]);
    } else if (a == "--threads" && i + 1 < argc) {
      threads = static_cast<size_t>(std::atoi(argv[++i]));
    } else {
      phrases.push_back(a);
    }
  }
  if (phrases.empty()) phrases.assign(std::begin(kPhrases), std::end(kPhrases));
  auto opened = lectern::Index::Open(argv[1]);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", opened.status().message().c_str());
    return 1;
  }
  struct Variant {
    const char* name;
    lectern::KwicOptions::Sort sort;
    bool sentence;
    int width;
  };
  std::vector<Variant> runs = {{"date", lectern::KwicOptions::Sort::kDate, false, 40}};
  if (variants) {
    runs.push_back({"left", lectern::KwicOptions::Sort::kLeft, false, 40});
    runs.push_back({"right", lectern::KwicOptions::Sort::kRight, false, 40});
    runs.push_back({"sentence", lectern::KwicOptions::Sort::kDate, true, 40});
    runs.push_back({"w10", lectern::KwicOptions::Sort::kDate, false, 10});
  }
  double total = 0;
  for (int rep = 0; rep < reps; ++rep) {
    for (const Variant& v : runs) {
      for (const std::string& p : phrases) {
        lectern::KwicOptions o;
        o.query = "\"" + p + "\"";
        o.sort = v.sort;
        o.sentence = v.sentence;
        o.width = v.width;
        o.threads = threads;
        const auto t0 = std::chrono::steady_clock::now();
        auto r = lectern::Kwic(**opened, o);
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        total += s;
        if (!r.ok()) {
          std::fprintf(stderr, "%s: %s\n", p.c_str(), r.status().message().c_str());
          return 1;
        }
        if (dump) {
          std::printf("## %s %s matches %llu turns %llu\n", v.name, p.c_str(),
                      static_cast<unsigned long long>(r->total_matches),
                      static_cast<unsigned long long>(r->total_turns));
          for (const lectern::KwicLine& l : r->lines) {
            std::printf("%s|%u|%s|%s|%s|%s|%u|%u|%s|%s|%s\n", l.briefing_id.c_str(), l.turn,
                        l.date ? l.date->c_str() : "-", l.speaker.c_str(), l.role.c_str(),
                        l.outlet.c_str(), l.first, l.last, l.left.c_str(), l.match.c_str(),
                        l.right.c_str());
          }
        } else {
          std::fprintf(stderr, "%-20s %-8s %7zu lines %8.1f ms\n", p.c_str(), v.name,
                       r->lines.size(), s * 1e3);
        }
      }
    }
  }
  std::fprintf(stderr, "total %.3f s\n", total);
  return 0;
}
