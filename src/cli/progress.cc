#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace lectern {

Progress::Progress(std::string label, size_t total_files, size_t total_bytes, bool enabled)
    : label_(std::move(label)),
      total_files_(total_files),
      total_bytes_(total_bytes),
      enabled_(enabled),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { Finish(); }

bool Progress::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

void Progress::Advance(size_t bytes) {
  ++files_;
  bytes_ += bytes;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100) && files_ < total_files_) return;
  last_draw_ = now;
  Draw();
}

void Progress::Draw() {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double mb = static_cast<double>(bytes_) / 1e6;
  double rate = seconds > 0 ? mb / seconds : 0;
  double eta =
      bytes_ > 0 && total_bytes_ > bytes_
          ? seconds * static_cast<double>(total_bytes_ - bytes_) / static_cast<double>(bytes_)
          : 0;
  if (total_files_ == 0) {  // open-ended (a crawl): a count, no total or ETA
    std::fprintf(stderr, "\r\033[K%s %zu requests  %.1f MB  %.1f MB/s", label_.c_str(), files_, mb,
                 rate);
  } else {
    std::fprintf(stderr, "\r\033[K%s %zu/%zu files  %.1f MB  %.1f MB/s  ETA %.0fs", label_.c_str(),
                 files_, total_files_, mb, rate, eta);
  }
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Finish() {
  if (drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace lectern
