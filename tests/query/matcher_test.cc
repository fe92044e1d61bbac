#include "query/matcher.h"

#include <gtest/gtest.h>

#include <map>

#include "analysis/analysis_test_support.h"
#include "index/index_test_support.h"
#include "query/searcher.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::BuildIndex;
using testing::MakeBriefing;
using testing::Question;
using testing::RandomBriefings;
using testing::TempDir;

struct Found {
  TurnRef ref;
  std::vector<MatchSpan> spans;
};

std::vector<Found> MatchSpans(const Index& index, const std::string& query) {
  auto matcher = Matcher::Create(query, /*allow_empty=*/true);
  EXPECT_TRUE(matcher.ok()) << matcher.status().message();
  std::vector<Found> out;
  if (!matcher.ok()) return out;
  Status st = matcher->Visit(index, true, [&](const TurnMatch& m) {
    const Segment& s = *index.segments()[m.segment].segment;
    out.push_back(
        Found{TurnRef{std::string(s.briefing(s.turn_briefing(m.doc)).id), s.turn_index(m.doc)},
              *m.spans});
  });
  EXPECT_TRUE(st.ok()) << st.message();
  return out;
}

TEST(Matcher, ReportsPhraseNearAndPrefixSpans) {
  TempDir dir;
  auto index = BuildIndex(
      dir.path(),
      {MakeBriefing("b1", "2020-01-02",
                    {Question("Is this a Cold War mentality?", "Reuters"),
                     Answer("The Cold War mentality is outdated. Huawei and Meng matter.")}),
       MakeBriefing("b2", "2021-03-04",
                    {Answer("Sovereignty and sovereign rights.", "Hua Chunying")})});
  ASSERT_NE(index, nullptr);

  auto phrase = MatchSpans(*index, "\"cold war mentality\"");
  ASSERT_EQ(phrase.size(), 2u);
  EXPECT_EQ(phrase[0].ref, (TurnRef{"b1", 0}));
  ASSERT_EQ(phrase[0].spans.size(), 1u);
  EXPECT_EQ(phrase[0].spans[0].first, 3u);  // is this a [cold war mentality]
  EXPECT_EQ(phrase[0].spans[0].last, 5u);
  EXPECT_EQ(phrase[1].spans[0].first, 1u);

  auto near = MatchSpans(*index, "Meng NEAR/2 Huawei");
  ASSERT_EQ(near.size(), 1u);
  ASSERT_EQ(near[0].spans.size(), 1u);
  EXPECT_EQ(near[0].spans[0].first, 6u);  // the cold war mentality is outdated [huawei and meng]
  EXPECT_EQ(near[0].spans[0].last, 8u);

  auto prefix = MatchSpans(*index, "sovereign*");
  ASSERT_EQ(prefix.size(), 1u);
  ASSERT_EQ(prefix[0].spans.size(), 2u);
  EXPECT_EQ(prefix[0].spans[0].first, 0u);
  EXPECT_EQ(prefix[0].spans[1].first, 2u);

  // Filters only: a subcorpus of turns, no spans.
  auto filtered = MatchSpans(*index, "speaker:\"Wang Wenbin\" date:2020");
  ASSERT_EQ(filtered.size(), 1u);
  EXPECT_EQ(filtered[0].ref, (TurnRef{"b1", 1}));
  EXPECT_TRUE(filtered[0].spans.empty());
  EXPECT_EQ(MatchSpans(*index, "").size(), 3u);  // the empty query: every turn

  // Negated parts report nothing.
  auto negated = MatchSpans(*index, "mentality -huawei");
  ASSERT_EQ(negated.size(), 1u);
  EXPECT_EQ(negated[0].ref, (TurnRef{"b1", 0}));
}

TEST(Matcher, AgreesWithSearcherAndWithABruteForceScan) {
  TempDir dir;
  auto briefings = RandomBriefings(300, 7);
  auto index = BuildIndex(dir.path(), briefings, 3);
  ASSERT_NE(index, nullptr);
  ASSERT_GT(index->segments().size(), 1u);
  Searcher searcher(index);
  std::map<TurnRef, const Turn*> turns;
  for (const Briefing& b : briefings) {
    for (uint32_t t = 0; t < b.turns.size(); ++t) turns[TurnRef{b.id, t}] = &b.turns[t];
  }
  for (const std::string q : {"\"cold war\"", "china", "\"us china\"", "trade role:answer",
                              "outlet:Reuters", "peace OR talks", "\"firmly oppose\" -taiwan"}) {
    auto found = MatchSpans(*index, q);
    auto all = searcher.MatchAll(q);
    ASSERT_TRUE(all.ok());
    std::vector<TurnRef> refs;
    for (const Found& f : found) refs.push_back(f.ref);
    std::sort(refs.begin(), refs.end());
    EXPECT_EQ(refs, *all) << q;
  }
  // Spans of a phrase are exactly where the phrase occurs in the text.
  for (const std::string phrase : {"cold war", "china", "us china", "firmly oppose"}) {
    size_t total = 0, expected = 0;
    for (const Found& f : MatchSpans(*index, "\"" + phrase + "\"")) {
      std::vector<uint32_t> starts;
      for (const MatchSpan& s : f.spans) starts.push_back(s.first);
      EXPECT_EQ(starts, testing::BruteForcePhrase(turns[f.ref]->text, phrase)) << phrase;
      total += f.spans.size();
    }
    for (const auto& [ref, turn] : turns) {
      expected += testing::BruteForcePhrase(turn->text, phrase).size();
    }
    EXPECT_EQ(total, expected) << phrase;
    EXPECT_GT(total, 0u);
  }
}

}  // namespace
}  // namespace lectern
