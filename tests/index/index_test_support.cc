#include "index/index_test_support.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace lectern::testing {

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "lectern-test-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  path_ = made != nullptr ? made : pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

Turn Question(const std::string& text, const std::string& outlet) {
  Turn t;
  t.role = Role::kQuestion;
  if (!outlet.empty()) t.outlet = outlet;
  t.text = text;
  return t;
}

Turn Answer(const std::string& text, const std::string& speaker) {
  Turn t;
  t.role = Role::kAnswer;
  t.speaker = speaker;
  t.text = text;
  return t;
}

Briefing MakeBriefing(const std::string& id, const std::string& date,
                      const std::vector<Turn>& turns, const std::string& language) {
  Briefing b;
  b.id = id;
  b.institution = "mfa-china";
  b.language = language;
  if (!date.empty()) b.date = date;
  b.title = "Regular Press Conference " + id;
  b.kind = "regular-press-conference";
  b.source = id + ".html";
  b.turns = turns;
  for (const Turn& t : turns) {
    if (t.role == Role::kAnswer && t.speaker &&
        std::find(b.spokespersons.begin(), b.spokespersons.end(), *t.speaker) ==
            b.spokespersons.end()) {
      b.spokespersons.push_back(*t.speaker);
    }
  }
  for (int i = 0; i < static_cast<int>(turns.size()); ++i) {
    if (turns[i].role != Role::kQuestion) continue;
    Exchange e;
    e.question.push_back(i);
    for (int j = i + 1; j < static_cast<int>(turns.size()) && turns[j].role == Role::kAnswer; ++j) {
      e.answer.push_back(j);
    }
    b.exchanges.push_back(e);
  }
  return b;
}

std::vector<Briefing> RandomBriefings(size_t count, uint32_t seed) {
  static const std::vector<std::string> kWords = {
      "china",  "us",   "trade", "cold",      "war",     "mentality", "sovereignty", "taiwan",
      "hong",   "kong", "talks", "the",       "of",      "peace",     "cooperation", "firmly",
      "oppose", "urge", "side",  "relations", "China's", "US-China",  "consulate",   "Chengdu"};
  static const std::vector<std::string> kOutlets = {"", "Reuters", "AFP", "Bloomberg", "CCTV"};
  static const std::vector<std::string> kSpeakers = {"Wang Wenbin", "Hua Chunying", "Zhao Lijian"};
  std::mt19937 rng(seed);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  std::vector<Briefing> out;
  for (size_t i = 0; i < count; ++i) {
    std::vector<Turn> turns;
    const std::string speaker = pick(kSpeakers);
    for (int e = 0; e < 1 + static_cast<int>(rng() % 4); ++e) {
      for (bool question : {true, false}) {
        std::string text;
        const int words = 3 + static_cast<int>(rng() % 14);
        for (int w = 0; w < words; ++w) text += (w ? " " : "") + pick(kWords);
        turns.push_back(question ? Question(text + "?", pick(kOutlets))
                                 : Answer(text + ".", speaker));
      }
    }
    char date[16];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 18 + static_cast<int>(rng() % 3),
                  1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
    out.push_back(MakeBriefing("b" + std::to_string(i), date, turns));
  }
  return out;
}

}  // namespace lectern::testing
