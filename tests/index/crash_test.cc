// Crash safety: `lectern ingest` killed with SIGKILL at random moments
// leaves an index that opens and holds exactly the briefings of the last
// commit: the old set, or the old set plus the whole new batch.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "base/dates.h"
#include "index/index.h"
#include "index/index_test_support.h"
#include "index/index_writer.h"

extern char** environ;

namespace lectern {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;

// Writes briefings [first, last) as plain-text transcripts; `edition`
// changes their text (so that re-ingesting them replaces the old version).
void WriteTranscripts(const std::string& dir, int first, int last, int edition) {
  fs::create_directories(dir);
  for (int i = first; i < last; ++i) {
    const std::string date = IsoDateFromDays(10957 + i);  // from 2000-01-01
    std::ofstream out(dir + "/" + std::to_string(i) + ".txt");
    out << "Home Page > Spokesperson's Remarks\n"
        << "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on " << date
        << "\n\n";
    for (int q = 0; q < 12; ++q) {
      out << "Reuters: Question " << q << " of edition " << edition << " about the consulate, "
          << "trade talks and the situation in the region on " << date << "?\n\n"
          << "Wang Wenbin: China's position on this is consistent and clear. We urge the "
          << "relevant side to stop interfering and to work for peace and cooperation, " << i
          << ".\n\n";
    }
  }
}

std::set<std::string> LiveIds(const std::string& dir) {
  std::set<std::string> ids;
  auto index = Index::Open(dir);
  EXPECT_TRUE(index.ok()) << index.status().message();
  if (!index.ok()) return ids;
  for (const SegmentView& v : (*index)->segments()) {
    for (uint32_t b = 0; b < v.segment->briefing_count(); ++b) {
      if (!v.deleted_briefings[b]) {
        ids.insert(std::string(v.segment->briefing(b).id) + "@" +
                   std::to_string(v.segment->briefing(b).hash));
      }
    }
  }
  return ids;
}

pid_t StartIngest(const std::string& input, const std::string& index) {
  std::vector<std::string> args = {LECTERN_BINARY, "ingest", input, "--index", index, "--quiet"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

void CopyIndex(const std::string& from, const std::string& to) {
  fs::remove_all(to);
  fs::copy(from, to, fs::copy_options::recursive);
}

TEST(CrashSafety, KillNineDuringIngestLeavesTheLastCommit) {
  TempDir tmp;
  const std::string batch_a = tmp.path() + "/a", batch_b = tmp.path() + "/b";
  WriteTranscripts(batch_a, 0, 150, 1);
  WriteTranscripts(batch_b, 150, 600, 1);
  WriteTranscripts(batch_b, 0, 40, 2);  // new editions of some of batch A
  const std::string baseline = tmp.path() + "/baseline", index = tmp.path() + "/index";

  int status = 0;
  pid_t pid = StartIngest(batch_a, baseline);
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const std::set<std::string> before = LiveIds(baseline);
  ASSERT_EQ(before.size(), 150u);

  // The state after an uninterrupted ingest of batch B, and how long it takes.
  CopyIndex(baseline, index);
  auto start = std::chrono::steady_clock::now();
  pid = StartIngest(batch_b, index);
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  const auto full = std::chrono::steady_clock::now() - start;
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  const std::set<std::string> after = LiveIds(index);
  ASSERT_EQ(after.size(), 600u);
  const long full_us = std::chrono::duration_cast<std::chrono::microseconds>(full).count();

  std::mt19937 rng(2024);
  int saw_before = 0, saw_after = 0;
  const int kTrials = 24;
  for (int trial = 0; trial < kTrials; ++trial) {
    CopyIndex(baseline, index);
    // Half the kills anywhere, half near the end, where segments and the manifest are written.
    const double fraction = trial % 2 == 0 ? std::uniform_real_distribution<>(0.0, 1.0)(rng)
                                           : std::uniform_real_distribution<>(0.7, 1.05)(rng);
    pid = StartIngest(batch_b, index);
    std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(fraction * full_us)));
    kill(pid, SIGKILL);
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    const std::set<std::string> seen = LiveIds(index);
    ASSERT_TRUE(seen == before || seen == after)
        << "trial " << trial << ": " << seen.size() << " briefings, neither commit";
    (seen == before ? saw_before : saw_after)++;
    // The next writer clears what the killed one left behind, and changes nothing else.
    ASSERT_TRUE(IndexWriter::Open(index).ok());
    EXPECT_EQ(LiveIds(index), seen);
    for (const auto& entry : fs::directory_iterator(index)) {
      EXPECT_EQ(entry.path().extension(),
                entry.path().extension() == ".tmp" ? ".never" : entry.path().extension())
          << "temp file left behind: " << entry.path();
    }
  }
  std::printf("kill -9 trials: %d saw the old commit, %d the new one\n", saw_before, saw_after);
  EXPECT_GT(saw_before, 0);
}

}  // namespace
}  // namespace lectern
