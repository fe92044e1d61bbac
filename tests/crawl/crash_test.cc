// The real binary: killed with SIGKILL in the middle of a crawl and run
// again, it ends with the same pages as a run never interrupted; and a new
// user's path, crawl with --index then search, works.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "base/files.h"
#include "crawl/crawl_test_support.h"

extern char** environ;

namespace lectern {
namespace {

using testing::FixtureSite;
using testing::ScratchDir;

pid_t Spawn(std::vector<std::string> args, const std::string& stdout_path) {
  args.insert(args.begin(), LECTERN_BINARY);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = -1;
  EXPECT_EQ(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ), 0);
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

int Wait(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<std::string> CrawlArgs(const FixtureSite& site, const std::string& out) {
  return {"crawl",  "mfa-en", "--base-url", site.base_url(), "--out",  out,
          "--rate", "500",    "--backoff",  "0.05",          "--quiet"};
}

size_t LogLines(const std::string& out) {
  auto log = ReadFileToString(out + "/.crawl/log.jsonl");
  return log.ok() ? static_cast<size_t>(std::count(log->begin(), log->end(), '\n')) : 0;
}

// MANIFEST.tsv without the fetch-time column (it differs between runs).
std::string ManifestWithoutTimes(const std::string& out) {
  auto text = ReadFileToString(out + "/MANIFEST.tsv");
  EXPECT_TRUE(text.ok());
  std::string result, line;
  std::stringstream lines(text.ok() ? *text : "");
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::stringstream fs(line);
    std::string field;
    while (std::getline(fs, field, '\t')) f.push_back(field);
    if (f.size() > 5) f[5].clear();
    for (const std::string& x : f) result += x + "\t";
    result += "\n";
  }
  return result;
}

TEST(CrawlCrash, KillMidwayThenRerunEqualsAnUninterruptedRun) {
  FixtureSite site;
  site.AddTree(testing::CrawlFixtureSite());
  ScratchDir reference, scratch;
  const std::string null_out = scratch.path() + "/stdout";
  EXPECT_EQ(Wait(Spawn(CrawlArgs(site, reference.path()), null_out)), 1);  // 1: the placeholder
  const auto expected = testing::SavedPages(reference.path());
  ASSERT_EQ(expected.size(), 7u);

  site.SetLatencyMs(120);  // long enough to kill it between pages
  for (size_t kill_after : {2u, 6u}) {
    const std::string out = scratch.path() + "/kill" + std::to_string(kill_after);
    pid_t pid = Spawn(CrawlArgs(site, out), null_out);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (LogLines(out) < kill_after && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    kill(pid, SIGKILL);
    Wait(pid);
    EXPECT_LT(testing::SavedPages(out).size(), expected.size()) << "killed before the end";
    site.SetLatencyMs(0);
    EXPECT_EQ(Wait(Spawn(CrawlArgs(site, out), null_out)), 1);
    site.SetLatencyMs(120);
    EXPECT_EQ(testing::SavedPages(out), expected) << "killed after " << kill_after << " records";
    EXPECT_EQ(ManifestWithoutTimes(out), ManifestWithoutTimes(reference.path()));
    EXPECT_TRUE(std::filesystem::is_empty(out + "/.crawl/tmp"));
  }
}

TEST(CrawlCrash, NewUserCrawlsWithIndexThenSearches) {
  FixtureSite site;
  site.AddTree(testing::CrawlFixtureSite());
  ScratchDir dir;
  const std::string out = dir.path() + "/pages", index = dir.path() + "/index";
  std::vector<std::string> args = CrawlArgs(site, out);
  args.back() = "--json";
  args.insert(args.end(), {"--index", index, "--since", "2019-03-01"});
  EXPECT_EQ(Wait(Spawn(args, dir.path() + "/summary.json")), 1);
  auto summary = ReadFileToString(dir.path() + "/summary.json");
  ASSERT_TRUE(summary.ok());
  EXPECT_NE(summary->find("\"added\":4"), std::string::npos) << *summary;
  EXPECT_NE(summary->find("System Maintenance"), std::string::npos) << *summary;
  EXPECT_EQ(
      Wait(Spawn({"search", "--index", index, "\"tea export quota\""}, dir.path() + "/search.txt")),
      0);
  auto found = ReadFileToString(dir.path() + "/search.txt");
  ASSERT_TRUE(found.ok());
  EXPECT_NE(found->find("tea export quota"), std::string::npos) << *found;
}

}  // namespace
}  // namespace lectern
