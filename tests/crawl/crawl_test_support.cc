#include "crawl/crawl_test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crawl/page_store.h"

namespace lectern::testing {

namespace fs = std::filesystem;

ScratchDir::ScratchDir() {
  std::string templ = (fs::temp_directory_path() / "lectern-crawl-XXXXXX").string();
  char* made = mkdtemp(templ.data());
  EXPECT_NE(made, nullptr);
  path_ = templ;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

std::string CrawlFixtureSite() { return std::string(LECTERN_FIXTURES) + "/crawl/site"; }

CrawlOptions FastOptions(const FixtureSite& site) {
  CrawlOptions o;
  o.delay_seconds = 0.002;
  o.backoff_seconds = 0.05;
  o.retries = 3;
  o.base_url = site.base_url();
  return o;
}

CrawlSummary CrawlInto(const std::string& source, const std::string& out,
                       const CrawlOptions& options) {
  const SourceProfile* profile = FindSourceProfile(source);
  EXPECT_NE(profile, nullptr);
  auto store = PageStore::Open(out);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (profile == nullptr || !store.ok()) return {};
  auto http = MakeCurlHttpClient({"lectern-test/1 (loopback fixture)", 1, 1});
  Crawler crawler(*profile, options, *http, **store);
  CrawlSummary summary = crawler.Run();
  EXPECT_TRUE((*store)->WriteManifest().ok());
  return summary;
}

std::map<std::string, std::string> SavedPages(const std::string& out) {
  std::map<std::string, std::string> pages;
  for (const auto& entry : fs::recursive_directory_iterator(out)) {
    std::string rel = fs::relative(entry.path(), out).generic_string();
    if (!entry.is_regular_file() || rel.rfind(".crawl", 0) == 0 || rel == "MANIFEST.tsv") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    pages[rel] = s.str();
  }
  return pages;
}

}  // namespace lectern::testing
