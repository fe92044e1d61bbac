// A web site on 127.0.0.1 for the crawl tests: pages from folders or memory
// at the paths the real sites use, conditional requests (ETag,
// Last-Modified, 304), and faults injected per path. It binds the loopback
// address only and the crawler reaches it through --base-url, so no test
// ever asks another host for anything.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class Server;
}

namespace lectern::testing {

enum class Fault {
  k500,        // HTTP 500
  k429,        // HTTP 429 with Retry-After: 1
  kSlow,       // answers after 3 s (beyond the tests' 1 s timeout)
  kTruncated,  // promises the whole body, sends half, closes
};

class FixtureSite {
 public:
  FixtureSite();  // listening on 127.0.0.1 at a free port
  ~FixtureSite();

  std::string base_url() const;  // "http://127.0.0.1:PORT"

  // Serves `body` at `path_query` ("/a/b.shtml", "/list?page=1").
  void Add(const std::string& path_query, std::string body,
           std::string content_type = "text/html; charset=utf-8");
  // Every file under `dir` at "/" + its relative path ("@" in a name stands for "?").
  void AddTree(const std::string& dir);
  // The next requests of `path_query` meet these faults, one each, in order.
  void Inject(const std::string& path_query, std::vector<Fault> faults);
  // Every answer waits this long first (to make a crawl last long enough to kill).
  void SetLatencyMs(int ms) { latency_ms_ = ms; }

  struct Hit {
    std::string path_query;
    int status;
    bool conditional;
    std::string user_agent;
  };
  std::vector<Hit> hits() const;
  void ClearHits();
  size_t CountHits(const std::string& path_query) const;

 private:
  struct Page {
    std::string body, content_type, etag;
  };
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
  int latency_ms_ = 0;
  mutable std::mutex mu_;
  std::map<std::string, Page> pages_;
  std::map<std::string, std::deque<Fault>> faults_;
  std::vector<Hit> hits_;
};

}  // namespace lectern::testing
