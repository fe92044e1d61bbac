#include "server/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <cstdio>

#include "server/api.h"
#include "server/assets.h"
#include "server/thread_pool.h"

namespace lectern {
namespace {

// Sent with every response: the page runs only its own scripts and styles,
// and talks only to this server.
const httplib::Headers kSecurityHeaders = {
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
     "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
     "frame-ancestors 'none'"}};

// cpp-httplib keeps the listening socket to itself and listens with a
// backlog of 5, too few for a burst of connections; this subclass raises it.
class LecternHttpServer : public httplib::Server {
 public:
  bool RaiseBacklog(int backlog) { return ::listen(svr_sock_, backlog) == 0; }
  // stop() does nothing before the accept loop has started; shutting the
  // socket down makes a loop that starts later return at once.
  void StopEvenIfNotRunning() {
    if (is_running()) {
      stop();
    } else {
      ::shutdown(svr_sock_, SHUT_RDWR);
    }
  }
};

void SendJson(httplib::Response& res, const ApiResponse& api) {
  res.status = api.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(api.body, "application/json; charset=utf-8");
}

void SendAsset(const httplib::Request& req, httplib::Response& res) {
  std::string_view path = req.path;
  if (path == "/") path = "/index.html";
  const Asset* asset = path.empty() ? nullptr : FindAsset(path.substr(1));
  if (asset == nullptr) {
    res.status = 404;
    res.set_content("404: no such page here. The page is at /.\n", "text/plain; charset=utf-8");
    return;
  }
  res.set_header("ETag", std::string(asset->etag));
  // Revalidated on every load (cheap with the ETag), so a rebuilt binary's
  // page is never mixed with a cached older script.
  res.set_header("Cache-Control", "no-cache");
  if (req.get_header_value("If-None-Match") == asset->etag) {
    res.status = 304;
    return;
  }
  res.set_content(std::string(asset->data), std::string(asset->content_type));
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 413:
      return "request body too large";
    case 414:
      return "request URI too long (at most 8 KB)";
    case 416:
      return "range not satisfiable";
    case 431:
      return "request headers too large";
    default:
      return "request refused";
  }
}

}  // namespace

struct HttpServer::Impl {
  IndexHolder* index;
  ServeOptions options;
  Api api;
  LecternHttpServer server;
  int port = 0;
  std::atomic<bool> stopped{false};

  Impl(IndexHolder* index, ServeOptions options)
      : index(index), options(std::move(options)), api(index) {}

  httplib::Server::HandlerResponse Route(const httplib::Request& req, httplib::Response& res) {
    for (const auto& [name, value] : kSecurityHeaders) res.set_header(name, value);
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      SendJson(res, ApiError(405, Status::InvalidArgument("method " + req.method +
                                                          " not allowed: use GET")));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
      SendJson(res, api.Handle(req.path, req.params));
    } else {
      SendAsset(req, res);
    }
    return httplib::Server::HandlerResponse::Handled;
  }
};

HttpServer::HttpServer(IndexHolder* index, ServeOptions options)
    : impl_(std::make_unique<Impl>(index, std::move(options))) {
  httplib::Server& s = impl_->server;
  const size_t max_threads = impl_->options.max_threads;
  s.new_task_queue = [max_threads] { return new GrowingThreadPool(max_threads); };
  s.set_keep_alive_max_count(1000);
  s.set_keep_alive_timeout(5);
  s.set_read_timeout(5);
  s.set_write_timeout(5);
  s.set_payload_max_length(64 * 1024);  // GET only: a body is never needed
  // Every request is routed here, before cpp-httplib's regex routing, whose
  // std::regex matching recurses per character of long paths.
  s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    return impl_->Route(req, res);
  });
  // Errors cpp-httplib answers itself (a malformed request line, a URI over
  // 8 KB, a body too large) get a JSON body like the API's own.
  s.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        for (const auto& [name, value] : kSecurityHeaders) res.set_header(name, value);
        SendJson(res, ApiError(res.status, Status::InvalidArgument(ReasonPhrase(res.status))));
        return httplib::Server::HandlerResponse::Handled;
      }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    SendJson(res, ApiError(500, Status::IOError("internal error")));
  });
  if (impl_->options.log_requests) {
    s.set_logger([](const httplib::Request& req, const httplib::Response& res) {
      std::fprintf(stderr, "%s %s %d\n", req.method.c_str(), req.target.c_str(), res.status);
    });
  }
}

HttpServer::~HttpServer() = default;

Status HttpServer::Bind() {
  const std::string where = impl_->options.host + ":" + std::to_string(impl_->options.port);
  httplib::Server& s = impl_->server;
  if (impl_->options.port == 0) {
    impl_->port = s.bind_to_any_port(impl_->options.host);
    if (impl_->port <= 0) return Status::IOError("cannot listen on " + where);
  } else {
    if (!s.bind_to_port(impl_->options.host, impl_->options.port)) {
      return Status::IOError("cannot listen on " + where + " (in use, or not an address here)");
    }
    impl_->port = impl_->options.port;
  }
  impl_->server.RaiseBacklog(impl_->options.listen_backlog);
  return Status::Ok();
}

int HttpServer::port() const { return impl_->port; }

Status HttpServer::Run() {
  if (!impl_->server.listen_after_bind() && !impl_->stopped) {
    return Status::IOError("the server stopped: accept failed");
  }
  return Status::Ok();
}

void HttpServer::Stop() {
  impl_->stopped = true;
  impl_->server.StopEvenIfNotRunning();
}

}  // namespace lectern
