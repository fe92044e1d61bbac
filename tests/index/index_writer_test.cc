#include "index/index_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "index/index.h"
#include "index/index_test_support.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::MakeBriefing;
using testing::Question;
using testing::RandomBriefings;
using testing::TempDir;

std::set<std::string> LiveIds(const std::string& dir) {
  auto index = Index::Open(dir);
  EXPECT_TRUE(index.ok()) << index.status().message();
  std::set<std::string> ids;
  if (!index.ok()) return ids;
  for (const SegmentView& v : (*index)->segments()) {
    for (uint32_t b = 0; b < v.segment->briefing_count(); ++b) {
      if (!v.deleted_briefings[b]) ids.insert(std::string(v.segment->briefing(b).id));
    }
  }
  return ids;
}

TEST(IndexWriter, AddsReAddsAndReplaces) {
  TempDir dir;
  Briefing a = MakeBriefing("a", "2020-01-01", {Question("Old question?"), Answer("Old answer.")});
  Briefing b = MakeBriefing("b", "2020-01-02", {Question("Other?"), Answer("Other.")});
  {
    auto writer = IndexWriter::Open(dir.path());
    ASSERT_TRUE(writer.ok());
    EXPECT_EQ(*(*writer)->Add(a), AddOutcome::kAdded);
    EXPECT_EQ(*(*writer)->Add(b), AddOutcome::kAdded);
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  EXPECT_EQ(LiveIds(dir.path()), (std::set<std::string>{"a", "b"}));
  {
    auto writer = IndexWriter::Open(dir.path());
    ASSERT_TRUE(writer.ok());
    Briefing same_elsewhere = a;
    same_elsewhere.source = "/another/path.html";  // the same page from another path
    EXPECT_EQ(*(*writer)->Add(same_elsewhere), AddOutcome::kUnchanged);
    Briefing edited = a;
    edited.turns[1].text = "A corrected answer.";
    EXPECT_EQ(*(*writer)->Add(edited), AddOutcome::kReplaced);
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  auto index = Index::Open(dir.path());
  ASSERT_TRUE(index.ok());
  EXPECT_EQ((*index)->live_briefings(), 2u);
  EXPECT_EQ((*index)->live_turns(), 4u);
  Result<Briefing> loaded = (*index)->LoadBriefing("a");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->turns[1].text, "A corrected answer.");
  EXPECT_EQ((*index)->segments().size(), 2u);
}

TEST(IndexWriter, ASecondVersionWithinOneBatchWins) {
  TempDir dir;
  auto writer = IndexWriter::Open(dir.path());
  ASSERT_TRUE(writer.ok());
  Briefing a = MakeBriefing("a", "2020-01-01", {Question("First?")});
  Briefing a2 = MakeBriefing("a", "2020-01-01", {Question("Second?")});
  EXPECT_EQ(*(*writer)->Add(a), AddOutcome::kAdded);
  EXPECT_EQ(*(*writer)->Add(a2), AddOutcome::kReplaced);
  ASSERT_TRUE((*writer)->Commit().ok());
  auto index = Index::Open(dir.path());
  ASSERT_TRUE(index.ok());
  EXPECT_EQ((*index)->live_briefings(), 1u);
  EXPECT_EQ((*index)->LoadBriefing("a")->turns[0].text, "Second?");
}

TEST(IndexWriter, NothingIsVisibleBeforeCommit) {
  TempDir dir;
  {
    auto writer = IndexWriter::Open(dir.path());
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Add(MakeBriefing("a", "2020-01-01", {Question("Q?")})).ok());
    EXPECT_EQ(Index::Open(dir.path()).status().code(), Status::Code::kNotFound);
  }  // dropped without Commit
  EXPECT_EQ(Index::Open(dir.path()).status().code(), Status::Code::kNotFound);
}

TEST(IndexWriter, OneWriterAtATime) {
  TempDir dir;
  auto first = IndexWriter::Open(dir.path());
  ASSERT_TRUE(first.ok());
  auto second = IndexWriter::Open(dir.path());
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("locked"), std::string::npos);
}

TEST(IndexWriter, MergesWhenSegmentsPileUpAndOptimizeDropsDeletions) {
  TempDir dir;
  WriterOptions options;
  options.max_segments = 3;
  const std::vector<Briefing> briefings = RandomBriefings(10, 3);
  for (const Briefing& b : briefings) {
    auto writer = IndexWriter::Open(dir.path(), options);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->Add(b).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
    auto index = Index::Open(dir.path());
    ASSERT_TRUE(index.ok());
    EXPECT_LE((*index)->segments().size(), 3u);
  }
  std::set<std::string> all;
  for (const Briefing& b : briefings) all.insert(b.id);
  EXPECT_EQ(LiveIds(dir.path()), all);
  {
    auto writer = IndexWriter::Open(dir.path(), options);
    Briefing changed = briefings[0];
    changed.turns[0].text = "changed";
    ASSERT_EQ(*(*writer)->Add(changed), AddOutcome::kReplaced);
    ASSERT_TRUE((*writer)->Optimize().ok());
  }
  auto index = Index::Open(dir.path());
  ASSERT_TRUE(index.ok());
  ASSERT_EQ((*index)->segments().size(), 1u);
  EXPECT_EQ((*index)->segments()[0].segment->briefing_count(), 10u);  // the old version is gone
  EXPECT_EQ(LiveIds(dir.path()), all);
  // Only the live files remain.
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 4u);  // CURRENT, LOCK, one manifest, one segment
}

TEST(IndexWriter, AnEmptyCommitCreatesAnEmptyIndex) {
  TempDir dir;
  auto writer = IndexWriter::Open(dir.path());
  ASSERT_TRUE((*writer)->Commit().ok());
  auto index = Index::Open(dir.path());
  ASSERT_TRUE(index.ok());
  EXPECT_EQ((*index)->live_turns(), 0u);
}

TEST(Index, DamagedManifestOrCurrentIsAnErrorNamingTheFile) {
  TempDir dir;
  {
    auto writer = IndexWriter::Open(dir.path());
    ASSERT_TRUE((*writer)->Add(MakeBriefing("a", "2020-01-01", {Question("Q?")})).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  const std::string manifest = dir.path() + "/MANIFEST-000001.json";
  std::filesystem::resize_file(manifest, 10);
  auto index = Index::Open(dir.path());
  ASSERT_FALSE(index.ok());
  EXPECT_NE(index.status().message().find("MANIFEST-000001.json"), std::string::npos);
}

}  // namespace
}  // namespace lectern

namespace lectern {
namespace {

// A reader opened before a commit keeps answering from its own commit, even
// after the writer merged and deleted the files it reads.
TEST(Index, AReaderKeepsItsCommitWhileAWriterReplacesIt) {
  TempDir dir;
  const std::vector<Briefing> first = RandomBriefings(20, 11);
  {
    auto writer = IndexWriter::Open(dir.path());
    for (const Briefing& b : first) ASSERT_TRUE((*writer)->Add(b).ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  auto before = Index::Open(dir.path());
  ASSERT_TRUE(before.ok());
  const uint64_t turns = (*before)->live_turns();
  {
    auto writer = IndexWriter::Open(dir.path());
    for (const Briefing& b : RandomBriefings(30, 12)) {
      Briefing renamed = b;
      renamed.id = "new-" + b.id;
      ASSERT_TRUE((*writer)->Add(renamed).ok());
    }
    ASSERT_TRUE((*writer)->Optimize().ok());  // merges and deletes the old segment file
  }
  EXPECT_FALSE(std::filesystem::exists((*before)->segments()[0].segment->path()));
  EXPECT_EQ((*before)->live_turns(), turns);
  Result<Briefing> still = (*before)->LoadBriefing(first[3].id);
  ASSERT_TRUE(still.ok()) << still.status().message();
  EXPECT_EQ(still->turns, first[3].turns);
  auto after = Index::Open(dir.path());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)->live_briefings(), 50u);
}

}  // namespace
}  // namespace lectern
