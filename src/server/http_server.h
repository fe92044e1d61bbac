// HttpServer: `lectern serve` over cpp-httplib. GET (and HEAD) only:
// /api/... goes to Api (api.h); every other path is looked up among the
// page's built-in files (assets.h); nothing is read from or written to
// disk but the index, read-only.
//
// Built for many concurrent connections on loopback: a growing thread pool
// (thread_pool.h), keep-alive, a listen backlog above cpp-httplib's 5, and
// timeouts so a silent client cannot hold a thread for long.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "base/status.h"
#include "server/index_holder.h"

namespace lectern {

struct ServeOptions {
  std::string host = "127.0.0.1";  // loopback only unless told otherwise
  int port = 8080;                 // 0: any free port (see HttpServer::port)
  size_t max_threads = 1024;       // connections served at once; more queue
  int listen_backlog = 1024;
  bool log_requests = false;  // one line per request on stderr
};

class HttpServer {
 public:
  HttpServer(IndexHolder* index, ServeOptions options);
  ~HttpServer();

  // kIOError naming host:port when the address cannot be bound.
  Status Bind();
  // The bound port (after Bind).
  int port() const;
  // Serves until Stop() (from any thread). Bind first.
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lectern
