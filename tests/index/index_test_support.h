// Building small indexes for tests: invented briefings and a temp directory.
#pragma once

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "model/briefing.h"

namespace lectern::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A briefing with the given turns; exchanges pair each question with the
// answers after it.
Briefing MakeBriefing(const std::string& id, const std::string& date,
                      const std::vector<Turn>& turns, const std::string& language = "en");

Turn Question(const std::string& text, const std::string& outlet = "");
Turn Answer(const std::string& text, const std::string& speaker = "Wang Wenbin");

// `count` random briefings over a small vocabulary (so that words, phrases
// and filters all have many matches), deterministic for a seed.
std::vector<Briefing> RandomBriefings(size_t count, uint32_t seed);

}  // namespace lectern::testing
