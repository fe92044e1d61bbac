#include "index/segment.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <string>

#include "base/files.h"
#include "index/format.h"
#include "index/fs.h"
#include "index/index_test_support.h"
#include "index/segment_builder.h"
#include "index/store_reader.h"

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

// Resident pages of this process (the second field of /proc/self/statm).
long ResidentPages() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident;
}

TEST(MappedFile, ReleaseDropsResidentPagesAndKeepsTheBytes) {
  TempDir dir;
  const std::string path = dir.path() + "/bytes";
  std::string bytes(8 << 20, '\0');
  std::mt19937 random(7);
  for (char& c : bytes) c = static_cast<char>(random());
  ASSERT_TRUE(WriteFileAtomically(path, bytes).ok());
  auto file = MappedFile::Open(path);
  ASSERT_TRUE(file.ok());
  ASSERT_EQ(file->data(), bytes);  // touches every page
  const long before = ResidentPages();
  file->Release(file->data().substr(1, bytes.size() - 2));  // unaligned ends
  EXPECT_LT(ResidentPages(), before - 1000);                // 8 MB is 2048 pages
  EXPECT_EQ(file->data(), bytes);
}

TEST(Segment, ReadsTheSameAfterReleasingItsPages) {
  TempDir dir;
  auto opened = Segment::Open(WriteSegment(dir.path()));
  ASSERT_TRUE(opened.ok());
  const Segment& s = **opened;
  auto read_all = [&] {
    std::string out;
    for (uint32_t t = 0; t < s.term_count(); ++t) out += std::string(s.term(t)) + ";";
    for (uint32_t d = 0; d < s.turn_count(); ++d) out += std::to_string(s.turn_length(d)) + ";";
    return out;
  };
  const std::string before = read_all();
  s.ReleaseResidentPages();
  EXPECT_EQ(read_all(), before);
  EXPECT_FALSE(before.empty());
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

namespace lectern {
namespace {

// Many documents per term, so that postings have skip entries: SkipTo and
// Positions after a skip must agree with a plain walk.
TEST(Segment, SkippingAgreesWithWalkingEveryPosting) {
  testing::TempDir dir;
  SegmentBuilder builder;
  std::mt19937 rng(7);
  std::vector<Turn> turns;
  for (int t = 0; t < 3000; ++t) {
    std::string text;
    for (int w = 0; w < 12; ++w) text += std::string(1, static_cast<char>('a' + rng() % 4)) + " ";
    if (t % 3 == 0) text += "common common ";
    turns.push_back(testing::Answer(text));
  }
  builder.Add(testing::MakeBriefing("b", "2020-01-01", turns), 1);
  const std::string path = dir.path() + "/skips.lseg";
  ASSERT_TRUE(builder.Write(path).ok());
  auto segment = Segment::Open(path);
  ASSERT_TRUE(segment.ok()) << segment.status().message();
  for (const char* term : {"a", "common"}) {
    auto info = (*segment)->Find(term);
    ASSERT_TRUE(info.has_value());
    ASSERT_GT(info->df, 7 * kSkipInterval);
    std::vector<std::pair<uint32_t, std::vector<uint32_t>>> all;
    PostingIterator walk = (*segment)->Postings(*info);
    while (walk.Next()) all.emplace_back(walk.doc(), walk.Positions());
    ASSERT_EQ(all.size(), info->df);
    for (int round = 0; round < 50; ++round) {
      PostingIterator it = (*segment)->Postings(*info);
      uint32_t target = 0;
      while (true) {
        target += 1 + rng() % 400;
        auto expected = std::lower_bound(all.begin(), all.end(), target,
                                         [](const auto& e, uint32_t t) { return e.first < t; });
        const bool found = it.SkipTo(target);
        ASSERT_EQ(found, expected != all.end());
        if (!found) break;
        ASSERT_EQ(it.doc(), expected->first);
        if (rng() % 2) {
          ASSERT_EQ(it.Positions(), expected->second);
        }
      }
    }
  }
}

// ForEachPosition (the token streams' pass) gives what Positions() gives,
// in any mix with it and with documents whose positions are never read,
// gaps of one byte and of several.
TEST(Segment, ForEachPositionAgreesWithPositions) {
  testing::TempDir dir;
  SegmentBuilder builder;
  std::mt19937 rng(11);
  std::vector<Turn> turns;
  for (int t = 0; t < 400; ++t) {
    std::string text;
    const int words = t % 5 == 0 ? 600 : 10;
    for (int w = 0; w < words; ++w) {
      text += rng() % 50 == 0 ? "rare " : std::string(1, static_cast<char>('a' + rng() % 4)) + " ";
    }
    turns.push_back(testing::Answer(text));
  }
  builder.Add(testing::MakeBriefing("b", "2020-01-01", turns), 1);
  const std::string path = dir.path() + "/streams.lseg";
  ASSERT_TRUE(builder.Write(path).ok());
  auto segment = Segment::Open(path);
  ASSERT_TRUE(segment.ok()) << segment.status().message();
  for (const char* term : {"a", "rare"}) {
    auto info = (*segment)->Find(term);
    ASSERT_TRUE(info.has_value());
    std::vector<std::vector<uint32_t>> all;
    PostingIterator walk = (*segment)->Postings(*info);
    while (walk.Next()) all.push_back(walk.Positions());
    ASSERT_EQ(all.size(), info->df);
    for (int round = 0; round < 20; ++round) {
      PostingIterator it = (*segment)->Postings(*info);
      for (size_t d = 0; it.Next(); ++d) {
        ASSERT_LT(d, all.size());
        const unsigned how = rng() % 4;  // unread, streamed, both orders
        if (how == 0) continue;
        std::vector<uint32_t> streamed;
        if (how == 3) {
          ASSERT_EQ(it.Positions(), all[d]);
        }
        it.ForEachPosition([&](uint32_t p) { streamed.push_back(p); });
        ASSERT_EQ(streamed, all[d]);
        if (how == 2) {
          ASSERT_EQ(it.Positions(), all[d]);
        }
      }
    }
  }
}

}  // namespace
}  // namespace lectern

namespace lectern {
namespace {

// Many blocks of varied text: turns are read back exactly, in any order,
// and the same turns give the same file.
TEST(Segment, StoreRoundTripsEveryTurnInAnyOrder) {
  const char* words[] = {
      "consulate", "Chengdu",       "sovereignty", "cooperation",  "the",      "of",
      "China",     "United States", "relations",   "中国",         "外交部",   "发言人",
      "we",        "firmly",        "oppose",      "interference", "internal", "affairs"};
  std::mt19937 rng(7);
  std::vector<Briefing> briefings;
  size_t bytes = 0;
  for (int b = 0; bytes < 200 * kStoreBlockBytes; ++b) {
    std::vector<Turn> turns;
    for (int t = 0; t < 12; ++t) {
      std::string text;
      const size_t n = 5 + rng() % 120;
      for (size_t w = 0; w < n; ++w) {
        text += words[rng() % std::size(words)];
        text += (rng() % 9 == 0) ? ". " : " ";
      }
      bytes += text.size();
      turns.push_back(t % 2 ? Answer(text, "Zhao Lijian") : Question(text, "AFP"));
    }
    briefings.push_back(MakeBriefing("b" + std::to_string(b), "2020-01-01", std::move(turns)));
  }
  TempDir dir;
  auto write = [&](const std::string& name) {
    SegmentBuilder builder;
    for (const Briefing& b : briefings) builder.Add(b, BriefingContentHash(b));
    EXPECT_TRUE(builder.Write(dir.path() + "/" + name).ok());
    return *ReadFileToString(dir.path() + "/" + name);
  };
  EXPECT_EQ(write("a.lseg"), write("b.lseg"));
  auto opened = Segment::Open(dir.path() + "/a.lseg");
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  const Segment& s = **opened;
  EXPECT_TRUE(s.store_vocabulary().ok());
  EXPECT_GT(s.block_count(), 100u);

  std::vector<std::string> expected;
  for (const Briefing& b : briefings) {
    for (const Turn& t : b.turns) expected.push_back(t.text);
  }
  ASSERT_EQ(s.turn_count(), expected.size());
  std::vector<uint32_t> order(expected.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  for (bool release_pages : {false, true}) {  // giving pages back loses nothing
    StoreReader reader(s, release_pages);
    for (uint32_t doc : order) {
      std::string_view text;
      ASSERT_TRUE(reader.Read(doc, &text).ok());
      ASSERT_EQ(text, expected[doc]) << "turn " << doc;
    }
  }
}

TEST(Segment, UnknownFormatVersionSaysToIngestAgain) {
  TempDir dir;
  const std::string path = WriteSegment(dir.path());
  std::string bytes = *ReadFileToString(path);
  bytes[8] = static_cast<char>(kIndexFormatVersion + 1);  // u32 version after the magic
  std::ofstream(path, std::ios::binary) << bytes;
  auto s = Segment::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("ingest again"), std::string::npos) << s.status().message();
}

}  // namespace
}  // namespace lectern
