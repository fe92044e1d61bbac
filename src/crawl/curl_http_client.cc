#include <curl/curl.h>

#include <cstring>
#include <mutex>

#include "crawl/http_client.h"

namespace lectern {
namespace {

// curl_global_init is not thread-safe; do it once per process.
void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\r' || s.back() == '\n' || s.back() == ' '))
    s.remove_suffix(1);
  return std::string(s);
}

struct Transfer {
  HttpResponse response;
  size_t max_body = 0;
  bool too_big = false;
};

size_t OnBody(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t bytes = size * n;
  if (t->response.body.size() + bytes > t->max_body) {
    t->too_big = true;
    return 0;  // aborts the transfer
  }
  t->response.body.append(data, bytes);
  return bytes;
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * n);
  // A new status line (after a 100 Continue) starts the headers afresh.
  if (line.rfind("HTTP/", 0) == 0) {
    t->response.etag.clear();
    t->response.last_modified.clear();
    t->response.content_type.clear();
    t->response.retry_after.clear();
    t->response.location.clear();
    return size * n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  std::string name(line.substr(0, colon));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string value = Trim(line.substr(colon + 1));
  if (name == "etag") t->response.etag = value;
  if (name == "last-modified") t->response.last_modified = value;
  if (name == "content-type") t->response.content_type = value;
  if (name == "retry-after") t->response.retry_after = value;
  if (name == "location") t->response.location = value;
  return size * n;
}

class CurlHttpClient : public HttpClient {
 public:
  explicit CurlHttpClient(CurlOptions options) : options_(std::move(options)) {
    GlobalInitOnce();
    curl_ = curl_easy_init();
  }
  ~CurlHttpClient() override {
    if (curl_ != nullptr) curl_easy_cleanup(curl_);
  }

  Result<HttpResponse> Get(const HttpRequest& request) override {
    if (curl_ == nullptr) return Status::IOError("libcurl failed to initialise");
    // One handle reused: keeps the connection to the host alive between
    // requests, which is kinder to the server than a new one each time.
    curl_easy_reset(curl_);
    Transfer t;
    t.max_body = options_.max_body_bytes;
    char error[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(curl_, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl_, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl_, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(curl_, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(curl_, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl_, CURLOPT_TIMEOUT, options_.timeout_seconds);
    curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
    curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_, CURLOPT_ACCEPT_ENCODING, "");  // all curl can decode
    curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &t);
    struct curl_slist* headers = nullptr;
    if (!request.if_none_match.empty())
      headers = curl_slist_append(headers, ("If-None-Match: " + request.if_none_match).c_str());
    if (!request.if_modified_since.empty())
      headers =
          curl_slist_append(headers, ("If-Modified-Since: " + request.if_modified_since).c_str());
    if (headers != nullptr) curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
    CURLcode code = curl_easy_perform(curl_);
    curl_slist_free_all(headers);
    if (t.too_big) {
      return Status::IOError("body larger than " + std::to_string(t.max_body) + " bytes");
    }
    if (code != CURLE_OK) {
      std::string message = error[0] != '\0' ? error : curl_easy_strerror(code);
      return Status::IOError(message);
    }
    curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &t.response.status);
    return std::move(t.response);
  }

 private:
  CurlOptions options_;
  CURL* curl_ = nullptr;
};

}  // namespace

std::unique_ptr<HttpClient> MakeCurlHttpClient(const CurlOptions& options) {
  return std::make_unique<CurlHttpClient>(options);
}

}  // namespace lectern
