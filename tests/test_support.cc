#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "base/files.h"
#include "base/utf8.h"
#include "ingest/parse.h"

namespace lectern::testing {

std::string FixturePath(const std::string& relative) {
  return std::string(LECTERN_FIXTURES) + "/" + relative;
}

Briefing MustParse(const std::string& fixture, const std::string& format) {
  Result<Briefing> b = ParseFile(FixturePath(fixture), ParseOptions{format});
  EXPECT_TRUE(b.ok()) << fixture << ": " << b.status().message();
  return b.ok() ? *b : Briefing{};
}

std::string ReadFixture(const std::string& relative) {
  Result<std::string> bytes = ReadFileToString(FixturePath(relative));
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  return bytes.ok() ? *bytes : std::string();
}

std::optional<std::string> CorpusDir() {
  if (const char* env = std::getenv("LECTERN_CORPUS"); env != nullptr && *env != '\0') {
    if (std::filesystem::is_directory(env)) return std::string(env);
    return std::nullopt;
  }
  std::string dir = std::string(LECTERN_SOURCE_DIR) + "/../shared/corpus";
  if (std::filesystem::is_directory(dir)) return dir;
  return std::nullopt;
}

std::vector<std::string> Words(const std::string& text) {
  std::vector<std::string> words;
  std::string current;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c)) {
      current.push_back(static_cast<char>(std::tolower(c)));
      ++i;
      continue;
    }
    if (!current.empty()) words.push_back(std::move(current));
    current.clear();
    size_t start = i;
    char32_t cp = NextCodePoint(text, &i);
    const bool cjk = (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
                     (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                     (cp >= 0x20000 && cp <= 0x2FFFF);
    if (cjk) words.push_back(text.substr(start, i - start));  // one character a word
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

std::vector<std::string> TurnSignatures(const Briefing& b) {
  std::vector<std::string> out;
  for (const Turn& t : b.turns) {
    out.push_back((t.speaker ? *t.speaker : "-") + " | " + std::string(RoleName(t.role)) + " | " +
                  (t.outlet ? *t.outlet : "-") + (t.follow_up ? " | follow-up" : "") + " | " +
                  t.text);
  }
  return out;
}

}  // namespace lectern::testing
