// Helpers for the crawl tests: temporary folders, a crawl against the
// fixture site, and the pages a crawl left behind.
#pragma once

#include <map>
#include <string>

#include "crawl/crawler.h"
#include "crawl/fixture_site.h"

namespace lectern::testing {

// A fresh empty folder under the system's temp dir, removed at exit of the test.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The invented site in tests/fixtures/crawl/site.
std::string CrawlFixtureSite();

// Options for a quick crawl of `site`: tiny delays, 1 s timeout.
CrawlOptions FastOptions(const FixtureSite& site);

// Crawls `source` from `site` into `out` with the libcurl client.
CrawlSummary CrawlInto(const std::string& source, const std::string& out,
                       const CrawlOptions& options);

// The briefing pages under `out` (relative path -> bytes), without .crawl/
// and MANIFEST.tsv.
std::map<std::string, std::string> SavedPages(const std::string& out);

}  // namespace lectern::testing
