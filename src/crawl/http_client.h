// HttpClient: one GET at a time, as the crawler needs it. An interface so
// that tests can fake the network; CurlHttpClient is the real one.
//
// Contract: Get() returns a response for anything the server answered,
// whatever the status (200, 304, 404, 429, 500 ...); it returns an error
// Status (kIOError) only when there is no complete answer: connection
// refused, timeout, a body shorter than its Content-Length, TLS failure.
// Redirects are NOT followed: a 3xx comes back with its Location, so that
// the crawler decides (robots.txt, host rewriting, off-site refusal).
#pragma once

#include <memory>
#include <string>

#include "base/status.h"

namespace lectern {

struct HttpRequest {
  std::string url;
  // Conditional request validators from an earlier fetch; empty: none.
  std::string if_none_match;      // an ETag
  std::string if_modified_since;  // a Last-Modified value, verbatim
};

struct HttpResponse {
  long status = 0;
  std::string body;  // the bytes as served (no decoding of any kind)
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::string retry_after;  // the header verbatim (seconds or an HTTP date)
  std::string location;     // for 3xx
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual Result<HttpResponse> Get(const HttpRequest& request) = 0;
};

struct CurlOptions {
  std::string user_agent;
  long timeout_seconds = 30;          // whole transfer
  long connect_timeout_seconds = 10;  // connection only
  size_t max_body_bytes = size_t{64} << 20;
};

// libcurl with TLS peer and host verification on (the system's CA store).
// Accepts gzip/deflate and returns the decoded bytes (curl decodes them;
// "as served" means as the server meant the entity, not the wire encoding).
std::unique_ptr<HttpClient> MakeCurlHttpClient(const CurlOptions& options);

}  // namespace lectern
