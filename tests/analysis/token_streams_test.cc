// Token streams: read from the store or from the postings, a turn's stream
// is its analysed terms, position by position.
#include "analysis/token_streams.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/index.h"
#include "index/index_test_support.h"
#include "index/index_writer.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::MakeBriefing;
using testing::Question;
using testing::RandomBriefings;
using testing::TempDir;

std::vector<Briefing> MixedBriefings() {
  std::vector<Briefing> out = RandomBriefings(40, 5);
  out.push_back(MakeBriefing(
      "mixed", "2021-01-02",
      {Question(
           "Reuters: China's position on the US-China trade talks? \xE2\x80\x9CQuoted\xE2\x80\x9D"),
       Answer("\xE4\xB8\xAD\xE5\x9B\xBD\xE5\xA4\x96\xE4\xBA\xA4\xE9\x83\xA8\xEF\xBC\x9A"
              "\xE2\x80\x9C\xE4\xB8\x80\xE4\xB8\xAA\xE4\xB8\xAD\xE5\x9B\xBD\xE2\x80\x9D "
              "A\xE8\x82\xA1 and 5G\xE7\xBD\x91\xE7\xBB\x9C \xF0\xA0\x80\x80 \xEF\xAC\x81nance "
              "caf\xC3\xA9 CAF\xC3\x89 U.S. 3.5% don\xE2\x80\x99t O'Brien's e-mail"),
       Answer(""), Answer("  \n  ")},
      "zh"));
  return out;
}

TEST(TokenStreams, StoreAndPostingsGiveEachTurnsAnalysedTerms) {
  TempDir dir;
  {
    auto writer = IndexWriter::Open(dir.path());
    ASSERT_TRUE(writer.ok());
    for (const Briefing& b : MixedBriefings()) ASSERT_TRUE((*writer)->Add(b).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  auto index = Index::Open(dir.path());
  ASSERT_TRUE(index.ok());
  Analyzer analyzer;
  for (const SegmentView& view : (*index)->segments()) {
    const Segment& segment = *view.segment;
    std::vector<uint32_t> docs;
    for (uint32_t d = 0; d < segment.turn_count(); d += 1 + d % 3) docs.push_back(d);
    const SegmentStreams stored = ReadStreams(segment, docs, 2);
    const SegmentStreams inverted = ReadStreams(segment, docs, 2, StreamSource::kPostings);
    EXPECT_EQ(stored.tokens, inverted.tokens);
    ASSERT_EQ(stored.begin, inverted.begin);
    for (size_t i = 0; i < docs.size(); ++i) {
      EXPECT_TRUE(segment.turn_words_are_positions(docs[i]));
      const BriefingMeta& meta = segment.briefing(segment.turn_briefing(docs[i]));
      Result<Briefing> b = segment.LoadBriefing(segment.turn_briefing(docs[i]));
      ASSERT_TRUE(b.ok());
      const std::string& text = b->turns[docs[i] - meta.first_turn].text;
      std::vector<Token> tokens;
      analyzer.AnalyzeForIndex(text, &tokens);
      std::vector<uint32_t> expected(segment.turn_length(docs[i]), kNoTerm);
      for (const Token& t : tokens) {
        const std::optional<TermInfo> info = segment.Find(t.term);
        ASSERT_TRUE(info.has_value()) << t.term;
        expected[t.position] = info->ordinal;
      }
      const std::span<const uint32_t> got = stored.Tokens(i);
      EXPECT_EQ(std::vector<uint32_t>(got.begin(), got.end()), expected) << text;
    }
  }
}

}  // namespace
}  // namespace lectern
