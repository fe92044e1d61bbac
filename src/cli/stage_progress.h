// A one-line progress meter for analyses that run in stages ("reading
// briefings 812/2419"), on stderr, drawn only when stderr is a terminal and
// the user did not ask for quiet; cleared when done.
#pragma once

#include <chrono>
#include <cstdio>
#include <string_view>

#include "cli/progress.h"

namespace lectern {

class StageProgress {
 public:
  StageProgress(const char* label, bool enabled)
      : label_(label), enabled_(enabled && Progress::StderrIsTerminal()) {}
  ~StageProgress() { Finish(); }

  void operator()(std::string_view stage, size_t done, size_t total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && stage == last_stage_ && done < total &&
        now - last_ < std::chrono::milliseconds(100)) {
      return;
    }
    last_ = now;
    last_stage_ = stage;
    std::fprintf(stderr, "\r\033[K%s: %.*s %zu/%zu", label_, static_cast<int>(stage.size()),
                 stage.data(), done, total);
    std::fflush(stderr);
    drawn_ = true;
  }

  void Finish() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }

 private:
  const char* label_;
  bool enabled_;
  bool drawn_ = false;
  std::string_view last_stage_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace lectern
