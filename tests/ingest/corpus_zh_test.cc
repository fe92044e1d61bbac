// Checks on the real Chinese transcripts in ../shared/corpus (skipped when
// absent): every regular briefing, in both templates, parses with the
// title's date and spokesperson, has an exchange when the page has
// questions, and keeps the body's characters in order.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/files.h"
#include "ingest/corpus_support.h"
#include "ingest/parse.h"
#include "ingest/spokespersons.h"
#include "test_support.h"

namespace lectern {
namespace {

namespace fs = std::filesystem;
using testing::BodyWords;
using testing::CorpusDir;
using testing::InOrderCoverage;
using testing::KeptWords;
using testing::ManifestRow;
using testing::ReadManifest;

// "2020年9月7日外交部发言人赵立坚主持例行记者会" -> "赵立坚", found independently of the profile.
std::string NameInTitle(const std::string& title) {
  const std::string before = "发言人", after = "主持例行记者会";
  size_t at = title.find(before), end = title.find(after);
  if (at == std::string::npos || end == std::string::npos || end < at) return "";
  return title.substr(at + before.size(), end - at - before.size());
}

void CheckFolder(const std::string& dir, int expected_regular) {
  int regular = 0, parsed = 0;
  size_t total = 0;
  double kept = 0;
  for (const ManifestRow& row : ReadManifest(dir)) {
    Result<std::string> html = ReadFileToString(dir + "/" + row.file);
    ASSERT_TRUE(html.ok());
    Result<Briefing> b = ParseBytes(*html, row.file, ParseOptions{"mfa-zh-html"});
    if (row.title.find("例行记者会") == std::string::npos) {
      parsed += b.ok();
      continue;  // other pages may be news items, listings or errors: refused or parsed
    }
    ASSERT_TRUE(b.ok()) << row.file << ": " << b.status().message();
    ++regular;
    ++parsed;
    EXPECT_EQ(b->language, "zh");
    EXPECT_EQ(b->kind, "regular-press-conference") << row.file;
    EXPECT_EQ(b->date.value_or(""), row.date) << row.file;
    const Spokesperson* s = FindSpokesperson(NameInTitle(row.title));
    ASSERT_NE(s, nullptr) << row.file << ": " << NameInTitle(row.title);
    ASSERT_FALSE(b->spokespersons.empty()) << row.file;
    EXPECT_EQ(b->spokespersons[0], s->name) << row.file;
    // A page whose body has questions yields exchanges (one page is an announcement only).
    const bool has_questions =
        html->find("问：") != std::string::npos || html->find("记者：") != std::string::npos;
    if (has_questions) {
      EXPECT_GE(b->exchanges.size(), 1u) << row.file;
    }
    std::vector<std::string> reference = BodyWords(*html, "", "News_Body_Txt_A");
    std::string missing;
    double coverage = InOrderCoverage(reference, KeptWords(*b), &missing);
    EXPECT_GE(coverage, 0.995) << row.file << " misses" << missing;
    total += reference.size();
    kept += coverage * reference.size();
  }
  EXPECT_EQ(regular, expected_regular);
  ASSERT_GT(total, 0u);
  EXPECT_GE(kept / total, 0.999);
  std::printf("%s: %d regular briefings, %d pages parsed, %.4f%% of %zu body characters kept\n",
              dir.c_str(), regular, parsed, 100 * kept / total, total);
}

TEST(MfaChineseCorpus, OldTemplate2016) {
  std::optional<std::string> corpus = CorpusDir();
  if (!corpus || !fs::is_directory(*corpus + "/mfa-zh-html-2016")) GTEST_SKIP() << "no corpus";
  CheckFolder(*corpus + "/mfa-zh-html-2016", 708);
}

TEST(MfaChineseCorpus, NewTemplate2020) {
  std::optional<std::string> corpus = CorpusDir();
  if (!corpus || !fs::is_directory(*corpus + "/mfa-zh-html-2020")) GTEST_SKIP() << "no corpus";
  CheckFolder(*corpus + "/mfa-zh-html-2020", 537);
}

// Listing pages of both sites, a "302 Found" page, an error page served
// with HTTP 200 and robots.txt: every one refused, with the path and reason.
TEST(ListingsCorpus, NonBriefingPagesAreRefusedWithAReason) {
  std::optional<std::string> corpus = CorpusDir();
  if (!corpus || !fs::is_directory(*corpus + "/mfa-listings")) GTEST_SKIP() << "no corpus";
  int refused = 0;
  for (const auto& entry : fs::recursive_directory_iterator(*corpus + "/mfa-listings")) {
    if (!entry.is_regular_file() || entry.path().filename() == "MANIFEST.tsv") continue;
    Result<Briefing> b = ParseFile(entry.path().string(), ParseOptions{});
    ASSERT_FALSE(b.ok()) << entry.path() << " parsed as " << b->title;
    EXPECT_EQ(b.status().code(), Status::Code::kNotABriefing) << b.status().message();
    EXPECT_EQ(b.status().message().rfind(entry.path().string() + ": ", 0), 0u);
    ++refused;
  }
  EXPECT_EQ(refused, 82);
}

}  // namespace
}  // namespace lectern
