#include "crawl/page_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "base/files.h"
#include "crawl/url.h"

namespace lectern {
namespace {

namespace fs = std::filesystem;

Status Errno(const std::string& what) {
  return Status::IOError(what + ": " + std::strerror(errno));
}

Status WriteAll(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Errno(path);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

// Writes `data` to `tmp`, syncs it and renames it to `target`.
Status WriteAtomically(const std::string& tmp, const std::string& target, std::string_view data) {
  std::error_code ec;
  fs::create_directories(fs::path(target).parent_path(), ec);
  if (ec) return Status::IOError(target + ": " + ec.message());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Errno(tmp);
  Status s = WriteAll(fd, data, tmp);
  if (s.ok() && ::fsync(fd) != 0) s = Errno(tmp);
  ::close(fd);
  if (s.ok() && ::rename(tmp.c_str(), target.c_str()) != 0) s = Errno(target);
  if (!s.ok()) ::unlink(tmp.c_str());
  return s;
}

nlohmann::json ToJson(const PageRecord& r) {
  nlohmann::json j = {{"url", r.url},
                      {"fetched_url", r.fetched_url},
                      {"kind", r.kind},
                      {"http_status", r.http_status},
                      {"fetched_at", r.fetched_at},
                      {"content_type", r.content_type},
                      {"etag", r.etag},
                      {"last_modified", r.last_modified},
                      {"file", r.file},
                      {"bytes", r.bytes}};
  if (!r.id.empty()) j["id"] = r.id;
  if (!r.date.empty()) j["date"] = r.date;
  if (!r.title.empty()) j["title"] = r.title;
  if (!r.reason.empty()) j["reason"] = r.reason;
  return j;
}

PageRecord FromJson(const nlohmann::json& j) {
  PageRecord r;
  r.url = j.value("url", "");
  r.fetched_url = j.value("fetched_url", "");
  r.kind = j.value("kind", "");
  r.http_status = j.value("http_status", 0L);
  r.fetched_at = j.value("fetched_at", "");
  r.content_type = j.value("content_type", "");
  r.etag = j.value("etag", "");
  r.last_modified = j.value("last_modified", "");
  r.file = j.value("file", "");
  r.bytes = j.value("bytes", size_t{0});
  r.id = j.value("id", "");
  r.date = j.value("date", "");
  r.title = j.value("title", "");
  r.reason = j.value("reason", "");
  return r;
}

std::string TsvField(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

}  // namespace

std::string UtcNow() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string PageStore::RelativePath(const std::string& url_text, const std::string& kind) {
  std::optional<Url> url = ParseUrl(url_text);
  std::string host = url ? url->host : "unknown";
  std::string path = url ? url->path : "/" + url_text;
  if (path.back() == '/') path += "index.html";
  if (url && !url->query.empty()) path += "@" + url->query;
  // ParseUrl already removed "." and ".." segments; keep names portable.
  for (char& c : path)
    if (c == '\\' || c == ':' || c == '*' || c == '"' || c == '<' || c == '>' || c == '|') c = '_';
  std::string prefix = kind == "briefing" ? "" : ".crawl/" + kind + "/";
  return prefix + host + path;
}

Result<std::unique_ptr<PageStore>> PageStore::Open(const std::string& dir) {
  std::unique_ptr<PageStore> store(new PageStore());
  store->dir_ = dir;
  std::error_code ec;
  fs::create_directories(dir + "/.crawl/tmp", ec);
  if (ec) return Status::IOError(dir + ": " + ec.message());
  const std::string lock = dir + "/.crawl/lock";
  store->lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (store->lock_fd_ < 0) return Errno(lock);
  if (::flock(store->lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    return Status::IOError(dir + ": another crawl is writing to this folder");
  }
  // Bodies a crashed run left half-written.
  for (const auto& entry : fs::directory_iterator(dir + "/.crawl/tmp", ec)) {
    fs::remove(entry.path(), ec);
  }
  const std::string log = dir + "/.crawl/log.jsonl";
  store->had_log_ = fs::exists(log);
  if (store->had_log_) {
    Result<std::string> text = ReadFileToString(log);
    if (!text.ok()) return text.status();
    size_t pos = 0;
    const std::string& t = *text;
    while (pos < t.size()) {
      size_t end = t.find('\n', pos);
      if (end == std::string::npos) break;  // a torn last line
      nlohmann::json j =
          nlohmann::json::parse(t.begin() + static_cast<std::ptrdiff_t>(pos),
                                t.begin() + static_cast<std::ptrdiff_t>(end), nullptr, false);
      pos = end + 1;
      if (j.is_discarded() || !j.is_object()) continue;
      PageRecord r = FromJson(j);
      if (!r.url.empty()) store->records_[r.url] = std::move(r);
    }
    // A torn last line is cut off so the next append starts a fresh line.
    if (pos < t.size() && ::truncate(log.c_str(), static_cast<off_t>(pos)) != 0) {
      return Errno(log);
    }
  }
  store->log_fd_ = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (store->log_fd_ < 0) return Errno(log);
  return store;
}

PageStore::~PageStore() {
  if (log_fd_ >= 0) ::close(log_fd_);
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

const PageRecord* PageStore::Find(const std::string& url) const {
  auto it = records_.find(url);
  return it == records_.end() ? nullptr : &it->second;
}

Status PageStore::Append(const PageRecord& record) {
  // One write() per line: O_APPEND keeps it whole unless the process dies
  // inside the call, which Open() repairs.
  std::string line = ToJson(record).dump() + "\n";
  LECTERN_RETURN_IF_ERROR(WriteAll(log_fd_, line, dir_ + "/.crawl/log.jsonl"));
  if (::fdatasync(log_fd_) != 0) return Errno(dir_ + "/.crawl/log.jsonl");
  records_[record.url] = record;
  return Status::Ok();
}

Status PageStore::Save(PageRecord record, std::string_view body) {
  record.file = RelativePath(record.url, record.kind);
  record.bytes = body.size();
  const std::string tmp =
      dir_ + "/.crawl/tmp/" + std::to_string(::getpid()) + "-" + std::to_string(tmp_counter_++);
  LECTERN_RETURN_IF_ERROR(WriteAtomically(tmp, dir_ + "/" + record.file, body));
  return Append(record);
}

Status PageStore::Record(PageRecord record) { return Append(record); }

Result<std::string> PageStore::ReadBody(const PageRecord& record) const {
  if (record.file.empty()) return Status::NotFound(record.url + ": no body kept");
  return ReadFileToString(dir_ + "/" + record.file);
}

std::vector<const PageRecord*> PageStore::Briefings() const {
  std::vector<const PageRecord*> out;
  for (const auto& [url, r] : records_)
    if (r.kind == "briefing") out.push_back(&r);
  return out;
}

Status PageStore::WriteManifest() const {
  std::string tsv =
      "file\tsource_url\tdate\ttitle\thttp_status\tfetched_utc\tcontent_type\tetag\tlast_"
      "modified\n";
  for (const PageRecord* r : Briefings()) {
    tsv += TsvField(r->file) + "\t" + TsvField(r->url) + "\t" + TsvField(r->date) + "\t" +
           TsvField(r->title) + "\t" + std::to_string(r->http_status) + "\t" +
           TsvField(r->fetched_at) + "\t" + TsvField(r->content_type) + "\t" + TsvField(r->etag) +
           "\t" + TsvField(r->last_modified) + "\n";
  }
  return WriteAtomically(dir_ + "/.crawl/tmp/MANIFEST.tsv", dir_ + "/MANIFEST.tsv", tsv);
}

}  // namespace lectern
