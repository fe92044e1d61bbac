// The crawler over a fake HttpClient: cases no well-behaved test server
// produces easily (redirects off the source, odd content types).
#include <gtest/gtest.h>

#include <map>

#include "crawl/crawl_test_support.h"
#include "crawl/crawler.h"

namespace lectern {
namespace {

HttpResponse Response(long status, std::string body, std::string type, std::string location = "") {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(type);
  r.location = std::move(location);
  return r;
}

class FakeHttp : public HttpClient {
 public:
  std::map<std::string, HttpResponse> pages;
  std::vector<std::string> requested;
  Result<HttpResponse> Get(const HttpRequest& request) override {
    requested.push_back(request.url);
    auto it = pages.find(request.url);
    if (it == pages.end()) return Response(404, "", "text/html");
    return it->second;
  }
};

const std::string kList = "https://obamawhitehouse.archives.gov/briefing-room/press-briefings";
const std::string kA = "https://obamawhitehouse.archives.gov/the-press-office/2011/06/22/a";
const std::string kB = "https://obamawhitehouse.archives.gov/the-press-office/2011/06/21/b";

TEST(CrawlerFake, RedirectsOffTheSourceAndNonTextPagesAreRefused) {
  FakeHttp http;
  http.pages[kList] =
      Response(200,
               "<a href=\"/the-press-office/2011/06/22/a\">Press Briefing, 6/22/2011</a>"
               "<a href=\"/the-press-office/2011/06/21/b\">Press Briefing, 6/21/2011</a>",
               "text/html");
  http.pages[kA] = Response(302, "", "text/html", "https://elsewhere.example/a");
  http.pages[kB] = Response(200, "%PDF-1.4", "application/pdf");
  testing::ScratchDir out;
  auto store = PageStore::Open(out.path());
  ASSERT_TRUE(store.ok());
  CrawlOptions options;
  options.delay_seconds = 0;
  Crawler crawler(*FindSourceProfile("whitehouse"), options, http, **store);
  CrawlSummary s = crawler.Run();
  ASSERT_EQ(s.failed.size(), 1u);
  EXPECT_EQ(s.failed[0].first, kA);
  EXPECT_EQ(s.failed[0].second, "redirected off the source to https://elsewhere.example/a");
  ASSERT_EQ(s.refused.size(), 1u);
  EXPECT_EQ(s.refused[0].second, "content type application/pdf");
  for (const std::string& url : http.requested) {
    EXPECT_EQ(url.find("elsewhere"), std::string::npos) << url;
  }
}

}  // namespace
}  // namespace lectern
