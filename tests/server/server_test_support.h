// Shared by the server tests: a small index of invented briefings, and raw
// HTTP requests over a socket (so that paths reach the server byte for byte,
// as an attacker would send them, not as a client library would clean them).
#pragma once

#include <string>

#include "index/index_test_support.h"

namespace lectern::testing {

// Three invented briefings (one Chinese) committed to `dir`.
void BuildSmallIndex(const std::string& dir);

struct RawResponse {
  int status = 0;  // 0: no HTTP response (connection closed or refused)
  std::string headers, body;
};

// Sends `request` as is to 127.0.0.1:port and reads until the server closes.
RawResponse SendRaw(int port, const std::string& request);

// GET `target` with Connection: close.
RawResponse Get(int port, const std::string& target);

}  // namespace lectern::testing
