// The crawler on the real pages: the corpus's MFA listings and articles
// served from loopback at the paths their manifests give, with faults, a
// robots.txt rule and an error page served with 200. Skips without the corpus.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "base/dates.h"
#include "base/files.h"
#include "crawl/crawl_test_support.h"
#include "ingest/profiles/english_dates.h"
#include "test_support.h"

namespace lectern {
namespace {

using testing::Fault;
using testing::FixtureSite;

struct Row {
  std::string file, url, title;
};

std::vector<Row> Manifest(const std::string& dir) {
  std::vector<Row> rows;
  std::ifstream in(dir + "/MANIFEST.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream s(line);
    std::string field;
    while (std::getline(s, field, '\t')) f.push_back(field);
    if (f.size() >= 2 && !f[1].empty()) rows.push_back({f[0], f[1], f.size() > 4 ? f[4] : f[3]});
  }
  return rows;
}

std::string PathOf(const std::string& url) { return ParseUrl(url)->PathQuery(); }

// Serves the listings and the articles of `folders` at their manifest paths.
void ServeCorpus(FixtureSite& site, const std::string& corpus,
                 const std::vector<std::string>& folders) {
  for (const std::string& folder : folders) {
    for (const Row& row : Manifest(corpus + "/" + folder)) {
      if (row.file.find("robots") != std::string::npos) continue;
      auto body = ReadFileToString(corpus + "/" + folder + "/" + row.file);
      if (body.ok()) site.Add(PathOf(row.url), std::move(*body));
    }
  }
}

TEST(CrawlCorpus, EnglishArchiveInRangeWithFaults) {
  auto corpus = testing::CorpusDir();
  if (!corpus) GTEST_SKIP() << "no corpus";
  FixtureSite site;
  ServeCorpus(site, *corpus, {"mfa-listings", "mfa-en-html"});
  // Briefings of 2019-10-01 .. 2019-12-31 by their titles' dates.
  const int32_t since = *DaysFromIsoDate("2019-10-01"), until = *DaysFromIsoDate("2019-12-31");
  std::vector<Row> in_range;
  for (const Row& row : Manifest(*corpus + "/mfa-en-html")) {
    auto date = FindEnglishDate(row.title);
    if (date && *DaysFromIsoDate(*date) >= since && *DaysFromIsoDate(*date) <= until)
      in_range.push_back(row);
  }
  ASSERT_GE(in_range.size(), 10u);
  const Row disallowed = in_range[1], placeholder = in_range[2];
  site.Add("/robots.txt", "User-agent: *\nDisallow: " + PathOf(disallowed.url) + "\n",
           "text/plain");
  site.Add(PathOf(placeholder.url), *ReadFileToString(*corpus + "/mfa-listings/other/error.htm"));
  site.Inject(PathOf(in_range[3].url), {Fault::k500, Fault::k500});
  site.Inject(PathOf(in_range[4].url), {Fault::k429});
  site.Inject(PathOf(in_range[5].url), {Fault::kTruncated});

  testing::ScratchDir out;
  CrawlOptions options = testing::FastOptions(site);
  options.since_days = since;
  options.until_days = until;
  CrawlSummary s = testing::CrawlInto("mfa-en", out.path(), options);

  std::map<std::string, std::string> expected;
  for (const Row& row : in_range) {
    if (row.url == disallowed.url || row.url == placeholder.url) continue;
    expected["www.fmprc.gov.cn" + PathOf(row.url)] =
        *ReadFileToString(*corpus + "/mfa-en-html/" + row.file);
  }
  // Undated pages ("Remarks on ...") listed among them are fetched too: the
  // listing cannot say, so the page decides.
  std::map<std::string, std::string> undated;
  for (const Row& row : Manifest(*corpus + "/mfa-en-html")) {
    if (!FindEnglishDate(row.title)) undated["www.fmprc.gov.cn" + PathOf(row.url)] = row.file;
  }
  auto saved = testing::SavedPages(out.path());
  size_t extra = 0;
  for (const auto& [rel, bytes] : saved) {
    if (expected.count(rel) == 1) {
      EXPECT_EQ(bytes, expected[rel]) << rel << " byte for byte";
    } else {
      ASSERT_EQ(undated.count(rel), 1u) << "out of range: " << rel;
      EXPECT_EQ(bytes, *ReadFileToString(*corpus + "/mfa-en-html/" + undated[rel]));
      ++extra;
    }
  }
  EXPECT_EQ(saved.size(), expected.size() + extra) << "every dated briefing in range";
  EXPECT_LE(extra, 4u);
  EXPECT_EQ(site.CountHits(PathOf(disallowed.url)), 0u);
  ASSERT_EQ(s.refused.size(), 1u);
  EXPECT_EQ(s.refused[0].first, placeholder.url);
  EXPECT_TRUE(s.failed.empty());
  // Listings run newest first: the walk stops at the page before --since.
  EXPECT_LT(s.listing_pages, 13u);

  site.ClearHits();
  s = testing::CrawlInto("mfa-en", out.path(), options);
  EXPECT_TRUE(s.fetched.empty());
  for (const auto& hit : site.hits()) EXPECT_NE(hit.status, 200) << hit.path_query;
}

TEST(CrawlCorpus, ChineseArchiveMonth) {
  auto corpus = testing::CorpusDir();
  if (!corpus) GTEST_SKIP() << "no corpus";
  FixtureSite site;
  ServeCorpus(site, *corpus, {"mfa-listings", "mfa-zh-html-2016"});
  site.Add("/robots.txt", "User-agent: *\nDisallow:\n", "text/plain");
  testing::ScratchDir out;
  CrawlOptions options = testing::FastOptions(site);
  options.since_days = DaysFromIsoDate("2019-12-01");
  options.until_days = DaysFromIsoDate("2019-12-31");
  CrawlSummary s = testing::CrawlInto("mfa-zh", out.path(), options);
  EXPECT_TRUE(s.failed.empty());
  EXPECT_TRUE(s.refused.empty());
  auto saved = testing::SavedPages(out.path());
  EXPECT_GE(saved.size(), 15u);
  std::map<std::string, std::string> by_path;
  for (const Row& row : Manifest(*corpus + "/mfa-zh-html-2016"))
    by_path[PathOf(row.url)] = row.file;
  for (const auto& [rel, bytes] : saved) {
    const std::string path = rel.substr(rel.find('/'));
    ASSERT_EQ(by_path.count(path), 1u) << rel;
    EXPECT_EQ(bytes, *ReadFileToString(*corpus + "/mfa-zh-html-2016/" + by_path[path])) << rel;
  }
  auto manifest = ReadFileToString(out.path() + "/MANIFEST.tsv");
  ASSERT_TRUE(manifest.ok());
  std::stringstream lines(*manifest);
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line)) {
    // file, source_url, date: dated pages fall in December 2019.
    std::vector<std::string> f;
    std::stringstream fs(line);
    std::string field;
    while (std::getline(fs, field, '\t')) f.push_back(field);
    ASSERT_GE(f.size(), 3u);
    if (!f[2].empty()) {
      EXPECT_EQ(f[2].substr(0, 7), "2019-12") << line;
    }
  }
}

}  // namespace
}  // namespace lectern
