#include "crawl/crawler.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <set>
#include <thread>

#include "base/dates.h"
#include "ingest/parse.h"

namespace lectern {
namespace {

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool IsRedirect(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Pages a transcript can be: HTML or text. Anything else (a PDF, an image,
// a JSON error) is refused without parsing.
bool TextualContentType(const std::string& content_type) {
  std::string t = content_type.substr(0, content_type.find(';'));
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t.empty() || t == "text/html" || t == "text/plain" || t == "application/xhtml+xml" ||
         t == "text/shtml";
}

constexpr int kMaxRedirects = 5;

PageRecord MakeRecord(const std::string& url, const std::string& fetched_url,
                      const std::string& kind, const HttpResponse* response) {
  PageRecord r;
  r.url = url;
  r.fetched_url = fetched_url;
  r.kind = kind;
  r.fetched_at = UtcNow();
  if (response != nullptr) {
    r.http_status = response->status;
    r.content_type = response->content_type;
    r.etag = response->etag;
    r.last_modified = response->last_modified;
  }
  return r;
}

}  // namespace

double RetryAfterSeconds(const std::string& header) {
  if (header.empty()) return 0;
  if (std::all_of(header.begin(), header.end(), ::isdigit)) return std::stod(header);
  std::tm tm{};
  if (strptime(header.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm) == nullptr) return 0;
  double wait = std::difftime(timegm(&tm), std::time(nullptr));
  return wait > 0 ? wait : 0;
}

Crawler::Crawler(const SourceProfile& profile, CrawlOptions options, HttpClient& http,
                 PageStore& store)
    : profile_(profile), options_(std::move(options)), http_(http), store_(store) {}

CrawlSummary Crawler::Run() {
  for (const std::string& start : profile_.start_urls) {
    if (Stopped()) break;
    WalkListing(start);
  }
  return summary_;
}

bool Crawler::Stopped() {
  if (options_.stop != nullptr && options_.stop->load()) summary_.interrupted = true;
  return summary_.interrupted;
}

void Crawler::Wait(double seconds) {
  const double until = Now() + seconds;
  while (!Stopped()) {
    double left = until - Now();
    if (left <= 0) return;
    std::this_thread::sleep_for(std::chrono::duration<double>(std::min(left, 0.05)));
  }
}

bool Crawler::InRange(const std::optional<std::string>& date) const {
  if (!date) return true;  // unknown until fetched: the page decides
  std::optional<int32_t> days = DaysFromIsoDate(*date);
  if (!days) return true;
  if (options_.since_days && *days < *options_.since_days) return false;
  if (options_.until_days && *days > *options_.until_days) return false;
  return true;
}

std::string Crawler::RequestUrl(const Url& canonical) const {
  if (options_.base_url.empty()) return canonical.ToString();
  std::optional<Url> base = ParseUrl(options_.base_url);
  std::string prefix = base->path;
  if (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return base->Origin() + prefix + canonical.PathQuery();
}

Result<HttpResponse> Crawler::FetchOnce(const std::string& request_url,
                                        const HttpRequest& request) {
  const std::string origin = ParseUrl(request_url)->Origin();
  std::string last_error;
  for (int attempt = 0; attempt <= options_.retries; ++attempt) {
    if (Stopped()) return Status::IOError("interrupted");
    if (summary_.requests >= options_.max_requests) {
      summary_.interrupted = true;
      return Status::IOError("request cap of " + std::to_string(options_.max_requests) +
                             " reached");
    }
    auto delay = host_delay_.find(origin);
    double gap = delay == host_delay_.end() ? options_.delay_seconds : delay->second;
    auto last = last_request_.find(origin);
    if (last != last_request_.end()) Wait(last->second + gap - Now());
    if (Stopped()) return Status::IOError("interrupted");
    HttpRequest r = request;
    r.url = request_url;
    Result<HttpResponse> response = http_.Get(r);
    ++summary_.requests;
    last_request_[origin] = Now();
    if (options_.on_request) {
      options_.on_request(request_url, response.ok() ? response->body.size() : 0);
    }
    double wait = options_.backoff_seconds * std::pow(2.0, attempt);
    if (!response.ok()) {
      last_error = response.status().message();
    } else if (response->status == 429 || response->status == 503) {
      last_error = "HTTP " + std::to_string(response->status);
      double asked = RetryAfterSeconds(response->retry_after);
      if (asked > options_.max_wait_seconds) {
        return Status::IOError(last_error + ", Retry-After " + response->retry_after +
                               " s is longer than we wait");
      }
      if (asked > 0) wait = asked;
    } else if (response->status >= 500) {
      last_error = "HTTP " + std::to_string(response->status);
    } else {
      return response;
    }
    if (attempt < options_.retries) Wait(wait);
  }
  return Status::IOError(last_error + " (after " + std::to_string(options_.retries + 1) +
                         " attempts)");
}

const Robots& Crawler::RobotsFor(const Url& canonical) {
  const std::string origin = canonical.Origin();
  auto it = robots_.find(origin);
  if (it != robots_.end()) return it->second;
  Robots robots = Robots::AllowAll();
  Url url = canonical;
  url.path = "/robots.txt";
  url.query.clear();
  const std::string canonical_url = url.ToString();
  const PageRecord* previous = store_.Find(canonical_url);
  HttpRequest request;
  if (previous != nullptr && !previous->file.empty()) {
    request.if_none_match = previous->etag;
    request.if_modified_since = previous->last_modified;
  }
  std::string request_url = RequestUrl(url);
  Result<HttpResponse> response = Status::IOError("no request");
  for (int hop = 0; hop <= kMaxRedirects; ++hop) {
    response = FetchOnce(request_url, request);
    if (!response.ok() || !IsRedirect(response->status) || response->location.empty()) break;
    std::optional<Url> next = ResolveUrl(*ParseUrl(request_url), response->location);
    if (!next) break;
    request = HttpRequest();
    request_url =
        next->host == url.host || !options_.base_url.empty() ? RequestUrl(*next) : next->ToString();
  }
  if (!response.ok() || response->status >= 500) {
    // RFC 9309: an unreachable robots.txt means the site may be in trouble;
    // fetch nothing from it this run.
    robots = Robots::DisallowAll();
    summary_.failed.emplace_back(canonical_url,
                                 "robots.txt unavailable (" +
                                     (response.ok() ? "HTTP " + std::to_string(response->status)
                                                    : response.status().message()) +
                                     "); nothing fetched from " + origin);
  } else if (response->status == 304 && previous != nullptr) {
    ++summary_.unchanged;
    Result<std::string> body = store_.ReadBody(*previous);
    if (body.ok()) robots = Robots::Parse(*body, options_.agent_token);
  } else if (response->status == 200) {
    robots = Robots::Parse(response->body, options_.agent_token);
    PageRecord record = MakeRecord(canonical_url, request_url, "robots", &*response);
    Status saved = store_.Save(record, response->body);
    if (!saved.ok()) summary_.failed.emplace_back(canonical_url, saved.message());
  }
  // 4xx: no robots.txt, no rules.
  if (robots.crawl_delay_seconds()) {
    const std::string request_origin = ParseUrl(RequestUrl(url))->Origin();
    host_delay_[request_origin] =
        std::max(options_.delay_seconds, std::min(*robots.crawl_delay_seconds(), 60.0));
  }
  return robots_.emplace(origin, std::move(robots)).first->second;
}

Result<Crawler::Fetched> Crawler::Fetch(const std::string& url_text, const PageRecord* previous) {
  Url url = *ParseUrl(url_text);
  HttpRequest request;
  if (previous != nullptr && !previous->file.empty()) {
    request.if_none_match = previous->etag;
    request.if_modified_since = previous->last_modified;
  }
  for (int hop = 0; hop <= kMaxRedirects; ++hop) {
    if (!RobotsFor(url).Allowed(url.PathQuery())) {
      return Status::NotFound("disallowed by robots.txt");
    }
    const std::string request_url = RequestUrl(url);
    Result<HttpResponse> response = FetchOnce(request_url, request);
    if (!response.ok()) return response.status();
    if (!IsRedirect(response->status) || response->location.empty()) {
      return Fetched{url.ToString(), request_url, std::move(*response)};
    }
    std::optional<Url> next = ResolveUrl(*ParseUrl(request_url), response->location);
    if (!next) return Status::IOError("unreadable redirect to " + response->location);
    if (!options_.base_url.empty() && next->Origin() == ParseUrl(request_url)->Origin()) {
      next->scheme = url.scheme;  // the fixture site stands for the source's hosts
      next->host = url.host;
      next->port = url.port;
    }
    if (std::find(profile_.hosts.begin(), profile_.hosts.end(), next->host) ==
        profile_.hosts.end()) {
      return Status::IOError("redirected off the source to " + next->ToString());
    }
    url = *next;
    request = HttpRequest();  // validators belong to the first URL
  }
  return Status::IOError("more than " + std::to_string(kMaxRedirects) + " redirects");
}

void Crawler::WalkListing(const std::string& start) {
  std::vector<std::string> queue = {start};
  std::set<std::string> visited;
  size_t pages = 0;
  while (!queue.empty() && pages < options_.max_listing_pages && !Stopped()) {
    const std::string url = queue.front();
    queue.erase(queue.begin());
    if (!visited.insert(url).second) continue;
    ++pages;
    const PageRecord* previous = store_.Find(url);
    if (previous != nullptr && previous->kind != "listing") previous = nullptr;
    Result<Fetched> fetched = Fetch(url, previous);
    if (!fetched.ok()) {
      if (fetched.status().code() == Status::Code::kNotFound) {
        summary_.skipped.emplace_back(url, fetched.status().message());
      } else if (!Stopped()) {
        summary_.failed.emplace_back(url, fetched.status().message());
      }
      return;
    }
    const HttpResponse& response = fetched->response;
    std::string body;
    if (response.status == 304 && previous != nullptr) {
      ++summary_.unchanged;
      Result<std::string> stored = store_.ReadBody(*previous);
      if (!stored.ok()) {
        summary_.failed.emplace_back(url, stored.status().message());
        return;
      }
      body = std::move(*stored);
    } else if (response.status == 200) {
      body = response.body;
      PageRecord record = MakeRecord(url, fetched->fetched_url, "listing", &response);
      Status saved = store_.Save(record, body);
      if (!saved.ok()) summary_.failed.emplace_back(url, saved.message());
    } else if ((response.status == 404 || response.status == 410) && url == start) {
      // An URL scheme the site no longer serves: expected as sites move.
      summary_.skipped.emplace_back(
          url, "listing not served (HTTP " + std::to_string(response.status) + ")");
      return;
    } else {
      summary_.failed.emplace_back(url, "listing: HTTP " + std::to_string(response.status));
      return;
    }
    ++summary_.listing_pages;
    ListingPage listing = ReadListing(profile_, body, *ParseUrl(fetched->url));
    bool newer_than_since = listing.articles.empty();
    const std::vector<ListingItem>& items = listing.articles;
    for (size_t i = 0; i < items.size(); ++i) {
      if (Stopped()) return;
      const ListingItem& item = items[i];
      std::optional<int32_t> days = item.date ? DaysFromIsoDate(*item.date) : std::nullopt;
      if (!days || !options_.since_days || *days >= *options_.since_days) newer_than_since = true;
      if (!item.date) {
        // An undated item ("Remarks on ...") sits between its newer and
        // older neighbours: fetch it only if that span meets the range.
        std::optional<std::string> newer, older;
        for (size_t j = i; j-- > 0 && !newer;) newer = items[j].date;
        for (size_t j = i + 1; j < items.size() && !older; ++j) older = items[j].date;
        if ((newer && !InRange(newer) && options_.since_days &&
             *DaysFromIsoDate(*newer) < *options_.since_days) ||
            (older && !InRange(older) && options_.until_days &&
             *DaysFromIsoDate(*older) > *options_.until_days)) {
          continue;
        }
      }
      if (InRange(item.date)) FetchArticle(item);
    }
    // Listings run newest first: a page wholly before --since ends the walk.
    if (!newer_than_since) return;
    for (const Url& next : listing.next) queue.push_back(next.ToString());
  }
}

void Crawler::FetchArticle(const ListingItem& item) {
  const std::string url = item.url.ToString();
  const PageRecord* previous = store_.Find(url);
  if (previous != nullptr && previous->kind == "briefing") {
    ++summary_.have;
    return;
  }
  if (previous != nullptr && previous->kind != "not-briefing") previous = nullptr;
  Result<Fetched> fetched = Fetch(url, previous);
  if (!fetched.ok()) {
    if (fetched.status().code() == Status::Code::kNotFound) {
      summary_.skipped.emplace_back(url, fetched.status().message());
    } else if (!Stopped()) {
      summary_.failed.emplace_back(url, fetched.status().message());
      PageRecord record = MakeRecord(url, RequestUrl(item.url), "failed", nullptr);
      record.reason = fetched.status().message();
      (void)store_.Record(record);
    }
    return;
  }
  const HttpResponse& response = fetched->response;
  if (response.status == 304 && previous != nullptr) {
    ++summary_.unchanged;
    summary_.refused.emplace_back(
        url, previous->reason + " (unchanged since " + previous->fetched_at + ")");
    return;
  }
  PageRecord record = MakeRecord(url, fetched->fetched_url, "briefing", &response);
  if (response.status != 200) {
    record.kind = "failed";
    record.reason = "HTTP " + std::to_string(response.status);
    summary_.failed.emplace_back(url, record.reason);
    (void)store_.Record(record);
    return;
  }
  // The parser is the judge of what is a briefing: a maintenance
  // placeholder, a listing or an error page served with 200 is refused.
  Result<Briefing> briefing = Status::NotABriefing("content type " + response.content_type);
  if (TextualContentType(response.content_type)) {
    briefing = ParseBytes(response.body, url, ParseOptions{});
  }
  if (briefing.ok()) {
    record.id = briefing->id;
    record.date = briefing->date.value_or("");
    record.title = briefing->title;
  } else {
    record.kind = "not-briefing";
    record.reason = briefing.status().message();
    if (record.reason.rfind(url + ": ", 0) == 0) record.reason.erase(0, url.size() + 2);
  }
  Status saved = store_.Save(record, response.body);
  if (!saved.ok()) {
    summary_.failed.emplace_back(url, saved.message());
  } else if (briefing.ok()) {
    summary_.fetched.push_back(url);
  } else {
    summary_.refused.emplace_back(url, record.reason);
  }
}

}  // namespace lectern
