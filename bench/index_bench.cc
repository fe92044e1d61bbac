// index_bench: lectern's index and search next to Xapian and SQLite FTS5,
// fed the same turns, in one run.
//
// Corpus: every page of the shared corpus's mfa-en-html, mfa-zh-html-2016,
// mfa-zh-html-2020 and whitehouse-html folders that ParseFile (format
// "auto") accepts; pages it refuses are counted and left out, so a folder
// joins the benchmark by itself once lectern parses it. A briefing id seen
// twice keeps its first page. That is the 1x corpus; the Nx corpus (default
// 10x) is the same briefings N times, copy r >= 1 of briefing B with id
// B.id + "-r" + r (copy 0 keeps B.id), copies in turn.
//
// One document per turn in every engine. Each engine is built, single
// threaded, into a fresh directory under $TMPDIR (or /tmp):
//   lectern  IndexWriter::Open, Add(briefing) for every briefing, Commit()
//            (default WriterOptions: a segment is written out every 256 MB
//            staged; the briefings are stored zstd-compressed for display,
//            as `lectern ingest` does).
//   xapian   glass WritableDatabase; per turn a Document from TermGenerator
//            (STEM_NONE, FLAG_CJK_NGRAM, positions), boolean filter terms
//            XR<role> XS<speaker> XO<outlet> XL<lang> (speaker and outlet
//            ASCII-lower-cased, as lectern compares them ignoring case),
//            value slot 0 = date as YYYYMMDD, data = "id\tturn\ttext";
//            add_document each, commit() and close() at the end.
//   fts5     one SQLite file (default page size, journal and synchronous=FULL):
//            CREATE VIRTUAL TABLE t USING fts5(text, bid UNINDEXED,
//            turn UNINDEXED, role UNINDEXED, speaker UNINDEXED, outlet
//            UNINDEXED, date UNINDEXED, tokenize='unicode61 remove_diacritics 0'),
//            rowid = turn number + 1, all rows inserted in one transaction.
// Build time is wall clock from opening to the closed, synced index (thread
// CPU time is shown beside it, since the machine may be shared), the median
// of 3 builds of the 1x corpus (1 when the first takes over 5 s) and of 1
// build of the Nx corpus; index size is what du would say (allocated
// blocks) of the engine's files.
//
// Queries: at least 250 (queries.h), drawn from the 1x corpus with a fixed
// seed, the same for 1x and Nx. Each is rendered for each engine with the
// same meaning as far as the engines allow. For every query the engines are
// asked for the top 10 by their own BM25 plus the exact number of matching
// turns:
//   lectern  Searcher::Search(query, limit 10): parse, evaluate, BM25 over
//            all matches, total count, and for the 10 hits the stored
//            briefing (zstd + JSON), snippet and exchange.
//   xapian   Enquire (BM25Weight k1=1.2 b=0.75 as lectern's) with a query
//            object built in advance, get_mset(0, 10, doccount) (an exact
//            count), and get_data() of the 10 hits.
//   fts5     SELECT rowid, bid, turn, text FROM t WHERE t MATCH ?
//            [AND metadata conditions] ORDER BY rank LIMIT 10, then
//            SELECT count(*) with the same WHERE (statements prepared in advance).
// Each query runs once to warm up, then --reps times (engines taking turns);
// the per-query median is kept; the table gives the median and the 95th
// percentile over the queries.
//
// Agreement (untimed): each query's complete set of matching turns from
// lectern (Searcher::MatchAll), Xapian (get_mset over every document) and
// FTS5 (every rowid), as (briefing id, turn); the share of queries whose set
// equals lectern's, and the disagreements grouped by cause.
//
// Output ends, for each corpus, with machine-readable lines (the last block
// is the Nx corpus):
//   RATIO build_time|index_size|latency_p50|latency_p95 xapian|fts5 <other / lectern>
//   AGREEMENT xapian|fts5 <percent of queries with the same set as lectern>
//
// Usage: index_bench [--replicate N] [--reps N] [--queries N] [--seed N]
//                    [--only lectern|xapian|fts5] [--limit N] [--verbose] [--list] [CORPUS]
//   --replicate N  the large corpus is N copies (default 10; 1 = the 1x block only)
//   --reps N       timed runs per query (default 3)
//   --only ENGINE  build and query one engine only, no agreement (for profilers)
//   --limit N      read only the first N pages (by name) of each folder
//   --verbose      print every disagreeing query with an example
//   --list         print the queries as each engine gets them, and stop
// A missing corpus is not an error: the program says so and exits 0.

#include <sqlite3.h>
#include <sys/stat.h>
#include <time.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "base/parallel.h"
#include "base/status.h"
#include "index/index.h"
#include "index/index_writer.h"
#include "ingest/outlets.h"
#include "ingest/parse.h"
#include "model/briefing.h"
#include "queries.h"
#include "query/searcher.h"
#include "text/analyzer.h"

#ifndef LECTERN_DEFAULT_CORPUS
#define LECTERN_DEFAULT_CORPUS "../shared/corpus"
#endif

namespace fs = std::filesystem;
using lectern::Briefing;
using lectern_bench::BenchQuery;
using lectern_bench::Node;

namespace {

const char* const kFolders[] = {"mfa-en-html", "mfa-zh-html-2016", "mfa-zh-html-2020",
                                "whitehouse-html"};
const char* const kEngines[] = {"lectern", "xapian", "fts5"};
constexpr int kLectern = 0, kXapian = 1, kFts5 = 2;

struct Options {
  std::string corpus_arg;
  int replicate = 10;
  int reps = 3;
  size_t queries = 250;
  uint64_t seed = 20240601;
  std::string only;
  size_t limit = static_cast<size_t>(-1);
  bool verbose = false;
  bool list = false;
};

// ---------------------------------------------------------------- corpus

struct FolderCount {
  std::string name;
  size_t files = 0, parsed = 0, duplicates = 0;
};

struct Corpus {
  std::vector<Briefing> briefings;
  std::vector<FolderCount> folders;
};

fs::path FindCorpusRoot(const std::string& arg) {
  if (!arg.empty()) {
    fs::path p(arg);
    if (fs::is_directory(p / "mfa-en-html")) return p;
    if (fs::exists(p / "MANIFEST.tsv")) return p.parent_path();
    return p;
  }
  if (const char* env = std::getenv("LECTERN_CORPUS"); env != nullptr && *env != '\0') return env;
  return fs::path(LECTERN_DEFAULT_CORPUS).lexically_normal();
}

Corpus LoadCorpus(const fs::path& root, size_t limit) {
  Corpus corpus;
  std::set<std::string> ids;
  for (const char* folder : kFolders) {
    FolderCount count{folder};
    std::vector<fs::path> paths;
    std::error_code ec;
    for (const fs::directory_entry& e : fs::directory_iterator(root / folder, ec)) {
      const std::string name = e.path().filename().string();
      if (!e.is_regular_file() || name == "MANIFEST.tsv" || name.starts_with(".")) continue;
      paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    if (paths.size() > limit) paths.resize(limit);
    count.files = paths.size();
    const lectern::ParseOptions options{"auto"};
    lectern::ParallelMapOrdered<lectern::Result<Briefing>>(
        paths.size(), std::max(1u, std::thread::hardware_concurrency()),
        [&](size_t i) { return lectern::ParseFile(paths[i].string(), options); },
        [&](size_t, lectern::Result<Briefing> b) {
          if (!b.ok()) return;
          if (!ids.insert(b->id).second) {
            ++count.duplicates;
            return;
          }
          ++count.parsed;
          corpus.briefings.push_back(std::move(b).value());
        });
    corpus.folders.push_back(count);
  }
  return corpus;
}

std::vector<Briefing> Replicate(const std::vector<Briefing>& base, int copies) {
  std::vector<Briefing> out;
  out.reserve(base.size() * copies);
  for (int r = 0; r < copies; ++r) {
    for (const Briefing& b : base) {
      out.push_back(b);
      if (r > 0) out.back().id += "-r" + std::to_string(r);
    }
  }
  return out;
}

// Turn numbers: every engine sees the turns in this order; the Xapian docid
// and the FTS5 rowid are the turn number + 1.
struct TurnTable {
  std::vector<uint32_t> first_turn;  // per briefing
  std::unordered_map<std::string, uint32_t> briefing_of;
  std::vector<uint32_t> briefing, index;  // per turn
  size_t words = 0;

  explicit TurnTable(const std::vector<Briefing>& corpus) {
    for (uint32_t b = 0; b < corpus.size(); ++b) {
      first_turn.push_back(static_cast<uint32_t>(briefing.size()));
      briefing_of[corpus[b].id] = b;
      for (uint32_t t = 0; t < corpus[b].turns.size(); ++t) {
        briefing.push_back(b);
        index.push_back(t);
      }
    }
  }
  size_t turns() const { return briefing.size(); }
};

// ---------------------------------------------------------------- timing

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double ThreadCpu() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

std::string LoadAverage() {
  std::FILE* f = std::fopen("/proc/loadavg", "r");
  if (f == nullptr) return "?";
  char buf[64] = {0};
  if (std::fgets(buf, sizeof buf, f) == nullptr) buf[0] = 0;
  std::fclose(f);
  std::string s(buf);
  size_t cut = 0;
  for (int fields = 0; cut < s.size() && fields < 3; ++cut) fields += s[cut] == ' ';
  return s.substr(0, cut > 0 ? cut - 1 : 0);
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Nearest-rank percentile.
double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * v.size()));
  return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

struct DiskUsage {
  uint64_t allocated = 0, apparent = 0;
};

DiskUsage Du(const fs::path& dir) {
  DiskUsage du;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    struct stat st;
    if (::lstat(e.path().c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    du.allocated += static_cast<uint64_t>(st.st_blocks) * 512;
    du.apparent += static_cast<uint64_t>(st.st_size);
  }
  return du;
}

volatile size_t g_sink = 0;
const double g_start = Now();

// "t=123s": time since the program started, for progress lines.
std::string Elapsed() { return "t=" + std::to_string(static_cast<int>(Now() - g_start)) + "s"; }

// ---------------------------------------------------------------- engines

std::string YyyyMmDd(const std::string& iso) {
  std::string out;
  for (char c : iso) {
    if (c != '-') out += c;
  }
  return out;
}

Xapian::TermGenerator MakeTermGenerator() {
  Xapian::TermGenerator tg;
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
  tg.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
  return tg;
}

lectern::Status BuildLectern(const std::vector<Briefing>& corpus, const std::string& dir) {
  lectern::Result<std::unique_ptr<lectern::IndexWriter>> writer = lectern::IndexWriter::Open(dir);
  if (!writer.ok()) return writer.status();
  for (const Briefing& b : corpus) {
    lectern::Result<lectern::AddOutcome> added = (*writer)->Add(b);
    if (!added.ok()) return added.status();
  }
  return (*writer)->Commit();
}

void BuildXapian(const std::vector<Briefing>& corpus, const std::string& dir) {
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
  Xapian::TermGenerator tg = MakeTermGenerator();
  for (const Briefing& b : corpus) {
    for (size_t t = 0; t < b.turns.size(); ++t) {
      const lectern::Turn& turn = b.turns[t];
      Xapian::Document doc;
      tg.set_document(doc);
      tg.index_text(turn.text);
      doc.add_boolean_term("XR" + std::string(lectern::RoleName(turn.role)));
      if (turn.speaker) doc.add_boolean_term("XS" + lectern_bench::AsciiLowerCopy(*turn.speaker));
      if (turn.outlet) doc.add_boolean_term("XO" + lectern_bench::AsciiLowerCopy(*turn.outlet));
      doc.add_boolean_term("XL" + b.language);
      if (b.date) doc.add_value(0, YyyyMmDd(*b.date));
      doc.set_data(b.id + "\t" + std::to_string(t) + "\t" + turn.text);
      db.add_document(doc);
    }
  }
  db.commit();
  db.close();
}

bool SqlExec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "index_bench: sqlite: %s: %s\n", sql, error ? error : "?");
    sqlite3_free(error);
    return false;
  }
  return true;
}

bool BuildFts5(const std::vector<Briefing>& corpus, const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) return false;
  bool ok = SqlExec(db,
                    "CREATE VIRTUAL TABLE t USING fts5(text, bid UNINDEXED, turn UNINDEXED, "
                    "role UNINDEXED, speaker UNINDEXED, outlet UNINDEXED, date UNINDEXED, "
                    "tokenize='unicode61 remove_diacritics 0')") &&
            SqlExec(db, "BEGIN");
  sqlite3_stmt* insert = nullptr;
  ok =
      ok && sqlite3_prepare_v2(db,
                               "INSERT INTO t(rowid, text, bid, turn, role, speaker, outlet, date) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               -1, &insert, nullptr) == SQLITE_OK;
  int64_t rowid = 0;
  for (const Briefing& b : corpus) {
    for (size_t t = 0; t < b.turns.size() && ok; ++t) {
      const lectern::Turn& turn = b.turns[t];
      sqlite3_bind_int64(insert, 1, ++rowid);
      sqlite3_bind_text(insert, 2, turn.text.data(), static_cast<int>(turn.text.size()),
                        SQLITE_STATIC);
      sqlite3_bind_text(insert, 3, b.id.data(), static_cast<int>(b.id.size()), SQLITE_STATIC);
      sqlite3_bind_int64(insert, 4, static_cast<int64_t>(t));
      sqlite3_bind_text(insert, 5, lectern::RoleName(turn.role).data(),
                        static_cast<int>(lectern::RoleName(turn.role).size()), SQLITE_STATIC);
      std::string speaker = turn.speaker ? lectern_bench::AsciiLowerCopy(*turn.speaker) : "";
      std::string outlet = turn.outlet ? lectern_bench::AsciiLowerCopy(*turn.outlet) : "";
      if (turn.speaker) {
        sqlite3_bind_text(insert, 6, speaker.data(), static_cast<int>(speaker.size()),
                          SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(insert, 6);
      }
      if (turn.outlet) {
        sqlite3_bind_text(insert, 7, outlet.data(), static_cast<int>(outlet.size()),
                          SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(insert, 7);
      }
      if (b.date) {
        sqlite3_bind_text(insert, 8, b.date->data(), static_cast<int>(b.date->size()),
                          SQLITE_STATIC);
      } else {
        sqlite3_bind_null(insert, 8);
      }
      ok = sqlite3_step(insert) == SQLITE_DONE;
      sqlite3_reset(insert);
    }
  }
  if (!ok) std::fprintf(stderr, "index_bench: fts5 insert: %s\n", sqlite3_errmsg(db));
  sqlite3_finalize(insert);
  ok = ok && SqlExec(db, "COMMIT");
  sqlite3_close(db);
  return ok;
}

// The terms Xapian's TermGenerator makes of `text`, in position order.
std::vector<std::string> XapianTerms(Xapian::TermGenerator& tg, const std::string& text) {
  Xapian::Document doc;
  tg.set_document(doc);
  tg.set_termpos(0);
  tg.index_text(text);
  std::vector<std::pair<Xapian::termpos, std::string>> at;
  for (Xapian::TermIterator t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    for (Xapian::PositionIterator p = t.positionlist_begin(); p != t.positionlist_end(); ++p) {
      at.push_back({*p, *t});
    }
  }
  std::sort(at.begin(), at.end());
  std::vector<std::string> terms;
  for (auto& [pos, term] : at) terms.push_back(term);
  return terms;
}

Xapian::Query XapianText(const Node& n, Xapian::TermGenerator& tg) {
  using K = Node::Kind;
  auto terms_query = [&](const std::string& text) {
    std::vector<std::string> terms = XapianTerms(tg, text);
    if (terms.empty()) return Xapian::Query::MatchNothing;
    if (terms.size() == 1) return Xapian::Query(terms[0]);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                         static_cast<Xapian::termcount>(terms.size()));
  };
  auto children = [&](Xapian::Query::op op) {
    std::vector<Xapian::Query> qs;
    for (const Node& c : n.children) qs.push_back(XapianText(c, tg));
    return Xapian::Query(op, qs.begin(), qs.end());
  };
  switch (n.kind) {
    case K::kWord:
    case K::kPhrase:
      return terms_query(n.text);
    case K::kPrefix:
      return Xapian::Query(Xapian::Query::OP_WILDCARD, lectern_bench::AsciiLowerCopy(n.text));
    case K::kAnd:
      return children(Xapian::Query::OP_AND);
    case K::kOr:
      return children(Xapian::Query::OP_OR);
    case K::kAndNot:
      return children(Xapian::Query::OP_AND_NOT);
    case K::kNear: {
      // OP_NEAR takes terms; the generator only puts single words in NEAR.
      std::vector<Xapian::Query> qs;
      for (const Node& c : n.children) qs.push_back(terms_query(c.text));
      // A window of w positions holds two words with w - 2 words between them.
      return Xapian::Query(Xapian::Query::OP_NEAR, qs.begin(), qs.end(),
                           static_cast<Xapian::termcount>(n.distance + 2));
    }
  }
  return Xapian::Query::MatchNothing;
}

Xapian::Query XapianQuery(const BenchQuery& q, Xapian::TermGenerator& tg) {
  Xapian::Query text = XapianText(q.root, tg);
  const lectern_bench::Filter& f = q.filter;
  if (f.empty()) return text;
  std::vector<Xapian::Query> parts;
  auto any_of = [&](const char* prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> alts;
    for (const std::string& v : values)
      alts.emplace_back(prefix + lectern_bench::AsciiLowerCopy(v));
    parts.emplace_back(Xapian::Query::OP_OR, alts.begin(), alts.end());
  };
  if (!f.roles.empty()) any_of("XR", f.roles);
  if (!f.speakers.empty()) any_of("XS", f.speakers);
  if (!f.outlets.empty()) {
    std::vector<std::string> names = f.outlets;
    for (const std::string& v : f.outlets) {
      if (const lectern::Outlet* o = lectern::FindOutlet(v)) names.emplace_back(o->name);
    }
    any_of("XO", names);
  }
  if (!f.date_text.empty()) {
    parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, 0, YyyyMmDd(f.date_from),
                       YyyyMmDd(f.date_to));
  }
  return Xapian::Query(Xapian::Query::OP_FILTER, text,
                       Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
}

struct Fts5Statements {
  sqlite3_stmt* top = nullptr;
  sqlite3_stmt* count = nullptr;
  sqlite3_stmt* all = nullptr;
  std::string error;
};

// ---------------------------------------------------------------- one corpus

struct QueryOutcome {
  std::vector<uint32_t> sets[3];  // turn numbers, sorted
  std::string errors[3];
  uint64_t counts[3] = {0, 0, 0};    // the count each engine's timed path reported
  double latency_ms[3] = {0, 0, 0};  // median wall clock of the timed runs
  double cpu_ms[3] = {0, 0, 0};      // median thread CPU time of the same runs
};

struct EngineResult {
  bool ran = false;
  double build_wall = 0, build_cpu = 0;
  DiskUsage du;
  double p50 = 0, p95 = 0;          // wall clock
  double cpu_p50 = 0, cpu_p95 = 0;  // thread CPU time
  double agreement = 0;             // percent of queries with lectern's set
};

struct BlockResult {
  std::string label;
  size_t briefings = 0, turns = 0;
  double text_mb = 0;
  EngineResult engines[3];
  std::vector<QueryOutcome> outcomes;
};

bool Want(const Options& o, int engine) { return o.only.empty() || o.only == kEngines[engine]; }

class Block {
 public:
  Block(const Options& options, const std::vector<Briefing>& corpus,
        const std::vector<BenchQuery>& queries, std::string label, int build_reps)
      : o_(options), corpus_(corpus), queries_(queries), table_(corpus), build_reps_(build_reps) {
    result_.label = std::move(label);
    result_.briefings = corpus.size();
    result_.turns = table_.turns();
    for (const Briefing& b : corpus) {
      for (const lectern::Turn& t : b.turns) result_.text_mb += t.text.size() / 1e6;
    }
  }

  BlockResult Run() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/index_bench.XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
      std::fprintf(stderr, "index_bench: cannot create a temporary directory\n");
      return result_;
    }
    root_ = pattern;
    std::printf(
        "\n[%s] building (%d time%s each, once if it takes over 5 s; median kept) in %s (%s)\n",
        result_.label.c_str(), build_reps_, build_reps_ == 1 ? "" : "s", root_.c_str(),
        Elapsed().c_str());
    std::fflush(stdout);
    Build();
    OpenReaders();
    if (o_.only.empty()) {
      std::printf("[%s] agreement pass (%s)\n", result_.label.c_str(), Elapsed().c_str());
      std::fflush(stdout);
      Agreement();
    }
    std::printf("[%s] latency pass (%zu queries x (1 + %d) runs per engine) (%s)\n",
                result_.label.c_str(), queries_.size(), o_.reps, Elapsed().c_str());
    std::fflush(stdout);
    Latency();
    CloseReaders();
    std::error_code ec;
    fs::remove_all(root_, ec);
    return std::move(result_);
  }

 private:
  std::string Dir(int engine) const { return root_ + "/" + kEngines[engine]; }

  void Build() {
    std::vector<double> wall[3], cpu[3];
    for (int rep = 0; rep < build_reps_; ++rep) {
      for (int e = 0; e < 3; ++e) {
        if (!Want(o_, e)) continue;
        if (rep > 0 && wall[e][0] > 5) continue;  // a slow build once is enough
        std::error_code ec;
        fs::remove_all(Dir(e), ec);
        fs::create_directories(Dir(e), ec);
        const double w0 = Now(), c0 = ThreadCpu();
        bool ok = true;
        if (e == kLectern) {
          lectern::Status s = BuildLectern(corpus_, Dir(e));
          if (!s.ok()) std::fprintf(stderr, "index_bench: lectern: %s\n", s.message().c_str());
          ok = s.ok();
        } else if (e == kXapian) {
          try {
            BuildXapian(corpus_, Dir(e));
          } catch (const Xapian::Error& error) {
            std::fprintf(stderr, "index_bench: xapian: %s\n", error.get_description().c_str());
            ok = false;
          }
        } else {
          ok = BuildFts5(corpus_, Dir(e) + "/fts5.db");
        }
        if (!ok) std::exit(1);
        wall[e].push_back(Now() - w0);
        cpu[e].push_back(ThreadCpu() - c0);
        std::printf("  %-8s build %.2f s\n", kEngines[e], wall[e].back());
        std::fflush(stdout);
      }
    }
    for (int e = 0; e < 3; ++e) {
      if (!Want(o_, e)) continue;
      EngineResult& r = result_.engines[e];
      r.ran = true;
      r.build_wall = Median(wall[e]);
      r.build_cpu = Median(cpu[e]);
      r.du = Du(Dir(e));
    }
  }

  void OpenReaders() {
    if (Want(o_, kLectern)) {
      lectern::Result<std::shared_ptr<const lectern::Index>> index =
          lectern::Index::Open(Dir(kLectern));
      if (!index.ok()) {
        std::fprintf(stderr, "index_bench: %s\n", index.status().message().c_str());
        std::exit(1);
      }
      searcher_ = std::make_unique<lectern::Searcher>(*index);
    }
    if (Want(o_, kXapian)) {
      xdb_ = std::make_unique<Xapian::Database>(Dir(kXapian));
      Xapian::TermGenerator tg = MakeTermGenerator();
      for (const BenchQuery& q : queries_) xqueries_.push_back(XapianQuery(q, tg));
    }
    if (Want(o_, kFts5)) {
      if (sqlite3_open_v2((Dir(kFts5) + "/fts5.db").c_str(), &sdb_, SQLITE_OPEN_READONLY,
                          nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "index_bench: cannot open the fts5 database\n");
        std::exit(1);
      }
      for (const BenchQuery& q : queries_) {
        Fts5Statements s;
        const std::string where = "FROM t WHERE t MATCH ?1" + q.fts5_where;
        const std::string top =
            "SELECT rowid, bid, turn, text " + where + " ORDER BY rank LIMIT 10";
        const std::string count = "SELECT count(*) " + where;
        const std::string all = "SELECT rowid " + where;
        for (auto [sql, stmt] : {std::pair{&top, &s.top}, {&count, &s.count}, {&all, &s.all}}) {
          if (sqlite3_prepare_v2(sdb_, sql->c_str(), -1, stmt, nullptr) != SQLITE_OK) {
            s.error = sqlite3_errmsg(sdb_);
          } else {
            sqlite3_bind_text(*stmt, 1, q.fts5_match.c_str(), -1, SQLITE_STATIC);
          }
        }
        fstmts_.push_back(s);
      }
    }
  }

  void CloseReaders() {
    for (Fts5Statements& s : fstmts_) {
      sqlite3_finalize(s.top);
      sqlite3_finalize(s.count);
      sqlite3_finalize(s.all);
    }
    fstmts_.clear();
    if (sdb_ != nullptr) sqlite3_close(sdb_);
    sdb_ = nullptr;
    xdb_.reset();
    searcher_.reset();
  }

  // The timed paths. Each returns the total count and sets `error` on failure.
  uint64_t RunLectern(size_t i, std::string* error) {
    lectern::SearchOptions options;
    options.limit = 10;
    lectern::Result<lectern::SearchResults> r = searcher_->Search(queries_[i].lectern, options);
    if (!r.ok()) {
      *error = r.status().message();
      return 0;
    }
    g_sink = g_sink + r->hits.size();
    return r->total_turns;
  }

  uint64_t RunXapian(size_t i, std::string* error) {
    try {
      Xapian::Enquire enquire(*xdb_);
      enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
      enquire.set_query(xqueries_[i]);
      Xapian::MSet mset = enquire.get_mset(0, 10, xdb_->get_doccount());
      size_t sink = 0;
      for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
        sink += it.get_document().get_data().size();
      }
      g_sink = g_sink + sink;
      if (mset.get_matches_lower_bound() != mset.get_matches_upper_bound()) {
        *error = "inexact count";
      }
      return mset.get_matches_estimated();
    } catch (const Xapian::Error& e) {
      *error = e.get_description();
      return 0;
    }
  }

  uint64_t RunFts5(size_t i, std::string* error) {
    Fts5Statements& s = fstmts_[i];
    if (!s.error.empty()) {
      *error = s.error;
      return 0;
    }
    size_t sink = 0;
    int rc;
    while ((rc = sqlite3_step(s.top)) == SQLITE_ROW) {
      sink += static_cast<size_t>(sqlite3_column_int64(s.top, 0)) +
              static_cast<size_t>(sqlite3_column_bytes(s.top, 1)) +
              static_cast<size_t>(sqlite3_column_int64(s.top, 2)) +
              static_cast<size_t>(sqlite3_column_bytes(s.top, 3));
    }
    if (rc != SQLITE_DONE) *error = sqlite3_errmsg(sdb_);
    sqlite3_reset(s.top);
    uint64_t count = 0;
    rc = sqlite3_step(s.count);
    if (rc == SQLITE_ROW) {
      count = static_cast<uint64_t>(sqlite3_column_int64(s.count, 0));
    } else if (error->empty()) {
      *error = sqlite3_errmsg(sdb_);
    }
    sqlite3_reset(s.count);
    g_sink = g_sink + sink;
    return count;
  }

  uint64_t RunEngine(int e, size_t i, std::string* error) {
    if (e == kLectern) return RunLectern(i, error);
    if (e == kXapian) return RunXapian(i, error);
    return RunFts5(i, error);
  }

  void Agreement() {
    result_.outcomes.resize(queries_.size());
    for (size_t i = 0; i < queries_.size(); ++i) {
      QueryOutcome& out = result_.outcomes[i];
      // lectern
      lectern::Result<std::vector<lectern::TurnRef>> refs =
          searcher_->MatchAll(queries_[i].lectern);
      if (refs.ok()) {
        for (const lectern::TurnRef& r : *refs) {
          auto it = table_.briefing_of.find(r.briefing_id);
          if (it == table_.briefing_of.end()) continue;
          out.sets[kLectern].push_back(table_.first_turn[it->second] + r.turn);
        }
      } else {
        out.errors[kLectern] = refs.status().message();
      }
      // xapian
      try {
        Xapian::Enquire enquire(*xdb_);
        enquire.set_query(xqueries_[i]);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MSet mset = enquire.get_mset(0, xdb_->get_doccount());
        for (Xapian::MSetIterator it = mset.begin(); it != mset.end(); ++it) {
          out.sets[kXapian].push_back(*it - 1);
        }
      } catch (const Xapian::Error& e) {
        out.errors[kXapian] = e.get_description();
      }
      // fts5
      Fts5Statements& s = fstmts_[i];
      if (s.error.empty()) {
        int rc;
        while ((rc = sqlite3_step(s.all)) == SQLITE_ROW) {
          out.sets[kFts5].push_back(static_cast<uint32_t>(sqlite3_column_int64(s.all, 0) - 1));
        }
        if (rc != SQLITE_DONE) out.errors[kFts5] = sqlite3_errmsg(sdb_);
        sqlite3_reset(s.all);
      } else {
        out.errors[kFts5] = s.error;
      }
      for (int e = 0; e < 3; ++e) {
        std::sort(out.sets[e].begin(), out.sets[e].end());
        std::string error;
        out.counts[e] = RunEngine(e, i, &error);
        if (out.errors[e].empty()) out.errors[e] = error;
        if (error.empty() && out.counts[e] != out.sets[e].size()) {
          std::printf("  WARNING %s: query %zu [%s]: count %llu but %zu turns in the full set\n",
                      kEngines[e], i, queries_[i].lectern.c_str(),
                      static_cast<unsigned long long>(out.counts[e]), out.sets[e].size());
        }
      }
    }
    for (int e : {kXapian, kFts5}) {
      size_t same = 0;
      for (const QueryOutcome& out : result_.outcomes) {
        same += out.errors[e].empty() && out.errors[kLectern].empty() &&
                out.sets[e] == out.sets[kLectern];
      }
      result_.engines[e].agreement = 100.0 * same / std::max<size_t>(1, queries_.size());
    }
  }

  void Latency() {
    std::vector<double> per_query[3], per_query_cpu[3];
    if (result_.outcomes.size() != queries_.size()) result_.outcomes.resize(queries_.size());
    for (size_t i = 0; i < queries_.size(); ++i) {
      std::vector<double> runs[3], cpu_runs[3];
      for (int rep = 0; rep <= o_.reps; ++rep) {
        for (int k = 0; k < 3; ++k) {
          const int e = (k + rep) % 3;  // engines take turns, starting each time with another
          if (!Want(o_, e)) continue;
          std::string error;
          const double c0 = ThreadCpu(), t0 = Now();
          RunEngine(e, i, &error);
          const double dt = Now() - t0, dc = ThreadCpu() - c0;
          if (rep > 0) {
            runs[e].push_back(dt * 1e3);
            cpu_runs[e].push_back(dc * 1e3);
          }
        }
      }
      for (int e = 0; e < 3; ++e) {
        if (!Want(o_, e)) continue;
        result_.outcomes[i].latency_ms[e] = Median(runs[e]);
        result_.outcomes[i].cpu_ms[e] = Median(cpu_runs[e]);
        per_query[e].push_back(result_.outcomes[i].latency_ms[e]);
        per_query_cpu[e].push_back(result_.outcomes[i].cpu_ms[e]);
      }
    }
    for (int e = 0; e < 3; ++e) {
      result_.engines[e].p50 = Percentile(per_query[e], 50);
      result_.engines[e].p95 = Percentile(per_query[e], 95);
      result_.engines[e].cpu_p50 = Percentile(per_query_cpu[e], 50);
      result_.engines[e].cpu_p95 = Percentile(per_query_cpu[e], 95);
    }
  }

  const Options& o_;
  const std::vector<Briefing>& corpus_;
  const std::vector<BenchQuery>& queries_;
  TurnTable table_;
  int build_reps_;
  BlockResult result_;
  std::string root_;
  std::unique_ptr<lectern::Searcher> searcher_;
  std::unique_ptr<Xapian::Database> xdb_;
  std::vector<Xapian::Query> xqueries_;
  sqlite3* sdb_ = nullptr;
  std::vector<Fts5Statements> fstmts_;
};

// ---------------------------------------------------------------- disagreements

// Why an engine's set of turns differs from lectern's for one query, judged
// from the query's words and the text of the turns only one side matched.
struct KindInfo {
  const char* name;
  const char* xapian;  // what differs, for each engine
  const char* fts5;
};

const KindInfo kKinds[] = {
    {"possessive 's",
     "lectern drops the possessive 's (\"China's\" is indexed as \"china\"; contractions such "
     "as \"that's\" stay whole); Xapian's TermGenerator keeps \"china's\" as one term. So "
     "\"china\" misses in Xapian the turns that have it only with 's (and \"-china\" keeps "
     "them), and \"China's\" typed in a query is every \"China\" for lectern but only "
     "\"China's\" for Xapian.",
     "FTS5's unicode61 splits \"China's\" into \"china\" + \"s\": the word \"china\" matches as "
     "in lectern, but \"China's\" typed in a query is the phrase \"china s\" (only turns with "
     "China's, or \"that S&P\") where lectern looks for every \"china\"."},
    {"apostrophe inside a word",
     "ICU keeps letters joined by an apostrophe as one word (\"don't\", and the typo "
     "\"leaders'meetings\"), and so does Xapian, but lectern then drops a possessive 's.",
     "ICU (lectern) keeps letters joined by an apostrophe as one word (\"don't\", and the typo "
     "\"leaders'meetings\" with its space missing); unicode61 splits at every apostrophe, so "
     "FTS5 finds \"meetings\" there and lectern does not."},
    {"period inside a word",
     "ICU (lectern) keeps \"U.S.\", \"usaid.gov\", \"12.28\" and \"1,000\" as one word each; "
     "Xapian's TermGenerator makes \"U.S.\" the term \"us\" (so \"US\" and \"China-US\" find it) "
     "and splits \"usaid.gov\" and \"noneofyourbusiness.com\" at the period.",
     "ICU (lectern) keeps \"U.S.\", \"usaid.gov\", \"12.28\" and \"1,000\" as one word each; "
     "unicode61 splits them at the period or comma, so \"12.28\" typed is the phrase \"12 28\", "
     "which FTS5 also finds in \"12:28\", and \"usaid\" is found inside \"usaid.gov\"."},
    {"NEAR distance",
     "The words between the two NEAR words are counted differently: Xapian's window is in "
     "its own term positions, which differ from lectern's around apostrophes and periods.",
     "lectern counts \"Trump's\" or \"we're\" as one word between the two NEAR words, FTS5 as "
     "two tokens, so a pair at the limit of NEAR/k is in for lectern and out for FTS5."},
    {"Chinese word breaking",
     "lectern indexes Chinese as ICU dictionary words; Xapian (FLAG_CJK_NGRAM) as single "
     "characters with positions (plus bigrams), and a Chinese query word becomes the phrase of "
     "its characters, which also matches inside longer words (年 in 今年, 2016年).",
     "unicode61 has no Chinese word breaking: a whole run of Han characters (with any digits or "
     "Latin letters touching it) up to the next punctuation mark is one token, so a Chinese word "
     "matches only where it stands alone between punctuation, and \"WTO\" in \"WTO规则\" is not "
     "found."},
    {"unexplained", "Not one of the known kinds: see the example.",
     "Not one of the known kinds: see the example."},
};
constexpr int kPossessive = 0, kApostrophe = 1, kPeriod = 2, kNearDistance = 3, kCjk = 4,
              kUnexplained = 5;
constexpr int kKindCount = 6;

// Is the UTF-8 sequence at `p` a CJK ideograph or kana (U+3040..U+9FFF,
// U+F900..U+FAFF, U+20000..)?
bool CjkAt(const std::string& s, size_t i) {
  if (i >= s.size()) return false;
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c >= 0xF0) return true;
  if (c < 0xE3 || c > 0xEF || i + 2 >= s.size()) return false;
  const uint32_t cp = ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                      (static_cast<unsigned char>(s[i + 2]) & 0x3F);
  return (cp >= 0x3040 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

// Does `s` hold a CJK character?
bool HasCjk(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (CjkAt(s, i)) return true;
  }
  return false;
}

// Does `needle` (folded) occur in `folded` touching a CJK character on
// either side (before it only, for a prefix)?
bool TouchesCjk(const std::string& folded, const std::string& needle, bool prefix) {
  if (needle.empty()) return false;
  for (size_t at = folded.find(needle); at != std::string::npos; at = folded.find(needle, at + 1)) {
    // The lead byte of the character before `at`.
    size_t lead = at;
    while (lead > 0) {
      --lead;
      if ((static_cast<unsigned char>(folded[lead]) & 0xC0) != 0x80) break;
    }
    if (at > 0 && CjkAt(folded, lead)) return true;
    if (!prefix && CjkAt(folded, at + needle.size())) return true;
  }
  return false;
}

// ASCII lower case, with the typographic apostrophe as the ASCII one.
std::string Fold(const std::string& text) {
  std::string lower;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\xE2\x80\x99") == 0) {  // ’
      lower += '\'';
      i += 2;
      continue;
    }
    const char c = text[i];
    lower += c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  }
  return lower;
}

// Runs of ASCII letters, digits, apostrophes and periods, with outer
// apostrophes and periods removed.
std::vector<std::string> RawWords(const std::string& folded) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    while (!cur.empty() && (cur.front() == '\'' || cur.front() == '.')) cur.erase(0, 1);
    while (!cur.empty() && (cur.back() == '\'' || cur.back() == '.')) cur.pop_back();
    if (!cur.empty()) words.push_back(cur);
    cur.clear();
  };
  for (char c : folded) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '.') {
      cur += c;
    } else {
      flush();
    }
  }
  flush();
  return words;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

struct QueryWords {
  std::set<std::string> terms;  // lectern's terms of the query's words and phrases
  std::vector<std::string> prefixes;
  std::set<std::string> possessive_bases;  // "china" for a query word typed "China's"
  bool apostrophe_word = false;  // a query word has an apostrophe inside, not a final 's ("don't")
  bool period_word = false;      // a query word has a period or comma inside ("12.28", "U.S")
  std::vector<std::string> typed;  // as typed, for excerpts
  bool near = false;
  bool cjk = false;  // a word of the query is Chinese or Japanese
  bool Matches(const std::string& piece) const {
    if (piece.empty()) return false;
    if (terms.count(piece)) return true;
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](const std::string& p) { return piece.starts_with(p); });
  }
};

void CollectWords(const Node& n, lectern::Analyzer& analyzer, QueryWords* w) {
  if (n.kind == Node::Kind::kNear) w->near = true;
  if (n.kind == Node::Kind::kPrefix) {
    w->prefixes.push_back(analyzer.NormalizeWord(n.text));
    w->typed.push_back(n.text);
  } else if (n.kind == Node::Kind::kWord || n.kind == Node::Kind::kPhrase) {
    std::vector<lectern::Token> tokens;
    analyzer.Analyze(n.text, &tokens);
    for (const lectern::Token& t : tokens) w->terms.insert(t.term);
    for (const std::string& word : RawWords(Fold(n.text))) {
      if (word.size() > 2 && word.ends_with("'s")) {
        w->possessive_bases.insert(word.substr(0, word.size() - 2));
      } else if (word.find('\'') != std::string::npos) {
        w->apostrophe_word = true;
      }
      if (word.find('.') != std::string::npos) w->period_word = true;
    }
    for (size_t i = 1; i + 1 < n.text.size(); ++i) {
      if (n.text[i] == ',' && std::isdigit(static_cast<unsigned char>(n.text[i - 1])) &&
          std::isdigit(static_cast<unsigned char>(n.text[i + 1]))) {
        w->period_word = true;
      }
    }
    w->typed.push_back(n.text);
  }
  if (!n.text.empty() && HasCjk(n.text)) w->cjk = true;
  for (const Node& c : n.children) CollectWords(c, analyzer, w);
}

// The kind of difference one turn shows, and the word that shows it.
int ClassifyTurn(const QueryWords& w, const std::string& text, std::string* evidence) {
  int found = kUnexplained;
  if (w.cjk) {
    *evidence = "";
    return kCjk;
  }
  auto note = [&](int kind, const std::string& word) {
    if (kind < found) {
      found = kind;
      *evidence = word;
    }
  };
  std::string any_mark;
  const std::string folded = Fold(text);
  for (const std::string& term : w.terms) {
    if (TouchesCjk(folded, term, false)) note(kCjk, term);
  }
  for (const std::string& p : w.prefixes) {
    if (TouchesCjk(folded, p, true)) note(kCjk, p);
  }
  for (const std::string& word : RawWords(folded)) {
    const bool apostrophe = word.find('\'') != std::string::npos;
    const bool period = word.find('.') != std::string::npos;
    if (!apostrophe && !period) {
      if (w.possessive_bases.count(word)) note(kPossessive, word);
      continue;
    }
    if (any_mark.empty()) any_mark = word;
    if (word.size() > 2 && word.ends_with("'s")) {
      const std::string base = word.substr(0, word.size() - 2);
      for (const std::string& part : Split(base, '.')) {
        if (w.Matches(part) || w.possessive_bases.count(part)) note(kPossessive, word);
      }
    }
    if (apostrophe) {
      for (const std::string& part : Split(word, '\'')) {
        if (w.Matches(part)) note(kApostrophe, word);
      }
    }
    if (period) {
      std::string joined;
      for (const std::string& part : Split(word, '.')) {
        joined += part;
        if (w.Matches(part)) note(kPeriod, word);
      }
      if (w.Matches(joined)) note(kPeriod, word);
    }
  }
  // Query words the engines split differently explain the turns nothing else does.
  if (found == kUnexplained && w.apostrophe_word) note(kApostrophe, "");
  if (found == kUnexplained && w.period_word) note(kPeriod, "");
  if (found == kUnexplained && w.near && !any_mark.empty()) note(kNearDistance, any_mark);
  return found;
}

struct Disagreement {
  size_t query;
  int kind;
  size_t only_lectern = 0, only_other = 0;
  std::string example;  // "lectern only: <id>#<turn> ...excerpt..."
};

std::string Excerpt(const std::string& text, const std::string& needle) {
  const std::string lower = lectern_bench::AsciiLowerCopy(text);
  size_t at = needle.empty() ? std::string::npos : lower.find(needle);
  if (at == std::string::npos && !needle.empty()) {
    std::string alt = needle;  // the typographic apostrophe, as published
    if (size_t q = alt.find('\''); q != std::string::npos) alt.replace(q, 1, "\xE2\x80\x99");
    at = lower.find(alt);
  }
  size_t begin = at == std::string::npos ? 0 : at,
         end = begin + (at == std::string::npos ? 0 : needle.size());
  for (int words = 0; begin > 0; --begin) {
    if (text[begin - 1] == ' ' && ++words == 4) break;
  }
  for (int words = 0; end < text.size(); ++end) {
    if (text[end] == ' ' && ++words == 4) break;
  }
  std::string s = text.substr(begin, std::min<size_t>(end - begin, 90));
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return "\"..." + s + "...\"";
}

void PrintDisagreements(const BlockResult& block, const std::vector<BenchQuery>& queries,
                        const std::vector<Briefing>& corpus, bool verbose) {
  TurnTable table(corpus);
  lectern::Analyzer analyzer;
  std::printf(
      "\n  disagreements with lectern's sets, %s corpus, by kind "
      "(a query counts under the kind most of its differing turns show; under unexplained if any "
      "turn is):\n",
      block.label.c_str());
  for (int e : {kXapian, kFts5}) {
    std::vector<Disagreement> ds;
    for (size_t i = 0; i < block.outcomes.size(); ++i) {
      const QueryOutcome& out = block.outcomes[i];
      if (out.errors[e].empty() && out.errors[kLectern].empty() &&
          out.sets[e] == out.sets[kLectern]) {
        continue;
      }
      QueryWords words;
      CollectWords(queries[i].root, analyzer, &words);
      std::vector<uint32_t> only[2];
      std::set_difference(out.sets[kLectern].begin(), out.sets[kLectern].end(), out.sets[e].begin(),
                          out.sets[e].end(), std::back_inserter(only[0]));
      std::set_difference(out.sets[e].begin(), out.sets[e].end(), out.sets[kLectern].begin(),
                          out.sets[kLectern].end(), std::back_inserter(only[1]));
      Disagreement d{i, kUnexplained, only[0].size(), only[1].size(), ""};
      // The query's kind: the most common kind among (up to 50 per side of)
      // its differing turns, or "unexplained" if any turn is.
      size_t counts[kKindCount] = {0};
      std::string examples[kKindCount];
      for (int side = 0; side < 2; ++side) {
        for (size_t k = 0; k < std::min<size_t>(50, only[side].size()); ++k) {
          const uint32_t turn = only[side][k];
          const Briefing& b = corpus[table.briefing[turn]];
          const std::string& text = b.turns[table.index[turn]].text;
          std::string evidence;
          const int kind = ClassifyTurn(words, text, &evidence);
          if (counts[kind]++ == 0) {
            examples[kind] = std::string(side == 0 ? "lectern" : kEngines[e]) + " only: " + b.id +
                             "#" + std::to_string(table.index[turn]) + " " +
                             Excerpt(text, evidence.empty() && !words.typed.empty()
                                               ? lectern_bench::AsciiLowerCopy(words.typed[0])
                                               : evidence);
          }
        }
      }
      int worst = kUnexplained;
      if (counts[kUnexplained] == 0) {
        worst = 0;
        for (int k = 1; k < kKindCount; ++k) {
          if (counts[k] > counts[worst]) worst = k;
        }
      }
      d.example = examples[worst];
      if (!out.errors[e].empty() || !out.errors[kLectern].empty()) {
        worst = kUnexplained;
        d.example = "error: lectern '" + out.errors[kLectern] + "', " + kEngines[e] + " '" +
                    out.errors[e] + "'";
      }
      d.kind = std::max(worst, 0);
      ds.push_back(d);
    }
    std::printf("  %s: %zu of %zu queries give another set than lectern\n", kEngines[e], ds.size(),
                block.outcomes.size());
    for (int kind = 0; kind < kKindCount; ++kind) {
      size_t n = std::count_if(ds.begin(), ds.end(),
                               [&](const Disagreement& d) { return d.kind == kind; });
      if (n == 0) continue;
      std::printf("    %-26s %3zu queries: %s\n", kKinds[kind].name, n,
                  e == kXapian ? kKinds[kind].xapian : kKinds[kind].fts5);
      size_t shown = 0;
      for (const Disagreement& d : ds) {
        if (d.kind != kind || (!verbose && kind != kUnexplained && shown >= 3)) continue;
        ++shown;
        const BenchQuery& q = queries[d.query];
        std::printf("      %-16s %-44s lectern %zu, %s %zu: %s\n", q.category.c_str(),
                    q.lectern.c_str(), block.outcomes[d.query].sets[kLectern].size(), kEngines[e],
                    block.outcomes[d.query].sets[e].size(), d.example.c_str());
      }
    }
  }
}

// ---------------------------------------------------------------- report

std::string Mb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", bytes / 1e6);
  return buf;
}

// Percent of the queries in `which` (all, or only those with or without
// Chinese words) whose set from engine `e` equals lectern's.
double AgreementOf(const BlockResult& b, const std::vector<BenchQuery>& queries, int e, int which) {
  size_t n = 0, same = 0;
  for (size_t i = 0; i < b.outcomes.size(); ++i) {
    const bool cjk = HasCjk(queries[i].lectern);
    if ((which == 1 && cjk) || (which == 2 && !cjk)) continue;
    ++n;
    const QueryOutcome& out = b.outcomes[i];
    same +=
        out.errors[e].empty() && out.errors[kLectern].empty() && out.sets[e] == out.sets[kLectern];
  }
  return n == 0 ? 0 : 100.0 * same / n;
}

void PrintBlock(const BlockResult& b, const std::vector<BenchQuery>& queries, const Options& o) {
  std::printf("\n== %s corpus: %zu briefings, %zu turns, %.1f MB of turn text ==\n",
              b.label.c_str(), b.briefings, b.turns, b.text_mb);
  size_t cjk = 0;
  for (const BenchQuery& q : queries) cjk += HasCjk(q.lectern);
  std::printf("%-8s %8s %8s %9s %10s %8s %8s %10s %10s %8s %14s\n", "engine", "build s", "(cpu s)",
              "index MB", "(apparent)", "p50 ms", "p95 ms", "(cpu p50)", "(cpu p95)", "agree %",
              "(latin/chinese)");
  for (int e = 0; e < 3; ++e) {
    const EngineResult& r = b.engines[e];
    if (!r.ran) continue;
    char agree[16] = "-", split[48] = "-";
    if (e != kLectern && o.only.empty()) {
      std::snprintf(agree, sizeof agree, "%.1f", r.agreement);
      std::snprintf(split, sizeof split, "%.1f/%.1f", AgreementOf(b, queries, e, 1),
                    AgreementOf(b, queries, e, 2));
    }
    std::printf("%-8s %8.2f %8.2f %9s %10s %8.3f %8.3f %10.3f %10.3f %8s %14s\n", kEngines[e],
                r.build_wall, r.build_cpu, Mb(r.du.allocated).c_str(), Mb(r.du.apparent).c_str(),
                r.p50, r.p95, r.cpu_p50, r.cpu_p95, agree, split);
  }
  std::printf("(%zu queries: %zu with Latin-script words only, %zu with Chinese words)\n",
              queries.size(), queries.size() - cjk, cjk);
}

void PrintCategories(const BlockResult& b, const std::vector<BenchQuery>& queries) {
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < queries.size(); ++i) {
    std::string c = queries[i].category;
    if (c.starts_with("filter/")) c = "filtered (" + c.substr(7, c.find('+') - 7) + ")";
    groups[c].push_back(i);
    groups[HasCjk(queries[i].lectern) ? "ALL with Chinese words" : "ALL Latin-script only"]
        .push_back(i);
  }
  std::printf("\n  median latency by kind of query, ms (%s corpus)\n", b.label.c_str());
  std::printf("  %-32s %5s %9s %9s %9s\n", "kind", "n", "lectern", "xapian", "fts5");
  for (const auto& [name, idx] : groups) {
    double med[3];
    for (int e = 0; e < 3; ++e) {
      std::vector<double> v;
      for (size_t i : idx) v.push_back(b.outcomes[i].latency_ms[e]);
      med[e] = Median(v);
    }
    std::printf("  %-32s %5zu %9.3f %9.3f %9.3f\n", name.c_str(), idx.size(), med[0], med[1],
                med[2]);
  }
}

void PrintMachineLines(const BlockResult& b) {
  const EngineResult& l = b.engines[kLectern];
  auto ratio = [](double other, double mine) { return mine > 0 ? other / mine : 0.0; };
  std::printf(
      "\n# machine-readable, %s corpus (other engine / lectern; above 1: lectern faster or "
      "smaller)\n",
      b.label.c_str());
  for (int e : {kXapian, kFts5}) {
    std::printf("RATIO build_time %s %.3f\n", kEngines[e],
                ratio(b.engines[e].build_wall, l.build_wall));
  }
  for (int e : {kXapian, kFts5}) {
    std::printf(
        "RATIO index_size %s %.3f\n", kEngines[e],
        ratio(static_cast<double>(b.engines[e].du.allocated), static_cast<double>(l.du.allocated)));
  }
  for (int e : {kXapian, kFts5}) {
    std::printf("RATIO latency_p50 %s %.3f\n", kEngines[e], ratio(b.engines[e].p50, l.p50));
  }
  for (int e : {kXapian, kFts5}) {
    std::printf("RATIO latency_p95 %s %.3f\n", kEngines[e], ratio(b.engines[e].p95, l.p95));
  }
  for (int e : {kXapian, kFts5})
    std::printf("AGREEMENT %s %.1f\n", kEngines[e], b.engines[e].agreement);
}

void PrintTargets(const BlockResult& b) {
  const EngineResult& l = b.engines[kLectern];
  const EngineResult& x = b.engines[kXapian];
  const EngineResult& f = b.engines[kFts5];
  auto verdict = [](bool met) { return met ? "met" : "NOT met"; };
  std::printf("\n  targets (%s corpus):\n", b.label.c_str());
  std::printf("    build >= 4x faster than Xapian: %.2fx  %s\n", x.build_wall / l.build_wall,
              verdict(x.build_wall >= 4 * l.build_wall));
  std::printf("    build >= 2x faster than FTS5:   %.2fx  %s\n", f.build_wall / l.build_wall,
              verdict(f.build_wall >= 2 * l.build_wall));
  std::printf("    index <= 0.5x FTS5's size:      %.2fx  %s\n",
              static_cast<double>(l.du.allocated) / f.du.allocated,
              verdict(2 * l.du.allocated <= f.du.allocated));
  const double best = std::min(x.p50, f.p50);
  std::printf("    median latency <= 0.5x the faster other (%.3f ms): %.2fx  %s\n", best,
              l.p50 / best, verdict(2 * l.p50 <= best));
}

int Usage() {
  std::fprintf(stderr,
               "usage: index_bench [--replicate N] [--reps N] [--queries N] [--seed N] "
               "[--only lectern|xapian|fts5] [--limit N] [--verbose] [--list] [CORPUS]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--replicate" && has_value) {
      o.replicate = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--reps" && has_value) {
      o.reps = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--queries" && has_value) {
      o.queries = static_cast<size_t>(std::max(1, std::atoi(argv[++i])));
    } else if (a == "--seed" && has_value) {
      o.seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (a == "--only" && has_value) {
      o.only = argv[++i];
      if (o.only != "lectern" && o.only != "xapian" && o.only != "fts5") return Usage();
    } else if (a == "--limit" && has_value) {
      o.limit = static_cast<size_t>(std::max(1, std::atoi(argv[++i])));
    } else if (a == "--verbose") {
      o.verbose = true;
    } else if (a == "--list") {
      o.list = true;
    } else if (a.starts_with("-")) {
      return Usage();
    } else {
      o.corpus_arg = std::string(a);
    }
  }

  const fs::path root = FindCorpusRoot(o.corpus_arg);
  if (!fs::is_directory(root / "mfa-en-html")) {
    std::printf(
        "index_bench: no corpus at %s (set LECTERN_CORPUS or pass the corpus root); "
        "nothing to measure\n",
        root.string().c_str());
    return 0;
  }
  const double t0 = Now();
  Corpus corpus = LoadCorpus(root, o.limit);
  std::printf("index_bench: corpus %s (parsed in %.1f s)\n", root.string().c_str(), Now() - t0);
  for (const FolderCount& f : corpus.folders) {
    std::printf("  %-18s %4zu of %4zu pages parse%s\n", f.name.c_str(), f.parsed, f.files,
                f.duplicates
                    ? (" (" + std::to_string(f.duplicates) + " duplicate ids left out)").c_str()
                    : "");
  }
  if (corpus.briefings.empty()) {
    std::printf("index_bench: no page parses; nothing to measure\n");
    return 0;
  }
  const std::vector<BenchQuery> queries =
      lectern_bench::GenerateQueries(corpus.briefings, o.seed, o.queries);
  std::printf("  %zu queries (seed %llu); one thread per engine; Xapian %s, SQLite %s\n",
              queries.size(), static_cast<unsigned long long>(o.seed), Xapian::version_string(),
              sqlite3_libversion());
  std::printf("  %u cores; load average %s at the start\n", std::thread::hardware_concurrency(),
              LoadAverage().c_str());

  if (o.list) {
    Xapian::TermGenerator tg = MakeTermGenerator();
    for (const BenchQuery& q : queries) {
      std::printf("%-34s %s\n%34s fts5:   %s%s\n%34s xapian: %s\n", q.category.c_str(),
                  q.lectern.c_str(), "", q.fts5_match.c_str(), q.fts5_where.c_str(), "",
                  XapianQuery(q, tg).get_description().c_str());
    }
    return 0;
  }
  std::vector<BlockResult> blocks;
  {
    Block block(o, corpus.briefings, queries, "1x", 3);
    blocks.push_back(block.Run());
  }
  if (o.only.empty()) PrintDisagreements(blocks.back(), queries, corpus.briefings, o.verbose);
  if (o.replicate > 1) {
    const std::vector<Briefing> big = Replicate(corpus.briefings, o.replicate);
    Block block(o, big, queries, std::to_string(o.replicate) + "x", 1);
    blocks.push_back(block.Run());
    if (o.only.empty()) PrintDisagreements(blocks.back(), queries, big, false);
  }

  for (const BlockResult& b : blocks) {
    PrintBlock(b, queries, o);
    PrintCategories(b, queries);
  }
  if (o.only.empty()) {
    for (const BlockResult& b : blocks) PrintTargets(b);
    for (const BlockResult& b : blocks) PrintMachineLines(b);
  }
  std::printf(
      "\nindex_bench: done in %.0f s; load average %s at the end (wall-clock figures are "
      "trustworthy only when it stays well under the core count; the cpu columns are less "
      "affected)\n",
      Now() - t0, LoadAverage().c_str());
  return 0;
}
