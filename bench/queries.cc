#include "queries.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "ingest/outlets.h"
#include "text/analyzer.h"

namespace lectern_bench {
namespace {

using lectern::Briefing;
using lectern::Token;
using lectern::Turn;

// splitmix64: portable, so the same seed gives the same queries everywhere
// (std::uniform_int_distribution is not specified bit for bit).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
  int Between(int lo, int hi) {
    return lo + static_cast<int>(Below(static_cast<size_t>(hi - lo + 1)));
  }

 private:
  uint64_t state_;
};

bool IsOperatorWord(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "NEAR" || w.starts_with("NEAR/");
}

// Can `s` be typed as one word (or, with spaces allowed, inside quotes) in
// every engine's syntax without meaning something else?
bool Typeable(std::string_view s, bool spaces) {
  if (s.empty() || s.front() == '-' || s.size() > 60) return false;
  for (char c : s) {
    if (c == '"' || c == '(' || c == ')' || c == '*' || c == '|' || c == ':' || c == '\n' ||
        c == '\t' || c == '\r' || c == '\\') {
      return false;
    }
    if (c == ' ' && !spaces) return false;
  }
  // Curly double quotes open and close phrases in lectern's parser.
  if (s.find("\xE2\x80\x9C") != std::string_view::npos ||
      s.find("\xE2\x80\x9D") != std::string_view::npos) {
    return false;
  }
  if (spaces && s.find("  ") != std::string_view::npos) return false;
  return spaces || !IsOperatorWord(s);
}

bool AlphaTerm(std::string_view t) {
  if (t.size() < 2) return false;
  return std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

std::string Ymd(int y, int m, int d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

std::string Ym(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

std::string Fts5Quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string SqlQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string RenderLectern(const Node& n) {
  using K = Node::Kind;
  auto group = [](const Node& c, bool needs) {
    std::string out = needs ? "(" : "";
    out += RenderLectern(c);
    if (needs) out += ')';
    return out;
  };
  switch (n.kind) {
    case K::kWord:
      return n.text;
    case K::kPhrase:
      return "\"" + n.text + "\"";
    case K::kPrefix:
      return n.text + "*";
    case K::kAnd: {
      std::string out;
      for (const Node& c : n.children) {
        if (!out.empty()) out += ' ';
        out += group(c, c.kind == K::kOr);
      }
      return out;
    }
    case K::kOr: {
      std::string out;
      for (const Node& c : n.children) {
        if (!out.empty()) out += " OR ";
        out += group(c, c.kind == K::kAnd || c.kind == K::kAndNot);
      }
      return out;
    }
    case K::kAndNot: {
      const Node& neg = n.children[1];
      const bool simple = neg.kind == K::kWord || neg.kind == K::kPhrase || neg.kind == K::kPrefix;
      return group(n.children[0], n.children[0].kind == K::kOr) + " -" + group(neg, !simple);
    }
    case K::kNear:
      return RenderLectern(n.children[0]) +
             (n.plain_near ? std::string(" NEAR ") : " NEAR/" + std::to_string(n.distance) + " ") +
             RenderLectern(n.children[1]);
  }
  return "";
}

std::string RenderFts5(const Node& n) {
  using K = Node::Kind;
  auto join = [](const std::vector<Node>& cs, const char* op) {
    std::string out = "(";
    for (size_t i = 0; i < cs.size(); ++i) {
      if (i > 0) out += op;
      out += RenderFts5(cs[i]);
    }
    return out + ")";
  };
  switch (n.kind) {
    case K::kWord:
    case K::kPhrase:
      return Fts5Quote(n.text);
    case K::kPrefix:
      return Fts5Quote(n.text) + "*";
    case K::kAnd:
      return join(n.children, " AND ");
    case K::kOr:
      return join(n.children, " OR ");
    case K::kAndNot:
      return join(n.children, " NOT ");
    case K::kNear:
      return "NEAR(" + RenderFts5(n.children[0]) + " " + RenderFts5(n.children[1]) + ", " +
             std::to_string(n.distance) + ")";
  }
  return "";
}

std::string RenderValues(const std::vector<std::string>& values, bool quote) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += '|';
    out += quote ? "\"" + v + "\"" : v;
  }
  return out;
}

std::string SqlIn(const char* column, const std::vector<std::string>& values, bool lower) {
  std::string out = std::string(" AND ") + column + " IN (";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += SqlQuote(lower ? AsciiLowerCopy(values[i]) : values[i]);
  }
  return out + ")";
}

void Render(BenchQuery* q) {
  q->lectern = RenderLectern(q->root);
  q->fts5_match = RenderFts5(q->root);
  const Filter& f = q->filter;
  if (f.empty()) return;
  if (q->root.kind == Node::Kind::kOr) q->lectern.insert(0, "(").push_back(')');
  if (!f.roles.empty()) {
    q->lectern += " role:" + RenderValues(f.roles, false);
    q->fts5_where += SqlIn("role", f.roles, false);
  }
  if (!f.speakers.empty()) {
    q->lectern += " speaker:" + RenderValues(f.speakers, true);
    q->fts5_where += SqlIn("speaker", f.speakers, true);
  }
  if (!f.outlets.empty()) {
    q->lectern += " outlet:" + RenderValues(f.outlets, true);
    // lectern also accepts any alias of a value's outlet; the other engines
    // are given the canonical names as well.
    std::vector<std::string> names = f.outlets;
    for (const std::string& v : f.outlets) {
      if (const lectern::Outlet* o = lectern::FindOutlet(v)) names.emplace_back(o->name);
    }
    q->fts5_where += SqlIn("outlet", names, true);
  }
  if (!f.date_text.empty()) {
    q->lectern += " date:" + f.date_text;
    q->fts5_where += " AND date BETWEEN " + SqlQuote(f.date_from) + " AND " + SqlQuote(f.date_to);
  }
}

struct TermStat {
  uint32_t df = 0;
  uint32_t last_turn = UINT32_MAX;
  std::unordered_map<std::string, uint32_t> surfaces;
};

class Generator {
 public:
  Generator(const std::vector<Briefing>& corpus, uint64_t seed) : rng_(seed) {
    for (const Briefing& b : corpus) {
      for (uint32_t t = 0; t < b.turns.size(); ++t) turns_.push_back({&b, t});
    }
    for (uint32_t i = 0; i < turns_.size(); ++i) {
      const std::string& text = TurnOf(i).text;
      analyzer_.Analyze(text, &tokens_);
      for (const Token& tok : tokens_) {
        TermStat& s = stats_[tok.term];
        if (s.last_turn != i) {
          s.last_turn = i;
          ++s.df;
        }
        ++s.surfaces[text.substr(tok.begin, tok.end - tok.begin)];
      }
    }
    for (const auto& [term, s] : stats_) by_df_.push_back(term);
    std::sort(by_df_.begin(), by_df_.end(), [&](const std::string& a, const std::string& b) {
      const uint32_t x = stats_[a].df, y = stats_[b].df;
      return x != y ? x > y : a < b;
    });
    for (size_t r = 0; r < by_df_.size(); ++r) rank_[by_df_[r]] = r;
    sorted_ = by_df_;
    std::sort(sorted_.begin(), sorted_.end());
    for (const Briefing& b : corpus) {
      if (b.date && b.date->size() == 10) {
        const int y = std::stoi(b.date->substr(0, 4)), m = std::stoi(b.date->substr(5, 2));
        months_.push_back(y * 12 + (m - 1));
      }
    }
    std::sort(months_.begin(), months_.end());
    months_.erase(std::unique(months_.begin(), months_.end()), months_.end());
    std::unordered_map<std::string, size_t> speakers, outlets;
    for (const auto& [b, t] : turns_) {
      const Turn& turn = b->turns[t];
      if (turn.speaker) ++speakers[*turn.speaker];
      if (turn.outlet) ++outlets[*turn.outlet];
    }
    speakers_ = ByCount(speakers, 20);
    outlets_ = ByCount(outlets, 10);
  }

  std::vector<BenchQuery> Generate(size_t count) {
    // Group sizes for 250 queries; scaled up for more.
    const size_t k = std::max<size_t>(1, (count + 249) / 250);
    std::vector<BenchQuery> out;
    std::set<std::string> seen;
    // Draws with `make` until the query is new (a few tries), then keeps it.
    auto add = [&](std::string category, const std::function<Node()>& make, Filter filter = {}) {
      BenchQuery q;
      for (int attempt = 0; attempt < 20; ++attempt) {
        q.category = category;
        q.root = make();
        q.filter = filter;
        q.lectern.clear();
        q.fts5_match.clear();
        q.fts5_where.clear();
        Render(&q);
        if (!seen.count(q.lectern)) break;
      }
      seen.insert(q.lectern);
      out.push_back(std::move(q));
    };
    const std::vector<size_t> all = AllTurns();
    const size_t high = std::min<size_t>(150, by_df_.size());
    for (size_t i = 0; i < 12 * k; ++i) add("word-high", [&] { return Word(0, high); });
    size_t mid_end = high;
    while (mid_end < by_df_.size() && stats_[by_df_[mid_end]].df >= 20) ++mid_end;
    for (size_t i = 0; i < 14 * k; ++i) add("word-mid", [&] { return Word(high, mid_end); });
    for (size_t i = 0; i < 14 * k; ++i)
      add("word-low", [&] { return Word(mid_end, by_df_.size()); });
    for (size_t i = 0; i < 10 * k; ++i) add("word-punct", [&] { return PunctWord(all); });
    for (size_t i = 0; i < 30 * k; ++i) add("phrase", [&] { return Phrase(all); });
    for (size_t i = 0; i < 20 * k; ++i) add("and", [&] { return And(all); });
    for (size_t i = 0; i < 15 * k; ++i) add("or", [&] { return Or(all); });
    for (size_t i = 0; i < 15 * k; ++i) add("not", [&] { return Not(all); });
    for (size_t i = 0; i < 10 * k; ++i) add("and-or-not", [&] { return Combo(all); });
    for (size_t i = 0; i < 15 * k; ++i) add("near", [&] { return Near(all); });
    for (size_t i = 0; i < 15 * k; ++i) add("prefix", [&] { return Prefix(all); });
    // Filtered: ten kinds of filter, each over a rotation of text queries
    // drawn from turns the filter keeps.
    const char* bases[] = {"word", "phrase", "and", "or", "near", "prefix", "not", "and-or-not"};
    for (size_t i = 0; i < 80 * k; ++i) {
      Filter f = MakeFilter(i % 10);
      std::vector<size_t> seeds;
      for (size_t s : all) {
        if (f.Matches(*turns_[s].first, TurnOf(s))) seeds.push_back(s);
      }
      if (seeds.empty()) seeds = all;
      const std::string base = bases[(i / 10 + i) % 8];
      std::string what = "filter/" + FilterName(f) + "+" + base;
      add(
          what, [&] { return Base(base, seeds); }, std::move(f));
    }
    return out;
  }

 private:
  const Turn& TurnOf(size_t i) const { return turns_[i].first->turns[turns_[i].second]; }

  static std::vector<std::string> ByCount(const std::unordered_map<std::string, size_t>& m,
                                          size_t min_count) {
    std::vector<std::pair<size_t, std::string>> v;
    for (const auto& [k, n] : m) {
      if (n >= min_count) v.push_back({n, k});
    }
    std::sort(v.begin(), v.end(), [](auto& a, auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::string> out;
    for (auto& p : v) out.push_back(p.second);
    return out;
  }

  std::vector<size_t> AllTurns() const {
    std::vector<size_t> v(turns_.size());
    for (size_t i = 0; i < v.size(); ++i) v[i] = i;
    return v;
  }

  // The most frequent way `term` is written in the corpus.
  std::string Surface(const std::string& term) {
    const TermStat& s = stats_[term];
    std::string best;
    uint32_t n = 0;
    for (const auto& [form, count] : s.surfaces) {
      if (count > n || (count == n && form < best)) {
        best = form;
        n = count;
      }
    }
    return best;
  }

  Node Leaf(Node::Kind kind, std::string text) {
    Node n;
    n.kind = kind;
    n.text = std::move(text);
    return n;
  }
  Node Op(Node::Kind kind, std::vector<Node> children) {
    Node n;
    n.kind = kind;
    n.children = std::move(children);
    return n;
  }

  // A term with dictionary rank in [lo, hi), typed as its usual surface form.
  Node Word(size_t lo, size_t hi) {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      const std::string& term = by_df_[lo + rng_.Below(hi - lo)];
      std::string surface = Surface(term);
      if (Typeable(surface, false)) return Leaf(Node::Kind::kWord, surface);
    }
    return Leaf(Node::Kind::kWord, by_df_[lo]);
  }

  // A random alphabetic term outside the 50 most frequent, in the middle band.
  std::string MidTerm() {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      const std::string& t = by_df_[50 + rng_.Below(std::min<size_t>(by_df_.size() - 50, 3000))];
      if (AlphaTerm(t)) return t;
    }
    return by_df_[60];
  }

  // Analyses a random turn from `seeds` with at least `min_tokens` words.
  size_t SeedTurn(const std::vector<size_t>& seeds, size_t min_tokens) {
    size_t pick = seeds[rng_.Below(seeds.size())];
    for (int attempt = 0; attempt < 200; ++attempt) {
      analyzer_.Analyze(TurnOf(pick).text, &tokens_);
      if (tokens_.size() >= min_tokens) return pick;
      pick = seeds[rng_.Below(seeds.size())];
    }
    return pick;
  }

  // Alphabetic terms of the current tokens_ outside the 50 most frequent.
  std::vector<std::string> Content() {
    std::vector<std::string> v;
    for (const Token& t : tokens_) {
      if (AlphaTerm(t.term) && rank_[t.term] >= 50) v.push_back(t.term);
    }
    return v;
  }

  // A word as printed with an apostrophe, a period, a hyphen or digits in it
  // ("China's", "U.S.", "COVID-19", "Yong-ho", "G20"), outer punctuation removed.
  Node PunctWord(const std::vector<size_t>& seeds) {
    for (int attempt = 0; attempt < 1000; ++attempt) {
      const std::string& text = TurnOf(SeedTurn(seeds, 4)).text;
      std::vector<std::string> chunks;
      size_t at = 0;
      while (at < text.size()) {
        size_t end = text.find_first_of(" \n", at);
        if (end == std::string::npos) end = text.size();
        std::string c = text.substr(at, end - at);
        at = end + 1;
        while (!c.empty() &&
               std::string_view("\"'(,;!?[").find(c.front()) != std::string_view::npos)
          c.erase(0, 1);
        while (!c.empty() &&
               std::string_view("\"'),;:!?]").find(c.back()) != std::string_view::npos)
          c.pop_back();
        if (c.starts_with("\xE2\x80\x9C") || c.starts_with("\xE2\x80\x98")) c.erase(0, 3);
        if (c.ends_with("\xE2\x80\x9D") || c.ends_with("\xE2\x80\x99")) c.resize(c.size() - 3);
        if (c.ends_with(".") && c.find('.') == c.size() - 1) c.pop_back();
        bool letter = false, digit = false, mark = false;
        for (size_t i = 0; i < c.size(); ++i) {
          const char ch = c[i];
          letter |= (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
          digit |= ch >= '0' && ch <= '9';
          mark |= i > 0 &&
                  (ch == '\'' || ch == '.' || ch == '-' || c.compare(i, 3, "\xE2\x80\x99") == 0);
        }
        if (letter && (mark || digit) && Typeable(c, false)) chunks.push_back(c);
      }
      if (!chunks.empty()) return Leaf(Node::Kind::kWord, chunks[rng_.Below(chunks.size())]);
    }
    return Leaf(Node::Kind::kWord, "U.S.");
  }

  Node Phrase(const std::vector<size_t>& seeds) {
    for (int attempt = 0; attempt < 500; ++attempt) {
      const std::string& text = TurnOf(SeedTurn(seeds, 6)).text;
      if (tokens_.size() < 3) continue;
      const size_t len = 2 + rng_.Below(2);
      const size_t start = rng_.Below(tokens_.size() - len + 1);
      const Token& a = tokens_[start];
      const Token& b = tokens_[start + len - 1];
      std::string phrase = text.substr(a.begin, b.end - a.begin);
      // Not three of the most frequent words ("of the"): too easy.
      bool content = false;
      for (size_t i = start; i < start + len; ++i) content |= rank_[tokens_[i].term] >= 50;
      if (content && Typeable(phrase, true)) return Leaf(Node::Kind::kPhrase, phrase);
    }
    return Leaf(Node::Kind::kPhrase, "foreign ministry");
  }

  Node And(const std::vector<size_t>& seeds) {
    for (int attempt = 0; attempt < 500; ++attempt) {
      SeedTurn(seeds, 8);
      std::vector<std::string> c = Content();
      if (c.size() < 2) continue;
      std::string a = c[rng_.Below(c.size())], b = c[rng_.Below(c.size())];
      if (a == b) continue;
      return Op(Node::Kind::kAnd, {Leaf(Node::Kind::kWord, a), Leaf(Node::Kind::kWord, b)});
    }
    return Leaf(Node::Kind::kWord, MidTerm());
  }

  Node Or(const std::vector<size_t>& seeds) {
    SeedTurn(seeds, 4);
    std::vector<std::string> c = Content();
    std::string a = c.empty() ? MidTerm() : c[rng_.Below(c.size())];
    std::vector<Node> kids = {Leaf(Node::Kind::kWord, a), Leaf(Node::Kind::kWord, MidTerm())};
    if (rng_.Below(2) == 0) kids.push_back(Leaf(Node::Kind::kWord, MidTerm()));
    return Op(Node::Kind::kOr, std::move(kids));
  }

  std::string AbsentTerm(const std::vector<std::string>& present) {
    for (int attempt = 0; attempt < 100; ++attempt) {
      std::string t = MidTerm();
      if (std::find(present.begin(), present.end(), t) == present.end()) return t;
    }
    return MidTerm();
  }

  Node Not(const std::vector<size_t>& seeds) {
    SeedTurn(seeds, 4);
    std::vector<std::string> c = Content();
    std::string a = c.empty() ? MidTerm() : c[rng_.Below(c.size())];
    // The negated word: a frequent one half of the time, so NOT removes a lot.
    std::string b;
    if (rng_.Below(2) == 0) {
      for (int attempt = 0; attempt < 100 && b.empty(); ++attempt) {
        const std::string& t = by_df_[20 + rng_.Below(200)];
        if (AlphaTerm(t) && t != a && std::find(c.begin(), c.end(), t) == c.end()) b = t;
      }
    }
    if (b.empty()) b = AbsentTerm(c);
    return Op(Node::Kind::kAndNot, {Leaf(Node::Kind::kWord, a), Leaf(Node::Kind::kWord, b)});
  }

  Node Combo(const std::vector<size_t>& seeds) {
    for (int attempt = 0; attempt < 500; ++attempt) {
      SeedTurn(seeds, 8);
      std::vector<std::string> c = Content();
      if (c.size() < 2) continue;
      std::string a = c[rng_.Below(c.size())], b = c[rng_.Below(c.size())];
      if (a == b) continue;
      Node either =
          Op(Node::Kind::kOr, {Leaf(Node::Kind::kWord, b), Leaf(Node::Kind::kWord, MidTerm())});
      Node pos = Op(Node::Kind::kAnd, {Leaf(Node::Kind::kWord, a), std::move(either)});
      return Op(Node::Kind::kAndNot, {std::move(pos), Leaf(Node::Kind::kWord, AbsentTerm(c))});
    }
    return Leaf(Node::Kind::kWord, MidTerm());
  }

  Node Near(const std::vector<size_t>& seeds) {
    static const int kDistances[] = {0, 1, 2, 3, 5, 10};
    for (int attempt = 0; attempt < 500; ++attempt) {
      SeedTurn(seeds, 8);
      const bool plain = rng_.Below(4) == 0;
      const int k = plain ? 10 : kDistances[rng_.Below(6)];
      const size_t i = rng_.Below(tokens_.size());
      const size_t j = i + 1 + rng_.Below(static_cast<size_t>(k) + 1);
      if (j >= tokens_.size()) continue;
      const std::string& a = tokens_[i].term;
      const std::string& b = tokens_[j].term;
      if (!AlphaTerm(a) || !AlphaTerm(b) || a == b) continue;
      if (rank_[a] < 50 && rank_[b] < 50) continue;
      Node n = Op(Node::Kind::kNear, {Leaf(Node::Kind::kWord, a), Leaf(Node::Kind::kWord, b)});
      if (rng_.Below(2) == 0) std::swap(n.children[0], n.children[1]);  // either order
      n.distance = k;
      n.plain_near = plain;
      return n;
    }
    return Leaf(Node::Kind::kWord, MidTerm());
  }

  size_t Expansion(const std::string& prefix) const {
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), prefix);
    size_t n = 0;
    for (; it != sorted_.end() && it->starts_with(prefix) && n <= 4096; ++it) ++n;
    return n;
  }

  Node Prefix(const std::vector<size_t>& seeds) {
    for (int attempt = 0; attempt < 500; ++attempt) {
      SeedTurn(seeds, 4);
      std::vector<std::string> c = Content();
      if (c.empty()) continue;
      const std::string& t = c[rng_.Below(c.size())];
      if (t.size() < 5) continue;
      const size_t len = 3 + rng_.Below(std::min<size_t>(t.size() - 4, 4));
      const std::string p = t.substr(0, len);
      const size_t n = Expansion(p);
      if (n < 2 || n > 4096) continue;
      return Leaf(Node::Kind::kPrefix, p);
    }
    return Leaf(Node::Kind::kPrefix, "diplom");
  }

  Node Base(const std::string& kind, const std::vector<size_t>& seeds) {
    if (kind == "phrase") return Phrase(seeds);
    if (kind == "and") return And(seeds);
    if (kind == "or") return Or(seeds);
    if (kind == "near") return Near(seeds);
    if (kind == "prefix") return Prefix(seeds);
    if (kind == "not") return Not(seeds);
    if (kind == "and-or-not") return Combo(seeds);
    SeedTurn(seeds, 4);
    std::vector<std::string> c = Content();
    return Leaf(Node::Kind::kWord, c.empty() ? MidTerm() : Surface(c[rng_.Below(c.size())]));
  }

  void SetMonths(Filter* f, bool whole_year) {
    if (months_.empty()) return;
    const int first = months_[rng_.Below(months_.size())];
    int y = first / 12, m = first % 12 + 1;
    if (whole_year) {
      f->date_text = std::to_string(y);
      f->date_from = Ymd(y, 1, 1);
      f->date_to = Ymd(y, 12, 31);
      return;
    }
    const int span = rng_.Between(1, 6);
    const int last = first + span - 1;
    const int y2 = last / 12, m2 = last % 12 + 1;
    f->date_text = span == 1 ? Ym(y, m) : Ym(y, m) + ".." + Ym(y2, m2);
    f->date_from = Ymd(y, m, 1);
    f->date_to = Ymd(y2, m2, DaysInMonth(y2, m2));
  }

  std::string Speaker() {
    return speakers_.empty() ? "" : speakers_[rng_.Below(std::min<size_t>(speakers_.size(), 6))];
  }
  std::string OutletName() {
    return outlets_.empty() ? "" : outlets_[rng_.Below(std::min<size_t>(outlets_.size(), 15))];
  }

  Filter MakeFilter(size_t kind) {
    Filter f;
    switch (kind) {
      case 0:
        f.roles = {"answer"};
        break;
      case 1:
        f.roles = {"question"};
        break;
      case 2:
        f.roles = {"answer", "question"};
        break;
      case 3:
        f.speakers = {Speaker()};
        break;
      case 4: {
        f.speakers = {Speaker()};
        std::string other = Speaker();
        if (other != f.speakers[0]) f.speakers.push_back(other);
        break;
      }
      case 5:
        SetMonths(&f, false);
        break;
      case 6:
        SetMonths(&f, true);
        break;
      case 7:
        f.outlets = {OutletName()};
        break;
      case 8:
        f.outlets = {OutletName()};
        SetMonths(&f, true);
        break;
      default:
        f.roles = {"answer"};
        f.speakers = {Speaker()};
        SetMonths(&f, false);
        break;
    }
    // Fields the corpus has no values for are left out.
    f.speakers.erase(std::remove(f.speakers.begin(), f.speakers.end(), ""), f.speakers.end());
    f.outlets.erase(std::remove(f.outlets.begin(), f.outlets.end(), ""), f.outlets.end());
    if (f.empty()) f.roles = {"statement"};
    return f;
  }

  static std::string FilterName(const Filter& f) {
    std::string out;
    auto add = [&](const char* s) { out += out.empty() ? s : std::string("&") + s; };
    if (!f.roles.empty()) add("role");
    if (!f.speakers.empty()) add("speaker");
    if (!f.outlets.empty()) add("outlet");
    if (!f.date_text.empty()) add("date");
    return out;
  }

  Rng rng_;
  lectern::Analyzer analyzer_;
  std::vector<Token> tokens_;
  std::vector<std::pair<const Briefing*, uint32_t>> turns_;
  std::unordered_map<std::string, TermStat> stats_;
  std::unordered_map<std::string, size_t> rank_;
  std::vector<std::string> by_df_, sorted_;
  std::vector<int> months_;  // year * 12 + month - 1 of every briefing date
  std::vector<std::string> speakers_, outlets_;
};

}  // namespace

std::string AsciiLowerCopy(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool Filter::Matches(const Briefing& b, const Turn& t) const {
  auto any = [](const std::vector<std::string>& values, const std::optional<std::string>& v) {
    if (!v) return false;
    const std::string lv = AsciiLowerCopy(*v);
    return std::any_of(values.begin(), values.end(),
                       [&](const std::string& x) { return AsciiLowerCopy(x) == lv; });
  };
  if (!roles.empty() && std::find(roles.begin(), roles.end(),
                                  std::string(lectern::RoleName(t.role))) == roles.end()) {
    return false;
  }
  if (!speakers.empty() && !any(speakers, t.speaker)) return false;
  if (!outlets.empty() && !any(outlets, t.outlet)) return false;
  if (!date_text.empty() && (!b.date || *b.date < date_from || *b.date > date_to)) return false;
  return true;
}

std::vector<BenchQuery> GenerateQueries(const std::vector<Briefing>& corpus, uint64_t seed,
                                        size_t count) {
  if (corpus.empty()) return {};
  Generator g(corpus, seed);
  return g.Generate(count);
}

}  // namespace lectern_bench
