// PageStore: the crawl's output folder and its memory between runs.
//
//   OUT/<host>/<path>              briefing pages, bytes as served
//   OUT/MANIFEST.tsv               one row per briefing page (rewritten at the end of a run)
//   OUT/.crawl/log.jsonl           every fetch outcome, appended, one JSON object a line
//   OUT/.crawl/<kind>/<host>/...   listing pages, robots.txt and refused (non-briefing) pages
//   OUT/.crawl/tmp/                bodies being written; emptied when the store opens
//
// A body is written to tmp/, synced and renamed into place, and only then is
// its record appended to the log: a crash leaves either no trace of a page
// or the whole page (a page without a record is fetched again, same bytes).
// The log's last line may be torn by a crash; it is ignored. The latest
// record for a URL wins. Hidden .crawl/ keeps `lectern ingest OUT` to the
// briefings. One crawl at a time per folder (a lock file).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace lectern {

struct PageRecord {
  std::string url;          // canonical: as the site names the page
  std::string fetched_url;  // what was requested (another origin under --base-url)
  std::string kind;         // "briefing", "not-briefing", "listing", "robots", "failed"
  long http_status = 0;
  std::string fetched_at;  // UTC, ISO 8601
  std::string content_type, etag, last_modified;
  std::string file;  // relative to OUT; empty when no body is kept
  size_t bytes = 0;
  std::string id, date, title;  // briefings
  std::string reason;           // refusals and failures
};

class PageStore {
 public:
  // Creates OUT if needed, takes the lock, clears tmp/, reads the log.
  static Result<std::unique_ptr<PageStore>> Open(const std::string& dir);
  ~PageStore();

  const std::string& dir() const { return dir_; }
  // True when the folder already held a crawl when opened.
  bool had_log() const { return had_log_; }

  const PageRecord* Find(const std::string& url) const;

  // Writes `body` atomically at the place `record.kind` and `record.url`
  // give (sets record.file and bytes), then appends the record.
  Status Save(PageRecord record, std::string_view body);
  // Appends a record without a body (a failure).
  Status Record(PageRecord record);
  Result<std::string> ReadBody(const PageRecord& record) const;

  // Briefing records, by URL.
  std::vector<const PageRecord*> Briefings() const;
  // Rewrites OUT/MANIFEST.tsv (file, source_url, date, title, http_status,
  // fetched_utc, content_type, etag, last_modified), atomically.
  Status WriteManifest() const;

  // Where a URL's body goes, relative to OUT: "<host>/<path>", with
  // "index.html" for a path ending in "/" and "@query" appended.
  static std::string RelativePath(const std::string& url, const std::string& kind);

 private:
  PageStore() = default;
  Status Append(const PageRecord& record);

  std::string dir_;
  int lock_fd_ = -1;
  int log_fd_ = -1;
  bool had_log_ = false;
  uint64_t tmp_counter_ = 0;
  std::map<std::string, PageRecord> records_;
};

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcNow();

}  // namespace lectern
