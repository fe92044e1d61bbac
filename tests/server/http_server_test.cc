// The server over real sockets: the page, the API's status codes, abuse
// (malformed and oversized requests, path traversal in every encoding),
// after which it must still serve; and the loopback-only default.
#include "server/http_server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/server_test_support.h"

namespace lectern {
namespace {

using testing::Get;
using testing::SendRaw;

class HttpServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::BuildSmallIndex(dir_.path());
    auto holder = IndexHolder::Open(dir_.path());
    ASSERT_TRUE(holder.ok());
    holder_ = std::move(holder).value();
    ServeOptions options;
    options.port = 0;
    options.max_threads = 64;
    server_ = std::make_unique<HttpServer>(holder_.get(), options);
    ASSERT_TRUE(server_->Bind().ok());
    port_ = server_->port();
    thread_ = std::thread([this] { run_status_ = server_->Run(); });
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
    EXPECT_TRUE(run_status_.ok()) << run_status_.message();
  }
  void ExpectStillServing() {
    testing::RawResponse r = Get(port_, "/api/search?q=visas");
    EXPECT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("\"total_turns\":1"), std::string::npos) << r.body;
  }

  testing::TempDir dir_;
  std::unique_ptr<IndexHolder> holder_;
  std::unique_ptr<HttpServer> server_;
  std::thread thread_;
  Status run_status_;
  int port_ = 0;
};

TEST(ServeOptions, BindsLoopbackByDefault) { EXPECT_EQ(ServeOptions().host, "127.0.0.1"); }

TEST_F(HttpServerTest, ServesThePageFromTheBinary) {
  testing::RawResponse page = Get(port_, "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.headers.find("text/html"), std::string::npos);
  EXPECT_NE(page.body.find("js/app.js"), std::string::npos);
  EXPECT_NE(page.headers.find("Content-Security-Policy"), std::string::npos);
  testing::RawResponse js = Get(port_, "/js/app.js");
  ASSERT_EQ(js.status, 200);
  EXPECT_NE(js.headers.find("text/javascript"), std::string::npos);
  // A conditional request with the ETag is answered 304, without a body.
  size_t at = js.headers.find("ETag: ");
  ASSERT_NE(at, std::string::npos);
  std::string etag = js.headers.substr(at + 6, js.headers.find("\r\n", at) - at - 6);
  testing::RawResponse again =
      SendRaw(port_, "GET /js/app.js HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag +
                         "\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(HttpServerTest, ApiErrorsAreJsonWithStatus) {
  testing::RawResponse bad = Get(port_, "/api/search?q=%22unclosed");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.headers.find("application/json"), std::string::npos);
  auto j = nlohmann::json::parse(bad.body);
  EXPECT_EQ(j["column"], 1);
  EXPECT_EQ(Get(port_, "/api/briefings/nope").status, 404);
  EXPECT_EQ(Get(port_, "/api/stats").status, 200);
  EXPECT_EQ(Get(port_, "/no-such-page").status, 404);
}

TEST_F(HttpServerTest, PathTraversalIsRefusedInEveryEncoding) {
  const char* attempts[] = {
      "/../CMakeLists.txt",
      "/../../../../etc/passwd",
      "/js/../../CMakeLists.txt",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
      "/..%2f..%2fetc%2fpasswd",
      "/%252e%252e%252fetc%252fpasswd",
      "/%25252e%25252e/etc/passwd",
      "/.%2e/.%2e/etc/passwd",
      "/..\\..\\etc\\passwd",
      "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
      "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
      "/%e0%80%ae%e0%80%ae/etc/passwd",
      "//etc/passwd",
      "/etc/passwd",
      "/index.html%00.js",
      "/./index.html/../../CURRENT",
      "/api/briefings/../../CURRENT",
      "/api/briefings/%2e%2e%2fCURRENT",
      "/api/../CURRENT",
      "/CURRENT",
      "/web/index.html",
  };
  for (const char* path : attempts) {
    testing::RawResponse r = Get(port_, path);
    EXPECT_GE(r.status, 400) << path;
    EXPECT_LT(r.status, 500) << path;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("MANIFEST"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("cmake_minimum_required"), std::string::npos) << path;
  }
  ExpectStillServing();
}

TEST_F(HttpServerTest, MalformedAndOversizedRequestsAre4xx) {
  struct Case {
    std::string request;
    const char* what;
  };
  const std::vector<Case> cases = {
      {"GARBAGE\r\n\r\n", "no request line"},
      {"GET\r\n\r\n", "no target"},
      {"GET / HTTP/9.9\r\n\r\n", "unknown version"},
      {"GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", "URI over 8 KB"},
      {"GET /api/search?q=" + std::string(7000, 'a') +
           " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
       "query over the API's limit"},
      {"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: "
       "close\r\n\r\nhello",
       "POST"},
      {"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\nConnection: close\r\n\r\n" +
           std::string(100000, 'x'),
       "huge body"},
      {"DELETE /api/briefings/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "DELETE"},
      {"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100000, 'h') + "\r\n\r\n",
       "header too big"},
      {"GET /api/search?q=%zz%%% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "bad escapes"},
      {"GET /api/search?limit=5&q=a&limit=abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
       "repeated parameter"},
  };
  for (const Case& c : cases) {
    testing::RawResponse r = SendRaw(port_, c.request);
    // A request the server cannot even read may just be closed; anything it
    // answers must be a 4xx, or a 200 for the bad-escapes and repeated cases.
    if (r.status != 0) {
      EXPECT_LT(r.status, 500) << c.what;
    }
  }
  EXPECT_EQ(SendRaw(port_, cases[4].request).status, 400);
  EXPECT_EQ(SendRaw(port_, cases[5].request).status, 405);
  testing::RawResponse head =
      SendRaw(port_, "HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(head.status, 200);
  ExpectStillServing();
}

TEST_F(HttpServerTest, ManyConcurrentClients) {
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 32; ++c) {
    clients.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        if (Get(port_, "/api/search?q=consulate").status == 200) ++ok;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(ok, 320);
}

TEST_F(HttpServerTest, DoesNotListenOnOtherInterfaces) {
  // The default host is loopback; a server bound there is not reachable
  // through this machine's other addresses.
  ifaddrs* list = nullptr;
  ASSERT_EQ(getifaddrs(&list), 0);
  int tried = 0;
  for (ifaddrs* a = list; a != nullptr; a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    sockaddr_in addr = *reinterpret_cast<sockaddr_in*>(a->ifa_addr);
    if ((ntohl(addr.sin_addr.s_addr) >> 24) == 127) continue;
    addr.sin_port = htons(static_cast<uint16_t>(port_));
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    EXPECT_NE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0) << a->ifa_name;
    ::close(fd);
    ++tried;
  }
  freeifaddrs(list);
  if (tried == 0) GTEST_SKIP() << "no non-loopback IPv4 address here";
}

}  // namespace
}  // namespace lectern
