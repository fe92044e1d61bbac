// Crawler: walks a source's listing pages and brings home the briefings.
//
// Politeness: robots.txt of every host is read first and obeyed; one
// request at a time, at least `delay_seconds` apart per host (longer if
// robots.txt asks with Crawl-delay, up to a minute); 429 and 503 wait for
// Retry-After; 5xx and network failures retry with exponential backoff; a
// cap on requests per run. Redirects are followed by hand, and only within
// the source's hosts.
//
// Resumable and idempotent: an article the store holds as a briefing is
// never requested again; listings, robots.txt and pages refused before are
// requested with their ETag / Last-Modified, and a 304 reuses the stored
// body. Whatever interrupts a run, the next run continues.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crawl/http_client.h"
#include "crawl/page_store.h"
#include "crawl/robots.h"
#include "crawl/source.h"

namespace lectern {

struct CrawlOptions {
  std::optional<int32_t> since_days, until_days;  // inclusive, day numbers
  double delay_seconds = 1.0;
  double backoff_seconds = 2.0;     // first retry wait; doubles each time
  double max_wait_seconds = 300;    // a longer Retry-After gives the page up for this run
  int retries = 4;                  // after the first attempt
  size_t max_requests = 20000;      // per run
  size_t max_listing_pages = 5000;  // per start URL: a loop guard
  std::string base_url;  // "http://127.0.0.1:8080": every host of the source is served there
  std::string agent_token = "lectern";  // matched against robots.txt groups
  // Set from a signal handler to stop between requests.
  const std::atomic<bool>* stop = nullptr;
  // Called after every request, with the bytes received (for progress).
  std::function<void(const std::string& url, size_t bytes)> on_request;
};

struct CrawlSummary {
  size_t requests = 0;
  std::vector<std::string> fetched;                          // briefing pages saved this run
  std::vector<std::pair<std::string, std::string>> skipped;  // url, reason (not fetched)
  std::vector<std::pair<std::string, std::string>> refused;  // url, why it is no briefing
  std::vector<std::pair<std::string, std::string>> failed;   // url, what went wrong
  size_t have = 0;       // articles already in the store (not requested)
  size_t unchanged = 0;  // 304 answers
  size_t listing_pages = 0;
  bool interrupted = false;  // by `stop` or the request cap
};

class Crawler {
 public:
  Crawler(const SourceProfile& profile, CrawlOptions options, HttpClient& http, PageStore& store);
  CrawlSummary Run();

 private:
  struct Fetched {
    std::string url;          // canonical, after redirects
    std::string fetched_url;  // requested
    HttpResponse response;
  };
  void WalkListing(const std::string& start);
  void FetchArticle(const ListingItem& item);
  // GET with robots, delay, retries and redirects; error: why it failed.
  Result<Fetched> Fetch(const std::string& url, const PageRecord* previous);
  Result<HttpResponse> FetchOnce(const std::string& request_url, const HttpRequest& request);
  const Robots& RobotsFor(const Url& canonical);
  std::string RequestUrl(const Url& canonical) const;
  bool InRange(const std::optional<std::string>& date) const;
  bool Stopped();
  void Wait(double seconds);

  const SourceProfile& profile_;
  CrawlOptions options_;
  HttpClient& http_;
  PageStore& store_;
  CrawlSummary summary_;
  std::map<std::string, Robots> robots_;  // by canonical origin
  std::map<std::string, double> host_delay_;
  std::map<std::string, double> last_request_;  // by requested origin, steady seconds
};

// "Retry-After: 120" or an HTTP date, as seconds from now (0 if unreadable).
double RetryAfterSeconds(const std::string& header);

}  // namespace lectern
