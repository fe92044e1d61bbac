#include "query/searcher.h"

#include <gtest/gtest.h>

#include <set>

#include "base/utf8.h"
#include "index/index_test_support.h"
#include "index/index_writer.h"
#include "ingest/outlets.h"
#include "query/parser.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::MakeBriefing;
using testing::Question;
using testing::RandomBriefings;
using testing::TempDir;

struct Span {
  size_t start, end;
};

// A brute-force reading of the query language over one turn: the oracle
// the index must agree with.
class Oracle {
 public:
  explicit Oracle(const std::vector<Briefing>& briefings) {
    for (const Briefing& b : briefings) {
      for (uint32_t t = 0; t < b.turns.size(); ++t) {
        Entry e{&b, t, {}};
        analyzer_.Analyze(b.turns[t].text, &e.tokens);
        entries_.push_back(std::move(e));
      }
    }
  }

  std::vector<TurnRef> MatchAll(const QueryNode& q) {
    std::vector<TurnRef> out;
    for (const Entry& e : entries_) {
      if (Matches(q, e)) out.push_back(TurnRef{e.briefing->id, e.turn});
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  struct Entry {
    const Briefing* briefing;
    uint32_t turn;
    std::vector<Token> tokens;
  };

  std::vector<Span> Spans(const QueryNode& q, const Entry& e) {
    std::vector<Span> spans;
    if (q.kind == QueryKind::kPrefix) {
      const std::string prefix = analyzer_.NormalizeWord(q.text);
      for (size_t i = 0; i < e.tokens.size(); ++i) {
        if (e.tokens[i].term.rfind(prefix, 0) == 0) spans.push_back({i, i});
      }
      return spans;
    }
    std::vector<Token> words;
    analyzer_.Analyze(q.text, &words);
    for (size_t i = 0; i + words.size() <= e.tokens.size(); ++i) {
      bool all = true;
      for (size_t k = 0; k < words.size() && all; ++k) all = e.tokens[i + k].term == words[k].term;
      if (all) spans.push_back({i, i + words.size() - 1});
    }
    return spans;
  }

  static bool OneOf(std::string_view value, const std::vector<std::string>& wanted, bool outlet) {
    for (const std::string& w : wanted) {
      if (AsciiLower(w) == AsciiLower(value)) return true;
      if (outlet) {
        const Outlet* o = FindOutlet(w);
        if (o != nullptr && o->name == value) return true;
      }
    }
    return false;
  }

  bool Matches(const QueryNode& q, const Entry& e) {
    const Briefing& b = *e.briefing;
    const Turn& turn = b.turns[e.turn];
    switch (q.kind) {
      case QueryKind::kTerm:
      case QueryKind::kPhrase:
      case QueryKind::kPrefix:
        return !Spans(q, e).empty();
      case QueryKind::kAnd:
        return std::all_of(q.children.begin(), q.children.end(),
                           [&](const auto& c) { return Matches(*c, e); });
      case QueryKind::kOr:
        return std::any_of(q.children.begin(), q.children.end(),
                           [&](const auto& c) { return Matches(*c, e); });
      case QueryKind::kNot:
        return !Matches(*q.children[0], e);
      case QueryKind::kNear: {
        for (const Span& x : Spans(*q.children[0], e)) {
          for (const Span& y : Spans(*q.children[1], e)) {
            const size_t k = static_cast<size_t>(q.distance);
            if (x.end < y.start && y.start - x.end - 1 <= k) return true;
            if (y.end < x.start && x.start - y.end - 1 <= k) return true;
          }
        }
        return false;
      }
      case QueryKind::kField:
        if (q.field == "outlet") return turn.outlet && OneOf(*turn.outlet, q.values, true);
        if (q.field == "speaker") return turn.speaker && OneOf(*turn.speaker, q.values, false);
        if (q.field == "role") return OneOf(RoleName(turn.role), q.values, false);
        if (q.field == "lang") return OneOf(b.language, q.values, false);
        if (q.field == "kind") return OneOf(b.kind, q.values, false);
        if (q.field == "institution") return OneOf(b.institution, q.values, false);
        if (q.field == "date") {
          return b.date && (!q.date_from || *b.date >= *q.date_from) &&
                 (!q.date_to || *b.date <= *q.date_to);
        }
        return false;
    }
    return false;
  }

  Analyzer analyzer_;
  std::vector<Entry> entries_;
};

std::shared_ptr<const Index> Build(const std::string& dir, const std::vector<Briefing>& briefings,
                                   size_t commits = 1) {
  WriterOptions options;
  options.max_segments = 100;  // keep several segments, to search across them
  for (size_t c = 0; c < commits; ++c) {
    auto writer = IndexWriter::Open(dir, options);
    EXPECT_TRUE(writer.ok()) << writer.status().message();
    for (size_t i = c; i < briefings.size(); i += commits)
      EXPECT_TRUE((*writer)->Add(briefings[i]).ok());
    EXPECT_TRUE((*writer)->Commit().ok());
  }
  auto index = Index::Open(dir);
  EXPECT_TRUE(index.ok()) << index.status().message();
  return index.ok() ? *index : nullptr;
}

TEST(Searcher, AgreesWithABruteForceOracleOnEveryQueryForm) {
  TempDir dir;
  std::vector<Briefing> briefings = RandomBriefings(120, 7);
  // Phrases random text seldom forms.
  briefings.push_back(
      MakeBriefing("planted", "2019-05-05",
                   {Question("Is the Cold War mentality back in US-China relations?", "Reuters"),
                    Answer("We urge the US to discard its Cold-War mentality. Hong "
                           "Kong affairs concern China's sovereignty.")}));
  auto index = Build(dir.path(), briefings, 3);
  ASSERT_TRUE(index);
  EXPECT_EQ(index->segments().size(), 3u);
  Searcher searcher(index);
  Oracle oracle(briefings);
  const std::vector<std::string> queries = {
      "china",
      "China's",
      "CHINA",
      "us",
      "US-China",
      "\"cold war mentality\"",
      "\"us china\"",
      "trade talks",
      "trade AND talks",
      "trade OR peace",
      "trade -talks",
      "trade NOT talks",
      "NOT trade",
      "(trade OR peace) AND (talks OR war)",
      "cold NEAR/0 war",
      "cold NEAR/2 mentality",
      "\"hong kong\" NEAR/3 sovereignty",
      "sov*",
      "c*",
      "co* -cold",
      "outlet:Reuters",
      "outlet:reuters|AFP",
      "outlet:\"Bloomberg News\"",
      "speaker:\"Hua Chunying\" peace",
      "role:question trade",
      "role:answer|statement",
      "date:2019",
      "date:2019-03..2019-06 china",
      "date:..2018-12-31",
      "date:2020-02..",
      "lang:en kind:regular-press-conference",
      "institution:mfa-china -china",
      "consulate chengdu role:question outlet:CCTV",
      "\"the side\" OR (firmly NEAR/1 oppose)",
      "urge the",
  };
  for (const std::string& text : queries) {
    Result<std::unique_ptr<QueryNode>> parsed = ParseQuery(text);
    ASSERT_TRUE(parsed.ok()) << text << ": " << parsed.status().message();
    Result<std::vector<TurnRef>> got = searcher.MatchAll(text);
    ASSERT_TRUE(got.ok()) << text << ": " << got.status().message();
    std::vector<TurnRef> want = oracle.MatchAll(**parsed);
    EXPECT_EQ(*got, want) << text << ": index " << got->size() << " turns, oracle " << want.size();
    EXPECT_FALSE(want.empty() && text != "NOT trade")
        << "a query that matches nothing tests little: " << text;
  }
}

TEST(Searcher, RanksByBm25AndCountsTurnsAndBriefings) {
  TempDir dir;
  std::vector<Briefing> briefings = {
      MakeBriefing("a", "2020-07-24",
                   {Question("What about the consulate in Chengdu?", "Reuters"),
                    Answer("The consulate in Chengdu. Consulate consulate.")}),
      MakeBriefing("b", "2020-07-25",
                   {Question("Trade talks?"), Answer("We talk about trade and a consulate too, "
                                                     "among many many other long words here.")}),
  };
  auto index = Build(dir.path(), briefings);
  Searcher searcher(index);
  Result<SearchResults> r = searcher.Search("consulate", SearchOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total_turns, 3u);
  EXPECT_EQ(r->total_briefings, 2u);
  ASSERT_EQ(r->hits.size(), 3u);
  EXPECT_EQ(r->hits[0].briefing_id, "a");  // most occurrences in a short turn
  EXPECT_EQ(r->hits[0].turn, 1u);
  EXPECT_GT(r->hits[0].score, r->hits[1].score);
  EXPECT_GT(r->hits[1].score, r->hits[2].score);
  // The hit carries its exchange: the question, then the answer.
  ASSERT_EQ(r->hits[0].exchange.size(), 2u);
  EXPECT_EQ(r->hits[0].exchange[0].outlet, "Reuters");
  EXPECT_EQ(r->hits[0].exchange_turns, (std::vector<uint32_t>{0, 1}));

  SearchOptions by_date;
  by_date.sort = SearchOptions::Sort::kDate;
  r = searcher.Search("consulate", by_date);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->hits[0].briefing_id, "b");

  SearchOptions page;
  page.offset = 1;
  page.limit = 1;
  r = searcher.Search("consulate", page);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->total_turns, 3u);
}

TEST(Searcher, SnippetsHighlightTheMatchedWords) {
  TempDir dir;
  auto index =
      Build(dir.path(), {MakeBriefing("a", "2020-07-24",
                                      {Question("Q?"), Answer("We urge the US to discard "
                                                              "its Cold-War mentality now.")})});
  Searcher searcher(index);
  Result<SearchResults> r = searcher.Search("\"cold war mentality\"", SearchOptions{});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 1u);
  const Snippet& s = r->hits[0].snippet;
  std::vector<std::string> marked;
  for (const Highlight& h : s.highlights) marked.push_back(s.text.substr(h.begin, h.end - h.begin));
  EXPECT_EQ(marked, (std::vector<std::string>{"Cold", "War", "mentality"}));
}

TEST(Searcher, MalformedQueriesAndLimitsAreErrorsNotCrashes) {
  TempDir dir;
  auto index = Build(dir.path(), RandomBriefings(5, 1));
  Searcher searcher(index);
  for (const char* bad :
       {"\"unclosed", "(a OR b", "AND", "colour:red", "date:2020-13", "—", "(a OR b) NEAR c"}) {
    Result<SearchResults> r = searcher.Search(bad, SearchOptions{});
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << bad;
    EXPECT_EQ(r.status().message().rfind("col ", 0), 0u) << r.status().message();
  }
  SearchOptions wide;
  wide.offset = kMaxResultWindow;
  EXPECT_FALSE(searcher.Search("china", wide).ok());
}

TEST(Searcher, ASearchPastItsDeadlineStopsWithAClearError) {
  TempDir dir;
  auto index = Build(dir.path(), RandomBriefings(20, 3));
  Searcher searcher(index);
  SearchOptions late;
  late.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  Result<SearchResults> r = searcher.Search("trade OR talks", late);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kDeadlineExceeded);
  EXPECT_NE(r.status().message().find("too long"), std::string::npos);
  EXPECT_TRUE(searcher.Search("trade OR talks", SearchOptions{}).ok());  // no deadline: fine
}

TEST(Searcher, AnEmptyIndexMatchesNothing) {
  TempDir dir;
  auto index = Build(dir.path(), {});
  Searcher searcher(index);
  Result<SearchResults> r = searcher.Search("china", SearchOptions{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total_turns, 0u);
}

}  // namespace
}  // namespace lectern

namespace lectern {
namespace {

// Chinese queries match wherever their characters occur in a row, however
// ICU segmented the text, with highlights on exactly those characters.
TEST(SearcherChinese, NeverMissesAStringThatOccurs) {
  TempDir dir;
  std::vector<Briefing> briefings = {
      MakeBriefing("zh1", "2020-07-23",
                   {Question("“天问一号”探测器什么时候发射？", "Reuters"),
                    Answer("天问一号探测器发射成功。汪文斌表示祝贺。", "Wang Wenbin")},
                   "zh"),
      MakeBriefing("zh2", "2020-07-24",
                   {Question("美方窜台有何评论？"), Answer("中方坚决反对美方窜台，摒弃冷战思维。")},
                   "zh"),
  };
  auto index = Build(dir.path(), briefings);
  Searcher searcher(index);
  struct Case {
    const char* query;
    size_t turns;
  };
  // Each of these is split differently by ICU in the text and in the query.
  for (const Case& c :
       {Case{"天问一号", 2}, Case{"\"天问一号探测器\"", 2}, Case{"问一", 2}, Case{"汪文斌", 1},
        Case{"文斌", 1}, Case{"窜台", 2}, Case{"美方窜台", 2}, Case{"冷战思维", 1}, Case{"战思", 1},
        Case{"天问 -汪文斌", 1}, Case{"天问二号", 0}, Case{"lang:zh 中方", 1},
        Case{"speaker:汪文斌 天问", 1}, Case{"outlet:路透社", 1}}) {
    Result<std::vector<TurnRef>> r = searcher.MatchAll(c.query);
    ASSERT_TRUE(r.ok()) << c.query << ": " << r.status().message();
    EXPECT_EQ(r->size(), c.turns) << c.query;
  }
  Result<SearchResults> r = searcher.Search("天问一号", SearchOptions{});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->hits.empty());
  for (const Hit& hit : r->hits) {
    std::string marked;
    for (const Highlight& h : hit.snippet.highlights) {
      marked += hit.snippet.text.substr(h.begin, h.end - h.begin);
    }
    EXPECT_EQ(marked, "天问一号") << hit.snippet.text;
  }
}

}  // namespace
}  // namespace lectern
