#include "crawl/fixture_site.h"

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace lectern::testing {
namespace {

const char kLastModified[] = "Wed, 01 Jan 2020 00:00:00 GMT";

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

FixtureSite::FixtureSite() : server_(std::make_unique<httplib::Server>()) {
  server_->Get(".*", [this](const httplib::Request& req, httplib::Response& res) {
    std::string key = req.target;
    const bool conditional = req.has_header("If-None-Match") || req.has_header("If-Modified-Since");
    if (latency_ms_ > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms_));
    std::optional<Fault> fault;
    Page page;
    bool found = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto f = faults_.find(key);
      if (f != faults_.end() && !f->second.empty()) {
        fault = f->second.front();
        f->second.pop_front();
      }
      auto p = pages_.find(key);
      if (p != pages_.end()) {
        page = p->second;
        found = true;
      }
    }
    int status = 200;
    if (fault == Fault::k500) {
      status = 500;
      res.set_content("<html><body>Internal Server Error</body></html>", "text/html");
    } else if (fault == Fault::k429) {
      status = 429;
      res.set_header("Retry-After", "1");
      res.set_content("Too Many Requests", "text/plain");
    } else if (fault == Fault::kSlow) {
      std::this_thread::sleep_for(std::chrono::seconds(3));
    }
    if (status == 200 && !found) {
      status = 404;
      res.set_content("<html><head><title>404 Not Found</title></head></html>", "text/html");
    } else if (status == 200) {
      res.set_header("ETag", page.etag);
      res.set_header("Last-Modified", kLastModified);
      if (req.get_header_value("If-None-Match") == page.etag ||
          (!req.has_header("If-None-Match") &&
           req.get_header_value("If-Modified-Since") == kLastModified)) {
        status = 304;
      } else if (fault == Fault::kTruncated) {
        auto body = std::make_shared<std::string>(page.body);
        res.set_content_provider(body->size(), page.content_type,
                                 [body](size_t offset, size_t, httplib::DataSink& sink) {
                                   if (offset > 0) return false;  // half sent: drop the connection
                                   sink.write(body->data(), body->size() / 2);
                                   return true;
                                 });
      } else {
        res.set_content(page.body, page.content_type);
      }
    }
    res.status = status;
    std::lock_guard<std::mutex> lock(mu_);
    hits_.push_back({key, status, conditional, req.get_header_value("User-Agent")});
  });
  // Without it, Nagle and delayed ACKs cost 40 ms a response.
  server_->set_tcp_nodelay(true);
  port_ = server_->bind_to_any_port("127.0.0.1");
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

FixtureSite::~FixtureSite() {
  server_->stop();
  thread_.join();
}

std::string FixtureSite::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FixtureSite::Add(const std::string& path_query, std::string body, std::string content_type) {
  std::lock_guard<std::mutex> lock(mu_);
  std::string etag = "\"" + std::to_string(std::hash<std::string>()(body)) + "\"";
  pages_[path_query] = {std::move(body), std::move(content_type), std::move(etag)};
}

void FixtureSite::AddTree(const std::string& dir) {
  namespace fs = std::filesystem;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    std::string rel = "/" + fs::relative(entry.path(), dir).generic_string();
    for (char& c : rel)
      if (c == '@') c = '?';
    std::string type = rel.size() > 4 && rel.substr(rel.size() - 4) == ".txt"
                           ? "text/plain"
                           : "text/html; charset=utf-8";
    Add(rel, ReadAll(entry.path()), type);
  }
}

void FixtureSite::Inject(const std::string& path_query, std::vector<Fault> faults) {
  std::lock_guard<std::mutex> lock(mu_);
  auto& q = faults_[path_query];
  q.insert(q.end(), faults.begin(), faults.end());
}

std::vector<FixtureSite::Hit> FixtureSite::hits() const {
  std::lock_guard<std::mutex> lock(mu_);
  return hits_;
}

void FixtureSite::ClearHits() {
  std::lock_guard<std::mutex> lock(mu_);
  hits_.clear();
}

size_t FixtureSite::CountHits(const std::string& path_query) const {
  std::lock_guard<std::mutex> lock(mu_);
  size_t n = 0;
  for (const Hit& h : hits_) n += h.path_query == path_query;
  return n;
}

}  // namespace lectern::testing
