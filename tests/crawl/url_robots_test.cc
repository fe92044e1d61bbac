// URL resolution as browsers do it, and robots.txt as RFC 9309 reads it.
#include <gtest/gtest.h>

#include "crawl/crawler.h"
#include "crawl/page_store.h"
#include "crawl/robots.h"
#include "crawl/url.h"

namespace lectern {
namespace {

TEST(Url, ResolvesTheForms) {
  Url base = *ParseUrl("https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/2511_665403/default_3.shtml");
  EXPECT_EQ(ResolveUrl(base, "./t1794629.shtml")->ToString(),
            "https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/2511_665403/t1794629.shtml");
  EXPECT_EQ(ResolveUrl(base, "../../images/a.css")->ToString(),
            "https://www.fmprc.gov.cn/mfa_eng/images/a.css");
  EXPECT_EQ(ResolveUrl(base, "../../../../x.css")->ToString(), "https://www.fmprc.gov.cn/x.css");
  EXPECT_EQ(ResolveUrl(base, "//www.mfa.gov.cn/eng/")->ToString(), "https://www.mfa.gov.cn/eng/");
  EXPECT_EQ(ResolveUrl(base, "/x?page=2#top")->ToString(), "https://www.fmprc.gov.cn/x?page=2");
  EXPECT_EQ(ResolveUrl(base, "HTTP://WWW.Example.org:80/a")->ToString(),
            "http://www.example.org/a");
  EXPECT_FALSE(ResolveUrl(base, "javascript:void(0)"));
  EXPECT_FALSE(ResolveUrl(base, "mailto:press@example.org"));
  EXPECT_FALSE(ParseUrl("ftp://example.org/x"));
  EXPECT_EQ(ParseUrl("http://127.0.0.1:8080")->ToString(), "http://127.0.0.1:8080/");
}

TEST(Robots, LongestMatchWinsAndAllowWinsTies) {
  Robots r = Robots::Parse(
      "User-agent: *\nDisallow: /private/\nAllow: /private/press/\nDisallow: /*.pdf$\n", "lectern");
  EXPECT_TRUE(r.Allowed("/public/a.html"));
  EXPECT_FALSE(r.Allowed("/private/a.html"));
  EXPECT_TRUE(r.Allowed("/private/press/a.html"));
  EXPECT_FALSE(r.Allowed("/docs/x.pdf"));
  EXPECT_TRUE(r.Allowed("/docs/x.pdf?download=1"));
}

TEST(Robots, OurGroupBeatsTheStarGroup) {
  Robots r = Robots::Parse(
      "User-agent: *\nDisallow: /\n\nUser-agent: Lectern\nUser-agent: other\nDisallow: /x\n"
      "Crawl-delay: 5\n",
      "lectern");
  EXPECT_TRUE(r.Allowed("/a"));
  EXPECT_FALSE(r.Allowed("/x/y"));
  EXPECT_EQ(r.crawl_delay_seconds(), 5.0);
  EXPECT_TRUE(Robots::Parse("User-agent: *\nDisallow:\n", "lectern").Allowed("/a"));
  EXPECT_TRUE(Robots::Parse("<html>302 Found</html>", "lectern").Allowed("/a"));
  EXPECT_FALSE(Robots::DisallowAll().Allowed("/"));
}

TEST(Crawl, RetryAfterReadsSecondsAndDates) {
  EXPECT_EQ(RetryAfterSeconds("7"), 7.0);
  EXPECT_EQ(RetryAfterSeconds(""), 0.0);
  EXPECT_EQ(RetryAfterSeconds("Wed, 01 Jan 2020 00:00:00 GMT"), 0.0);  // in the past
}

TEST(PageStore, PathsMirrorTheUrl) {
  EXPECT_EQ(PageStore::RelativePath("https://www.mfa.gov.cn/eng/xw/t1.html", "briefing"),
            "www.mfa.gov.cn/eng/xw/t1.html");
  EXPECT_EQ(PageStore::RelativePath("https://www.mfa.gov.cn/eng/", "listing"),
            ".crawl/listing/www.mfa.gov.cn/eng/index.html");
  EXPECT_EQ(PageStore::RelativePath("https://a.gov/list?page=1", "listing"),
            ".crawl/listing/a.gov/list@page=1");
}

}  // namespace
}  // namespace lectern
