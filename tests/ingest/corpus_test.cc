// Checks on the real published transcripts in ../shared/corpus (skipped when
// absent): every regular briefing parses with the title's date and
// spokesperson, text twins equal their HTML pages, and the words of the page
// body survive, in order.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "base/files.h"
#include "ingest/corpus_support.h"
#include "ingest/outlets.h"
#include "ingest/parse.h"
#include "ingest/profiles/english_dates.h"
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
using testing::TurnSignatures;
using testing::Words;

// The spokesperson a title names, found independently of the profile.
std::string NameInTitle(const std::string& title) {
  const std::string key = "Spokesperson ";
  size_t at = title.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  size_t end = title.find("'s ", at);
  if (end == std::string::npos) end = title.find("’s ", at);
  return end == std::string::npos ? "" : title.substr(at, end - at);
}

class MfaEnglishCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    std::optional<std::string> corpus = CorpusDir();
    if (!corpus || !fs::is_directory(*corpus + "/mfa-en-html")) {
      GTEST_SKIP() << "the shared corpus is not here";
    }
    html_dir_ = *corpus + "/mfa-en-html";
    text_dir_ = *corpus + "/mfa-en-text";
  }
  std::string html_dir_, text_dir_;
};

TEST_F(MfaEnglishCorpus, EveryRegularBriefingParsesWithTitleDateAndSpokesperson) {
  int regular = 0, remarks = 0;
  for (const ManifestRow& row : ReadManifest(html_dir_)) {
    Result<Briefing> b = ParseFile(html_dir_ + "/" + row.file, ParseOptions{"mfa-en-html"});
    ASSERT_TRUE(b.ok()) << b.status().message();
    const std::string expected_date =
        !row.date.empty() ? row.date : FindEnglishDate(row.title).value_or("");
    if (row.title.find("Regular Press Conference") != std::string::npos) {
      ++regular;
      EXPECT_EQ(b->kind, "regular-press-conference") << row.file;
      EXPECT_EQ(b->date.value_or(""), expected_date) << row.file;
      ASSERT_FALSE(b->spokespersons.empty()) << row.file;
      EXPECT_EQ(b->spokespersons[0], NameInTitle(row.title)) << row.file;
      EXPECT_GE(b->exchanges.size(), 1u) << row.file;
    } else if (row.title.find("Remarks") != std::string::npos) {
      ++remarks;
      EXPECT_EQ(b->kind, "remarks") << row.file;
      EXPECT_EQ(b->date.value_or(""), expected_date) << row.file;
      EXPECT_FALSE(b->turns.empty()) << row.file;
    }
    for (const Turn& turn : b->turns) {
      if (turn.role != Role::kQuestion) continue;
      if (const Outlet* outlet = FindOutlet(turn.label)) {
        EXPECT_EQ(turn.outlet.value_or(""), outlet->name) << row.file << ": " << turn.text;
      }
    }
  }
  EXPECT_EQ(regular, 368);
  EXPECT_EQ(remarks, 13);
}

TEST_F(MfaEnglishCorpus, TextTwinsGiveTheSameTurnsAsTheirHtmlPages) {
  int twins = 0;
  for (const auto& entry : fs::directory_iterator(text_dir_)) {
    if (entry.path().extension() != ".txt") continue;
    const std::string html = html_dir_ + "/" + entry.path().stem().string() + ".shtml";
    if (!fs::exists(html)) continue;
    Result<Briefing> from_text = ParseFile(entry.path().string(), ParseOptions{"mfa-en-text"});
    Result<Briefing> from_html = ParseFile(html, ParseOptions{"mfa-en-html"});
    ASSERT_TRUE(from_text.ok()) << from_text.status().message();
    ASSERT_TRUE(from_html.ok()) << from_html.status().message();
    EXPECT_EQ(TurnSignatures(*from_text), TurnSignatures(*from_html)) << entry.path();
    EXPECT_EQ(from_text->exchanges, from_html->exchanges) << entry.path();
    EXPECT_EQ(from_text->id, from_html->id) << entry.path();
    ++twins;
  }
  EXPECT_EQ(twins, 63);
}

TEST_F(MfaEnglishCorpus, BodyWordsAreKeptInOrder) {
  size_t total = 0;
  double kept = 0;
  for (const ManifestRow& row : ReadManifest(html_dir_)) {
    Result<std::string> html = ReadFileToString(html_dir_ + "/" + row.file);
    ASSERT_TRUE(html.ok());
    Result<Briefing> b = ParseBytes(*html, row.file, ParseOptions{"mfa-en-html"});
    ASSERT_TRUE(b.ok());
    std::vector<std::string> reference = BodyWords(*html, "content", "");
    std::string missing;
    double coverage = InOrderCoverage(reference, KeptWords(*b), &missing);
    EXPECT_GE(coverage, 0.995) << row.file << " misses" << missing;
    total += reference.size();
    kept += coverage * reference.size();
  }
  ASSERT_GT(total, 0u);
  EXPECT_GE(kept / total, 0.999) << "kept " << kept << " of " << total << " body words";
  std::printf("body words kept in order: %.4f%% of %zu\n", 100 * kept / total, total);
}

TEST_F(MfaEnglishCorpus, TextPagesKeepEveryWordAfterTheTitle) {
  for (const auto& entry : fs::directory_iterator(text_dir_)) {
    if (entry.path().extension() != ".txt") continue;
    Result<std::string> text = ReadFileToString(entry.path().string());
    ASSERT_TRUE(text.ok());
    Result<Briefing> b = ParseBytes(*text, "t", ParseOptions{"mfa-en-text"});
    ASSERT_TRUE(b.ok());
    std::string body = *text;
    size_t title_at = body.find(b->title);
    ASSERT_NE(title_at, std::string::npos) << entry.path();
    body.erase(0, title_at + b->title.size());
    EXPECT_DOUBLE_EQ(InOrderCoverage(Words(body), KeptWords(*b)), 1.0) << entry.path();
  }
}

}  // namespace
}  // namespace lectern
