// A one-line progress meter on stderr (files, MB/s, ETA), drawn only when
// stderr is a terminal and the user did not ask for quiet.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace lectern {

class Progress {
 public:
  // total_files 0: the total is unknown (a crawl); counts without an ETA.
  Progress(std::string label, size_t total_files, size_t total_bytes, bool enabled);
  ~Progress();

  void Advance(size_t bytes);  // one more file of `bytes` done
  void Finish();               // clears the line

  // True when stderr is a terminal.
  static bool StderrIsTerminal();

 private:
  void Draw();

  std::string label_;
  size_t total_files_, total_bytes_;
  size_t files_ = 0, bytes_ = 0;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace lectern
