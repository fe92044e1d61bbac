// The crawler against the invented fixture site on loopback: exactly the
// briefings in range, robots.txt obeyed, every fault survived, nothing new
// on a second run, placeholders refused and recorded.
#include "crawl/crawler.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "base/dates.h"
#include "base/files.h"
#include "crawl/crawl_test_support.h"
#include "crawl/page_store.h"

namespace lectern {
namespace {

using testing::Fault;
using testing::FixtureSite;
using testing::ScratchDir;

const std::string kEn = "/mfa_eng/xwfw_665399/s2510_665401/2511_665403/";
const std::string kEnHost = "www.fmprc.gov.cn";

std::string EnArticle(int n) { return kEn + "t9000" + std::to_string(n) + ".shtml"; }

std::set<std::string> Keys(const std::map<std::string, std::string>& m) {
  std::set<std::string> keys;
  for (const auto& [k, v] : m) keys.insert(k);
  return keys;
}

class CrawlerTest : public ::testing::Test {
 protected:
  void SetUp() override { site_.AddTree(testing::CrawlFixtureSite()); }

  CrawlOptions RangeOptions() {
    CrawlOptions o = testing::FastOptions(site_);
    o.since_days = DaysFromIsoDate("2019-02-27");
    o.until_days = DaysFromIsoDate("2019-03-07");
    return o;
  }

  FixtureSite site_;
  ScratchDir out_;
};

TEST_F(CrawlerTest, FetchesExactlyTheBriefingsInRangeAndObeysRobots) {
  CrawlSummary s = testing::CrawlInto("mfa-en", out_.path(), RangeOptions());
  // 2019-02-27 .. 2019-03-07 holds 102, 103, 104, 107, 108; 105 is
  // disallowed by robots.txt and 106 is a maintenance page served with 200.
  std::set<std::string> expected;
  for (int n : {102, 103, 104, 107, 108}) expected.insert(kEnHost + EnArticle(n));
  EXPECT_EQ(Keys(testing::SavedPages(out_.path())), expected);
  EXPECT_EQ(s.fetched.size(), 5u);
  EXPECT_EQ(site_.CountHits(EnArticle(105)), 0u) << "robots.txt disallows it";
  EXPECT_EQ(site_.CountHits(EnArticle(101)), 0u) << "before --since";
  EXPECT_EQ(site_.CountHits(EnArticle(109)), 0u) << "after --until";
  ASSERT_EQ(s.skipped.size(), 3u);  // two other URL schemes (404) and the disallowed page
  EXPECT_EQ(s.skipped[1].second, "disallowed by robots.txt");
  ASSERT_EQ(s.refused.size(), 1u);
  EXPECT_EQ(s.refused[0].first, "https://" + kEnHost + EnArticle(106));
  EXPECT_NE(s.refused[0].second.find("System Maintenance"), std::string::npos);
  EXPECT_TRUE(s.failed.empty()) << s.failed[0].first << ": " << s.failed[0].second;
  for (const auto& hit : site_.hits()) {
    EXPECT_EQ(hit.user_agent.rfind("lectern", 0), 0u) << hit.user_agent;
  }

  // The placeholder is kept, as served, out of the briefings' way; the
  // manifest lists the briefings only, with their real URLs.
  auto store = PageStore::Open(out_.path());
  ASSERT_TRUE(store.ok());
  const PageRecord* placeholder = (*store)->Find("https://" + kEnHost + EnArticle(106));
  ASSERT_NE(placeholder, nullptr);
  EXPECT_EQ(placeholder->kind, "not-briefing");
  EXPECT_EQ(placeholder->http_status, 200);
  EXPECT_EQ(placeholder->file.rfind(".crawl/not-briefing/", 0), 0u);
  const PageRecord* page = (*store)->Find("https://" + kEnHost + EnArticle(107));
  ASSERT_NE(page, nullptr);
  EXPECT_EQ(page->date, "2019-03-06");
  EXPECT_EQ(page->fetched_url, site_.base_url() + EnArticle(107));
  EXPECT_FALSE(page->etag.empty());
  EXPECT_EQ(page->content_type, "text/html; charset=utf-8");
  auto manifest = ReadFileToString(out_.path() + "/MANIFEST.tsv");
  ASSERT_TRUE(manifest.ok());
  EXPECT_EQ(std::count(manifest->begin(), manifest->end(), '\n'), 6);
  EXPECT_NE(manifest->find("https://www.fmprc.gov.cn" + EnArticle(108)), std::string::npos);
}

TEST_F(CrawlerTest, SurvivesEveryFault) {
  site_.Inject(EnArticle(102), {Fault::k500, Fault::k500});
  site_.Inject(EnArticle(103), {Fault::k429});
  site_.Inject(EnArticle(104), {Fault::kSlow});
  site_.Inject(EnArticle(107), {Fault::kTruncated});
  site_.Inject(kEn + "default_1.shtml", {Fault::k500});
  CrawlSummary s = testing::CrawlInto("mfa-en", out_.path(), RangeOptions());
  EXPECT_TRUE(s.failed.empty()) << s.failed[0].first << ": " << s.failed[0].second;
  auto pages = testing::SavedPages(out_.path());
  ASSERT_EQ(pages.size(), 5u);
  for (int n : {102, 103, 104, 107, 108}) {
    auto original = ReadFileToString(testing::CrawlFixtureSite() + EnArticle(n));
    ASSERT_TRUE(original.ok());
    EXPECT_EQ(pages[kEnHost + EnArticle(n)], *original) << n << " saved whole, as served";
  }
  EXPECT_EQ(site_.CountHits(EnArticle(102)), 3u);
  EXPECT_EQ(site_.CountHits(EnArticle(103)), 2u);
}

TEST_F(CrawlerTest, GivesUpAfterTheRetriesAndRecordsTheFailure) {
  site_.Inject(EnArticle(108), std::vector<Fault>(10, Fault::k500));
  CrawlSummary s = testing::CrawlInto("mfa-en", out_.path(), RangeOptions());
  ASSERT_EQ(s.failed.size(), 1u);
  EXPECT_NE(s.failed[0].second.find("HTTP 500 (after 4 attempts)"), std::string::npos);
  EXPECT_EQ(testing::SavedPages(out_.path()).size(), 4u);
  // The next run fetches what failed, and only that.
  site_.ClearHits();
  site_.Inject(EnArticle(108), {});
  CrawlOptions o = RangeOptions();
  s = testing::CrawlInto("mfa-en", out_.path(), o);
  EXPECT_EQ(s.fetched.size() + s.failed.size(), 1u);
}

TEST_F(CrawlerTest, SecondRunFetchesNothingNew) {
  testing::CrawlInto("mfa-en", out_.path(), RangeOptions());
  const auto first = testing::SavedPages(out_.path());
  site_.ClearHits();
  CrawlSummary s = testing::CrawlInto("mfa-en", out_.path(), RangeOptions());
  EXPECT_TRUE(s.fetched.empty());
  EXPECT_EQ(s.have, 5u);
  for (const auto& hit : site_.hits()) {
    // Listings, robots.txt and the refused placeholder are asked again, but
    // conditionally; the site answers 304 and sends no page.
    if (hit.status == 404) continue;  // the other URL schemes
    EXPECT_TRUE(hit.conditional) << hit.path_query;
    EXPECT_EQ(hit.status, 304) << hit.path_query;
  }
  for (int n : {102, 103, 104, 107, 108}) EXPECT_EQ(site_.CountHits(EnArticle(n)), 0u);
  EXPECT_EQ(testing::SavedPages(out_.path()), first);
}

TEST_F(CrawlerTest, ANewBriefingOnTheListingIsFetchedOnTheNextRun) {
  CrawlOptions o = testing::FastOptions(site_);
  o.since_days = DaysFromIsoDate("2019-03-01");
  testing::CrawlInto("mfa-en", out_.path(), o);
  auto listing = ReadFileToString(testing::CrawlFixtureSite() + kEn + "default.shtml");
  ASSERT_TRUE(listing.ok());
  std::string updated = *listing;
  const std::string anchor = "<li><a href=\"./t9000109.shtml\"";
  updated.insert(updated.find(anchor),
                 "<li><a href=\"./t9000110.shtml\" target=\"_blank\">Foreign Ministry "
                 "Spokesperson Hua Chunying's Regular Press Conference on March 11, 2019</a></li>");
  site_.Add(kEn + "default.shtml", updated);
  auto article = ReadFileToString(testing::CrawlFixtureSite() + EnArticle(109));
  std::string fresh = *article;
  fresh.replace(fresh.find("March 8, 2019"), 13, "March 11, 2019");
  site_.Add(EnArticle(110), fresh);
  site_.ClearHits();
  CrawlSummary s = testing::CrawlInto("mfa-en", out_.path(), o);
  ASSERT_EQ(s.fetched.size(), 1u);
  EXPECT_EQ(s.fetched[0], "https://" + kEnHost + EnArticle(110));
}

TEST_F(CrawlerTest, WhiteHouseListingsFollowThePagerLink) {
  CrawlSummary s = testing::CrawlInto("whitehouse", out_.path(), testing::FastOptions(site_));
  std::set<std::string> expected = {
      "obamawhitehouse.archives.gov/the-press-office/2011/06/21/"
      "press-briefing-press-secretary-jay-carney-6212011",
      "obamawhitehouse.archives.gov/the-press-office/2011/06/22/"
      "press-briefing-press-secretary-jay-carney-6222011",
      "obamawhitehouse.archives.gov/the-press-office/2011/06/23/"
      "press-gaggle-press-secretary-jay-carney-6232011"};
  EXPECT_EQ(Keys(testing::SavedPages(out_.path())), expected);
  EXPECT_EQ(s.listing_pages, 2u);
  EXPECT_TRUE(s.failed.empty());
}

TEST_F(CrawlerTest, ChineseNewTemplateFollowsCreatePageHtml) {
  CrawlSummary s = testing::CrawlInto("mfa-zh", out_.path(), testing::FastOptions(site_));
  auto pages = testing::SavedPages(out_.path());
  EXPECT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages.count("www.mfa.gov.cn/web/wjdt_674879/fyrbt_674889/202206/"
                        "t20220628_9000203.shtml"),
            1u);
  EXPECT_TRUE(s.failed.empty());
}

TEST_F(CrawlerTest, StopsAtTheRequestCap) {
  CrawlOptions o = RangeOptions();
  o.max_requests = 4;
  CrawlSummary s = testing::CrawlInto("mfa-en", out_.path(), o);
  EXPECT_TRUE(s.interrupted);
  EXPECT_EQ(s.requests, 4u);
  EXPECT_LE(site_.hits().size(), 4u);
}

TEST_F(CrawlerTest, RobotsUnavailableMeansNothingIsFetched) {
  site_.Inject("/robots.txt", std::vector<Fault>(10, Fault::k500));
  CrawlSummary s = testing::CrawlInto("mfa-en", out_.path(), RangeOptions());
  EXPECT_TRUE(testing::SavedPages(out_.path()).empty());
  ASSERT_FALSE(s.failed.empty());
  EXPECT_NE(s.failed[0].second.find("robots.txt unavailable"), std::string::npos);
  for (const auto& hit : site_.hits()) EXPECT_EQ(hit.path_query, "/robots.txt");
}

}  // namespace
}  // namespace lectern
