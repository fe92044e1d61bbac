#include "server/server_test_support.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

#include "index/index_writer.h"

namespace lectern::testing {

void BuildSmallIndex(const std::string& dir) {
  auto writer = IndexWriter::Open(dir);
  if (!writer.ok()) std::abort();
  std::vector<Briefing> briefings = {
      MakeBriefing("mfa-china-en-2020-07-24", "2020-07-24",
                   {Question("Will China close the US consulate in Chengdu?", "Reuters"),
                    Answer("The Chengdu consulate decision is a legitimate response.")}),
      MakeBriefing("mfa-china-en-2020-09-07", "2020-09-07",
                   {Question("Some countries restricted visas for students.", "AFP"),
                    Answer("We urge them to stop politicising exchanges.", "Zhao Lijian")}),
      MakeBriefing("mfa-china-zh-2020-07-24", "2020-07-24",
                   {Question("中方是否会关闭美国驻成都总领馆？", "Reuters"),
                    Answer("这是对美方无理行径的正当必要反应。")},
                   "zh")};
  for (const Briefing& b : briefings) {
    if (!(*writer)->Add(b).ok()) std::abort();
  }
  if (!(*writer)->Commit().ok()) std::abort();
}

RawResponse SendRaw(int port, const std::string& request) {
  RawResponse out;
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return out;
  }
  size_t sent = 0;
  while (sent < request.size()) {
    ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early on a request it refuses
    sent += static_cast<size_t>(n);
  }
  std::string raw;
  char buf[8192];
  for (;;) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    raw.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  if (raw.rfind("HTTP/1.1 ", 0) != 0) return out;
  out.status = std::atoi(raw.c_str() + 9);
  size_t end = raw.find("\r\n\r\n");
  out.headers = raw.substr(0, end);
  if (end != std::string::npos) out.body = raw.substr(end + 4);
  return out;
}

RawResponse Get(int port, const std::string& target) {
  return SendRaw(port,
                 "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

}  // namespace lectern::testing
