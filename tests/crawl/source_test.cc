// Listing pages: articles, their dates and the next page, from the invented
// fixtures and, when present, the real listings of the corpus.
#include "crawl/source.h"

#include <gtest/gtest.h>

#include "base/files.h"
#include "crawl/crawl_test_support.h"
#include "test_support.h"

namespace lectern {
namespace {

ListingPage Read(const std::string& source, const std::string& file, const std::string& url) {
  auto html = ReadFileToString(file);
  EXPECT_TRUE(html.ok()) << file;
  return ReadListing(*FindSourceProfile(source), html.ok() ? *html : "", *ParseUrl(url));
}

TEST(Listing, OldMfaTemplate) {
  const std::string path = "/mfa_eng/xwfw_665399/s2510_665401/2511_665403/default_1.shtml";
  ListingPage p =
      Read("mfa-en", testing::CrawlFixtureSite() + path, "https://www.fmprc.gov.cn" + path);
  ASSERT_EQ(p.articles.size(), 3u);
  EXPECT_EQ(p.articles[0].url.ToString(),
            "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t9000106.shtml");
  EXPECT_EQ(p.articles[0].date, "2019-03-05");
  ASSERT_EQ(p.next.size(), 1u);
  EXPECT_EQ(p.next[0].path, "/mfa_eng/xwfw_665399/s2510_665401/2511_665403/default_2.shtml");
}

TEST(Listing, LastPageHasNoNext) {
  const std::string path = "/mfa_eng/xwfw_665399/s2510_665401/2511_665403/default_2.shtml";
  ListingPage p =
      Read("mfa-en", testing::CrawlFixtureSite() + path, "https://www.fmprc.gov.cn" + path);
  EXPECT_TRUE(p.next.empty());
}

TEST(Listing, NewChineseTemplateAndWhiteHouse) {
  const std::string zh = "/web/wjdt_674879/fyrbt_674889/index.shtml";
  ListingPage p = Read("mfa-zh", testing::CrawlFixtureSite() + zh, "https://www.mfa.gov.cn" + zh);
  ASSERT_EQ(p.articles.size(), 2u);
  EXPECT_EQ(p.articles[1].date, "2022-06-29");
  ASSERT_EQ(p.next.size(), 1u);
  EXPECT_EQ(p.next[0].path, "/web/wjdt_674879/fyrbt_674889/index_1.shtml");
  ListingPage w = Read("whitehouse", testing::CrawlFixtureSite() + "/briefing-room/press-briefings",
                       "https://obamawhitehouse.archives.gov/briefing-room/press-briefings");
  ASSERT_EQ(w.articles.size(), 2u);
  EXPECT_EQ(w.articles[0].date, "2011-06-23");
  ASSERT_EQ(w.next.size(), 1u);
  EXPECT_EQ(w.next[0].PathQuery(), "/briefing-room/press-briefings?page=1");
}

TEST(Listing, RealMfaListings) {
  auto corpus = testing::CorpusDir();
  if (!corpus) GTEST_SKIP() << "no corpus";
  ListingPage en = Read("mfa-en", *corpus + "/mfa-listings/en/default_12.shtml",
                        "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/"
                        "default_12.shtml");
  EXPECT_GE(en.articles.size(), 20u);
  EXPECT_EQ(en.articles.back().date, "2018-05-11");
  EXPECT_TRUE(en.next.empty()) << "page 12 of 13 is the last";
  for (const ListingItem& item : en.articles) EXPECT_TRUE(item.date) << item.title;
  ListingPage zh = Read("mfa-zh", *corpus + "/mfa-listings/zh/default.shtml",
                        "https://www.fmprc.gov.cn/web/wjdt_674879/fyrbt_674889/default.shtml");
  EXPECT_EQ(zh.articles.size(), 15u);
  EXPECT_EQ(zh.articles[0].date, "2020-07-03");
  ASSERT_EQ(zh.next.size(), 1u);
  EXPECT_EQ(zh.next[0].path, "/web/wjdt_674879/fyrbt_674889/default_1.shtml");
  for (const ListingItem& item : zh.articles) EXPECT_TRUE(item.date) << item.title;
}

}  // namespace
}  // namespace lectern
