#include "index/segment.h"

#include <gtest/gtest.h>

#include <fstream>

#include "base/files.h"
#include "index/index_test_support.h"
#include "index/segment_builder.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::MakeBriefing;
using testing::Question;
using testing::TempDir;

std::vector<Briefing> TwoBriefings() {
  return {MakeBriefing("one", "2020-07-24",
                       {Question("Can you confirm the consulate in Chengdu?", "Reuters"),
                        Answer("Yes, the consulate in Chengdu closes. China's response.")}),
          MakeBriefing("two", "", {Answer("An announcement about China.", "Hua Chunying")}, "zh")};
}

std::string WriteSegment(const std::string& dir) {
  SegmentBuilder builder;
  for (const Briefing& b : TwoBriefings()) builder.Add(b, BriefingContentHash(b));
  const std::string path = dir + "/seg.lseg";
  EXPECT_TRUE(builder.Write(path).ok());
  return path;
}

TEST(Segment, RoundTripsColumnsTermsPostingsAndStore) {
  TempDir dir;
  auto opened = Segment::Open(WriteSegment(dir.path()));
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  const Segment& s = **opened;
  EXPECT_EQ(s.briefing_count(), 2u);
  EXPECT_EQ(s.turn_count(), 3u);
  EXPECT_EQ(s.briefing(0).id, "one");
  ASSERT_TRUE(s.briefing(0).date);
  EXPECT_EQ(*s.briefing(0).date, 18467);  // 2020-07-24
  EXPECT_FALSE(s.briefing(1).date);
  EXPECT_EQ(s.string(s.briefing(1).language), "zh");
  EXPECT_EQ(s.turn_role(0), Role::kQuestion);
  EXPECT_EQ(s.string(s.turn_outlet(0)), "Reuters");
  EXPECT_EQ(s.string(s.turn_speaker(2)), "Hua Chunying");
  EXPECT_EQ(s.turn_briefing(2), 1u);
  EXPECT_EQ(s.turn_index(2), 0u);
  EXPECT_EQ(s.turn_length(1), 8u);

  auto consulate = s.Find("consulate");
  ASSERT_TRUE(consulate);
  EXPECT_EQ(consulate->df, 2u);
  PostingIterator it = s.Postings(*consulate);
  ASSERT_TRUE(it.Next());
  EXPECT_EQ(it.doc(), 0u);
  ASSERT_TRUE(it.Next());
  EXPECT_EQ(it.doc(), 1u);
  EXPECT_EQ(it.Positions(), (std::vector<uint32_t>{2}));
  EXPECT_FALSE(it.Next());

  auto china = s.Find("china");  // "China's" is indexed as "china"
  ASSERT_TRUE(china);
  PostingIterator skip = s.Postings(*china);
  ASSERT_TRUE(skip.SkipTo(2));
  EXPECT_EQ(skip.doc(), 2u);
  EXPECT_EQ(skip.Positions(), (std::vector<uint32_t>{3}));
  EXPECT_FALSE(s.Find("chin"));
  auto prefixed = s.PrefixRange("c", 100);
  std::vector<std::string> words;
  for (const TermInfo& t : prefixed) words.emplace_back(s.term(t.ordinal));
  EXPECT_EQ(words, (std::vector<std::string>{"can", "chengdu", "china", "closes", "confirm",
                                             "consulate"}));

  Result<Briefing> back = s.LoadBriefing(0);
  ASSERT_TRUE(back.ok());
  Briefing expected = TwoBriefings()[0];
  for (Turn& t : expected.turns) t.label.clear();
  EXPECT_EQ(*back, expected);
}

TEST(Segment, DamagedOrTruncatedFilesAreErrorsNamingTheFile) {
  TempDir dir;
  const std::string path = WriteSegment(dir.path());
  const std::string good = *ReadFileToString(path);
  auto write = [&](const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; };
  // Every truncation and a flipped bit at every 7th byte: an error, never a crash.
  for (size_t cut = 0; cut < good.size(); cut += 13) {
    write(good.substr(0, cut));
    auto s = Segment::Open(path);
    ASSERT_FALSE(s.ok()) << "truncated at " << cut;
    EXPECT_EQ(s.status().message().rfind(path, 0), 0u) << s.status().message();
  }
  for (size_t at = 0; at < good.size(); at += 7) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x20);
    write(bad);
    auto s = Segment::Open(path);
    EXPECT_FALSE(s.ok()) << "flipped byte " << at;
  }
  write(good);
  EXPECT_TRUE(Segment::Open(path).ok());
  EXPECT_EQ(Segment::Open(dir.path() + "/missing.lseg").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace lectern
