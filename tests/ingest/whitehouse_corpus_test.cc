// Checks on the White House's published briefings in
// ../shared/corpus/whitehouse-html (skipped when absent): every page parses,
// auto-detection picks the White House profile, each briefing and gaggle has
// the manifest's date, an exchange and a spokesperson, and the words of the
// page body (the "field-item" div) survive, in order.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "base/files.h"
#include "ingest/corpus_support.h"
#include "ingest/parse.h"
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

// "Press Briefing by Press Secretary Jay Carney, 6/22/2011" -> "Jay Carney",
// found independently of the profile: the two capitalised words after the
// first "Press Secretary ", or "" when the title gives no first name.
std::string FullNameInTitle(const std::string& title) {
  const std::string key = "Press Secretary ";
  size_t at = title.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  std::vector<std::string> words;
  size_t start = at;
  while (words.size() < 2 && start < title.size()) {
    size_t end = title.find_first_of(" ,", start);
    if (end == std::string::npos) end = title.size();
    words.push_back(title.substr(start, end - start));
    if (end < title.size() && title[end] == ',') break;
    start = end + 1;
  }
  if (words.size() != 2) return "";
  for (const std::string& w : words) {
    if (w.empty() || w[0] < 'A' || w[0] > 'Z' || w == "Aboard" || w == "En") return "";
  }
  return words[0] + " " + words[1];
}

class WhiteHouseCorpus : public ::testing::Test {
 protected:
  void SetUp() override {
    std::optional<std::string> corpus = CorpusDir();
    if (!corpus || !fs::is_directory(*corpus + "/whitehouse-html")) {
      GTEST_SKIP() << "the shared corpus is not here";
    }
    dir_ = *corpus + "/whitehouse-html";
  }
  std::string dir_;
};

TEST_F(WhiteHouseCorpus, EveryPageParsesWithTheManifestDateAnExchangeAndASpokesperson) {
  std::map<std::string, int> kinds;
  size_t pages = 0, turns = 0, exchanges = 0, notes = 0, named = 0;
  for (const ManifestRow& row : ReadManifest(dir_)) {
    Result<Briefing> b = ParseFile(dir_ + "/" + row.file, ParseOptions{"auto"});
    ASSERT_TRUE(b.ok()) << b.status().message();
    ++pages;
    EXPECT_EQ(b->institution, "white-house") << row.file;  // auto-detection
    EXPECT_EQ(b->language, "en") << row.file;
    ++kinds[b->kind];
    EXPECT_EQ(b->date.value_or(""), row.date) << row.file << ": " << row.title;
    EXPECT_GE(b->exchanges.size(), 1u) << row.file;
    ASSERT_FALSE(b->spokespersons.empty()) << row.file;
    if (std::string name = FullNameInTitle(row.title); !name.empty()) {
      EXPECT_EQ(b->spokespersons[0], name) << row.file << ": " << row.title;
      ++named;
    }
    turns += b->turns.size();
    exchanges += b->exchanges.size();
    for (const Turn& turn : b->turns) {
      if (turn.role == Role::kNote) {
        ++notes;
        EXPECT_FALSE(turn.speaker) << row.file << ": " << turn.text;
      }
    }
  }
  EXPECT_EQ(pages, 549u);
  EXPECT_GT(named, 400u);
  EXPECT_GT(notes, 0u);
  EXPECT_GT(kinds["press-briefing"], 0);
  EXPECT_GT(kinds["press-gaggle"], 0);
  std::printf(
      "whitehouse-html: %zu pages (%d briefings, %d gaggles, %d conferences), %zu turns, "
      "%zu exchanges, %zu notes\n",
      pages, kinds["press-briefing"], kinds["press-gaggle"], kinds["press-conference"], turns,
      exchanges, notes);
}

TEST_F(WhiteHouseCorpus, BodyWordsAreKeptInOrder) {
  size_t total = 0;
  double kept = 0;
  for (const ManifestRow& row : ReadManifest(dir_)) {
    Result<std::string> html = ReadFileToString(dir_ + "/" + row.file);
    ASSERT_TRUE(html.ok());
    Result<Briefing> b = ParseBytes(*html, row.file, ParseOptions{"whitehouse-en-html"});
    ASSERT_TRUE(b.ok()) << row.file << ": " << b.status().message();
    std::vector<std::string> reference = BodyWords(*html, "field-item even", "");
    ASSERT_FALSE(reference.empty()) << row.file;
    std::string missing;
    double coverage = InOrderCoverage(reference, KeptWords(*b), &missing);
    // 0.99, not 0.995: one page glues the Q to its question ("QThanks, Jay."),
    // which the profile reads as the label "Q" and the text "Thanks, Jay.", so
    // the reference's "qthanks" has no equal among the kept words (0.9919).
    EXPECT_GE(coverage, 0.99) << row.file << " misses" << missing;
    total += reference.size();
    kept += coverage * reference.size();
  }
  ASSERT_GT(total, 0u);
  EXPECT_GE(kept / total, 0.999) << "kept " << kept << " of " << total << " body words";
  std::printf("whitehouse-html body words kept in order: %.4f%% of %zu\n", 100 * kept / total,
              total);
}

TEST_F(WhiteHouseCorpus, OtherProfilesRefuseTheseTitles) {
  for (const ManifestRow& row : ReadManifest(dir_)) {
    for (const char* format : {"mfa-en-html", "mfa-zh-html"}) {
      Result<Briefing> b = ParseFile(dir_ + "/" + row.file, ParseOptions{format});
      EXPECT_FALSE(b.ok()) << format << " took " << row.file << ": " << row.title;
      if (!b.ok()) {
        EXPECT_EQ(b.status().code(), Status::Code::kNotABriefing) << row.file;
      }
    }
  }
}

}  // namespace
}  // namespace lectern
