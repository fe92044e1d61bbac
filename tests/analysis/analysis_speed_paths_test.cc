// The fast paths of trend and KWIC must not change results: cached token
// totals and store blocks follow new commits and deletions, and KWIC on
// several threads gives what it gives on one.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <tuple>

#include "analysis/analysis_json.h"
#include "analysis/analysis_test_support.h"
#include "analysis/kwic.h"
#include "analysis/trend.h"
#include "analysis/trend_cells.h"
#include "index/index_test_support.h"
#include "index/index_writer.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::BruteForcePhrase;
using testing::BuildIndex;
using testing::CountByMonth;
using testing::MakeBriefing;
using testing::Question;
using testing::RandomBriefings;
using testing::TempDir;

std::map<std::string, uint64_t> TrendByMonth(const TrendResult& r, size_t q) {
  std::map<std::string, uint64_t> out;
  for (const TrendCell& c : r.cells) {
    if (c.counts[q]) out[c.period] += c.counts[q];
  }
  return out;
}

std::string TrendJson(const Index& index, const TrendOptions& o) {
  auto r = Trend(index, o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? TrendToJson(*r) : "";
}

TEST(AnalysisSpeedPaths, TrendCacheFollowsNewCommits) {
  TempDir dir;
  const std::vector<Briefing> briefings = RandomBriefings(150, 7);
  auto first = BuildIndex(dir.path(), briefings, 2);
  ASSERT_NE(first, nullptr);
  TrendOptions options;
  options.queries = {"china", "\"cold war\""};
  std::vector<TrendOptions> variants;
  for (auto per : {TrendOptions::Per::kNone, TrendOptions::Per::kSpeaker}) {
    for (auto by : {TrendOptions::By::kMonth, TrendOptions::By::kYear}) {
      options.per = per;
      options.by = by;
      variants.push_back(options);
    }
  }
  std::vector<std::string> before;
  for (const TrendOptions& o : variants) before.push_back(TrendJson(*first, o));  // fills the cache

  // Replace every third briefing (same id, other turns and date) and add
  // some: the first commit's segments stay, with turns deleted.
  std::vector<Briefing> now = briefings;
  std::vector<Briefing> replacements = RandomBriefings(60, 99);
  {
    auto writer = IndexWriter::Open(dir.path());
    ASSERT_TRUE(writer.ok());
    for (size_t i = 0; i < replacements.size(); ++i) {
      Briefing& r = replacements[i];
      if (i < 50) {
        r.id = briefings[i * 3].id;
        now[i * 3] = r;
      } else {
        r.id += "-new";
        now.push_back(r);
      }
      ASSERT_TRUE((*writer)->Add(r).ok());
    }
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  auto opened = Index::Open(dir.path());
  ASSERT_TRUE(opened.ok());
  const Index& second = **opened;
  ASSERT_NE(second.generation(), first->generation());

  for (size_t v = 0; v < variants.size(); ++v) {
    const std::string warm = TrendJson(second, variants[v]);
    TrendCellCache::Shared().Clear();
    const std::string cold = TrendJson(second, variants[v]);
    EXPECT_EQ(warm, cold) << v;
    EXPECT_NE(warm, before[v]) << v;
    // The earlier commit still answers as it did (its view, its entries).
    EXPECT_EQ(TrendJson(*first, variants[v]), before[v]) << v;
  }
  // And the new commit's counts are the parsed text's.
  options.per = TrendOptions::Per::kNone;
  options.by = TrendOptions::By::kMonth;
  auto r = Trend(second, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(TrendByMonth(*r, 0), CountByMonth(now, "china"));
  EXPECT_EQ(TrendByMonth(*r, 1), CountByMonth(now, "cold war"));
  uint64_t tokens = 0;
  for (const TrendCell& c : r->cells) tokens += c.tokens;
  EXPECT_EQ(tokens + r->undated_tokens, second.live_tokens());
}

TEST(AnalysisSpeedPaths, TrendCacheTellsDeletionsApartAndReusesEntries) {
  TempDir dir;
  auto index = BuildIndex(dir.path(), RandomBriefings(40, 3));
  ASSERT_NE(index, nullptr);
  const SegmentView& view = index->segments()[0];
  const auto by = TrendOptions::By::kMonth;
  const auto per = TrendOptions::Per::kNone;
  TrendCellCache cache;
  auto a = cache.Get(view, by, per);
  EXPECT_EQ(cache.Get(view, by, per).get(), a.get());
  EXPECT_EQ(cache.builds(), 1u);
  auto total = [](const SegmentCells& c) {
    uint64_t n = c.undated_tokens;
    for (const auto& cell : c.cells) n += cell.tokens;
    return n;
  };
  EXPECT_EQ(total(*a), view.live_tokens);

  // Two views of the same segment with as many live turns, but not the
  // same ones: each gets its own totals.
  SegmentView one = view, other = view;
  uint32_t x = 0, y = 0;
  const Segment& s = *view.segment;
  while (x < s.turn_count() && s.turn_length(x) == 0) ++x;
  y = x + 1;
  while (y < s.turn_count() && s.turn_length(y) == s.turn_length(x)) ++y;
  ASSERT_LT(y, s.turn_count());
  one.deleted_turns[x] = true;
  other.deleted_turns[y] = true;
  --one.live_turns;
  --other.live_turns;
  auto b = cache.Get(one, by, per);
  auto c = cache.Get(other, by, per);
  EXPECT_EQ(cache.builds(), 3u);
  EXPECT_EQ(total(*b), view.live_tokens - s.turn_length(x));
  EXPECT_EQ(total(*c), view.live_tokens - s.turn_length(y));
  // Each is what building from scratch gives.
  const SegmentCells fresh = BuildSegmentCells(other, nullptr, by, per);
  ASSERT_EQ(fresh.cells.size(), c->cells.size());
  for (size_t i = 0; i < fresh.cells.size(); ++i) {
    EXPECT_EQ(fresh.cells[i].period, c->cells[i].period);
    EXPECT_EQ(fresh.cells[i].tokens, c->cells[i].tokens);
  }
  EXPECT_EQ(cache.Get(view, by, per).get(), a.get());
  EXPECT_EQ(cache.builds(), 3u);
}

// Long turns of words, ideographs,
// punctuation, sentence ends and odd white space, for KWIC's windows.
std::vector<Briefing> LongTurnBriefings(size_t count, uint32_t seed) {
  static const std::vector<std::string> kPieces = {"china",
                                                   "cold",
                                                   "war",
                                                   "the",
                                                   "of",
                                                   "a",
                                                   "I",
                                                   "x",
                                                   "y",
                                                   "z",
                                                   "b",
                                                   "c",
                                                   "sovereignty",
                                                   "US-China",
                                                   "China's",
                                                   ",",
                                                   ".",
                                                   "?",
                                                   "!",
                                                   " ",
                                                   "  ",
                                                   "\n",
                                                   "\t",
                                                   "\xE4\xB8\xAD\xE5\x9B\xBD",  // 中国
                                                   "\xE4\xB8\xAD",
                                                   "\xE3\x80\x82",
                                                   "\xEF\xBC\x8C",  // 中 。 ，
                                                   "\xE2\x80\x9C",
                                                   "\xE2\x80\x9D",
                                                   "\xF0\xA0\x80\x80",
                                                   "3.5%",
                                                   "U.S."};
  std::mt19937 rng(seed);
  std::vector<Briefing> out;
  for (size_t i = 0; i < count; ++i) {
    std::vector<Turn> turns;
    for (int t = 0; t < 3; ++t) {
      std::string text;
      const int pieces = 1 + static_cast<int>(rng() % (t == 1 ? 900 : 60));
      for (int k = 0; k < pieces; ++k) {
        const std::string& piece = kPieces[rng() % kPieces.size()];
        text += piece;
        if (rng() % 3 != 0) text += ' ';
      }
      turns.push_back(t == 0 ? Question(text, "AFP") : Answer(text, "Hua Chunying"));
    }
    // Words of one column with nothing between them ("a", half-width "ｱ"):
    // a window needs a word per column.
    std::string narrow;
    for (uint32_t k = rng() % 120; k > 0; --k) narrow += k % 2 ? "a" : "\xEF\xBD\xB1";
    turns.push_back(
        Answer(narrow + " china " + narrow + narrow + "china" + narrow, "Hua Chunying"));
    out.push_back(
        MakeBriefing("long" + std::to_string(i), "2021-05-0" + std::to_string(1 + i % 9), turns));
  }
  return out;
}

// KWIC cuts most lines from windows of words around the match (sorted by
// date) and, for the sorts by context, from the whole turn analysed: both
// must give the same lines, whatever the width.
TEST(AnalysisSpeedPaths, KwicFromWindowsEqualsKwicFromWholeTurns) {
  TempDir dir;
  auto index = BuildIndex(dir.path(), LongTurnBriefings(60, 5), 2);
  ASSERT_NE(index, nullptr);
  using Line =
      std::tuple<std::string, uint32_t, uint32_t, uint32_t, std::string, std::string, std::string>;
  auto lines_of = [](const KwicResult& r) {
    std::vector<Line> out;
    for (const KwicLine& l : r.lines) {
      out.emplace_back(l.briefing_id, l.turn, l.first, l.last, l.left, l.match, l.right);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  for (const char* query : {"china", "\"\xE4\xB8\xAD\xE5\x9B\xBD\"", "\"cold war\"",
                            "war NEAR/3 china", "sovereignty"}) {
    for (int width : {0, 1, 3, 12, 40, 90}) {
      for (bool sentence : {false, true}) {
        KwicOptions o;
        o.query = query;
        o.width = width;
        o.sentence = sentence;
        auto windows = Kwic(*index, o);
        o.sort = KwicOptions::Sort::kLeft;
        auto whole = Kwic(*index, o);
        ASSERT_TRUE(windows.ok() && whole.ok()) << query;
        EXPECT_GT(windows->lines.size(), 10u) << query;
        EXPECT_EQ(lines_of(*windows), lines_of(*whole))
            << query << " width " << width << " sentence " << sentence;
      }
    }
  }
}

TEST(AnalysisSpeedPaths, KwicOnThreadsEqualsKwicOnOne) {
  TempDir dir;
  auto index = BuildIndex(dir.path(), RandomBriefings(300, 21), 3);
  ASSERT_NE(index, nullptr);
  ASSERT_EQ(index->segments().size(), 3u);
  for (const char* query : {"china", "\"cold war\"", "us*", "china NEAR/3 war"}) {
    for (auto sort :
         {KwicOptions::Sort::kDate, KwicOptions::Sort::kLeft, KwicOptions::Sort::kRight}) {
      for (size_t limit : {size_t{0}, size_t{7}}) {
        for (bool sentence : {false, true}) {
          KwicOptions o;
          o.query = query;
          o.sort = sort;
          o.limit = limit;
          o.sentence = sentence;
          o.width = sentence ? 60 : 25;
          o.threads = 1;
          auto serial = Kwic(*index, o);
          o.threads = 4;
          auto parallel = Kwic(*index, o);
          ASSERT_TRUE(serial.ok() && parallel.ok());
          EXPECT_GT(serial->lines.size(), 0u) << query;
          EXPECT_EQ(KwicToJson(*serial), KwicToJson(*parallel))
              << query << " sort " << static_cast<int>(sort) << " limit " << limit;
        }
      }
    }
  }
}

}  // namespace
}  // namespace lectern
