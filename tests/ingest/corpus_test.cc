// Checks on the real published transcripts in ../shared/corpus (skipped when
// absent): every regular briefing parses with the title's date and
// spokesperson, text twins equal their HTML pages, and the words of the page
// body survive, in order.
#include <gtest/gtest.h>
#include <gumbo.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "base/files.h"
#include "ingest/outlets.h"
#include "ingest/parse.h"
#include "ingest/profiles/english_dates.h"
#include "test_support.h"

namespace lectern {
namespace {

namespace fs = std::filesystem;
using testing::CorpusDir;
using testing::TurnSignatures;
using testing::Words;

struct ManifestRow {
  std::string file, url, date, title;
};

std::vector<ManifestRow> ReadManifest(const std::string& dir) {
  std::vector<ManifestRow> rows;
  std::ifstream in(dir + "/MANIFEST.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, '\t')) fields.push_back(field);
    fields.resize(4);
    rows.push_back({fields[0], fields[1], fields[2], fields[3]});
  }
  return rows;
}

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

// Words of the page body as a plain walk of gumbo's tree sees them: every
// text node under the template's <div class="content">, inline pieces
// joined, other elements separating words.
std::vector<std::string> BodyWords(const std::string& html) {
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse(html.c_str()), [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  std::string text;
  std::vector<std::pair<const GumboNode*, bool>> stack = {{out->root, false}};
  while (!stack.empty()) {
    auto [node, inside] = stack.back();
    stack.pop_back();
    if ((node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) && inside) {
      text += node->v.text.text;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& e = node->v.element;
    if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE) continue;
    const bool inline_tag = e.tag == GUMBO_TAG_SPAN || e.tag == GUMBO_TAG_B ||
                            e.tag == GUMBO_TAG_STRONG || e.tag == GUMBO_TAG_FONT ||
                            e.tag == GUMBO_TAG_A || e.tag == GUMBO_TAG_EM || e.tag == GUMBO_TAG_I ||
                            e.tag == GUMBO_TAG_U;
    if (!inline_tag) text += ' ';  // block boundaries separate words; inline ones do not
    const GumboAttribute* cls = gumbo_get_attribute(&e.attributes, "class");
    bool here = inside || (cls != nullptr && std::string(cls->value) == "content");
    for (unsigned i = e.children.length; i-- > 0;) {
      stack.push_back({static_cast<const GumboNode*>(e.children.data[i]), here});
    }
  }
  return Words(text);
}

// Share of `reference` found in `kept`, in order (a greedy walk that
// tolerates local reordering of at most a few words).
double InOrderCoverage(const std::vector<std::string>& reference,
                       const std::vector<std::string>& kept, std::string* missing = nullptr) {
  size_t at = 0, found = 0;
  for (size_t r = 0; r < reference.size(); ++r) {
    const std::string& word = reference[r];
    bool hit = false;
    for (size_t k = at; k < std::min(kept.size(), at + 8); ++k) {
      if (kept[k] == word) {
        at = k + 1;
        ++found;
        hit = true;
        break;
      }
    }
    if (!hit && missing != nullptr && missing->size() < 400) {
      *missing += " [" + (r > 0 ? reference[r - 1] + " " : "") + "*" + word + "*]";
    }
  }
  return reference.empty() ? 1.0 : static_cast<double>(found) / reference.size();
}

std::vector<std::string> KeptWords(const Briefing& b) {
  std::string text;
  for (const Turn& turn : b.turns) text += turn.label + " " + turn.text + "\n";
  return Words(text);
}

TEST_F(MfaEnglishCorpus, BodyWordsAreKeptInOrder) {
  size_t total = 0;
  double kept = 0;
  for (const ManifestRow& row : ReadManifest(html_dir_)) {
    Result<std::string> html = ReadFileToString(html_dir_ + "/" + row.file);
    ASSERT_TRUE(html.ok());
    Result<Briefing> b = ParseBytes(*html, row.file, ParseOptions{"mfa-en-html"});
    ASSERT_TRUE(b.ok());
    std::vector<std::string> reference = BodyWords(*html);
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
