// SkipChunk (position_skip.h) must count a chunk's positions as the full
// scan does, and its window must give the full scan's tokens; and
// IndexTokensBetween, which uses it, the full scan's tokens for every range
// of positions: on English, Chinese, mixed and random text and a sample of
// the shared corpus.
#include "text/position_skip.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "ingest/parse.h"
#include "test_support.h"
#include "text/analyzer.h"
#include "text/word_scanner.h"

namespace lectern {
namespace {

std::string Show(const std::vector<Token>& tokens, bool terms) {
  std::string out;
  for (const Token& t : tokens) {
    if (terms) out += (IsCharacterTerm(t.term) ? "#" + t.term.substr(1) : t.term);
    out += "@" + std::to_string(t.position) + "[" + std::to_string(t.begin) + "," +
           std::to_string(t.end) + ") ";
  }
  return out;
}

// Every chunk SkipChunk accepts: its count is ScanChunk's, and its window,
// for several ranges, gives ScanChunk's tokens in the range.
std::string CheckChunks(const std::string& text) {
  size_t i = 0;
  uint32_t position = 0;
  const size_t n = text.size();
  std::vector<Token> whole, window;
  while (i < n) {
    while (i < n && text_internal::IsAsciiSpace(text[i])) ++i;
    if (i == n) break;
    size_t chunk_end = i;
    whole.clear();
    uint32_t after = position;
    const bool scanned =
        text_internal::ScanChunk(text, i, n, true, true, 0, UINT32_MAX, &after, &whole, &chunk_end);
    text_internal::ChunkSkip skip;
    const bool skipped = text_internal::SkipChunk(text, i, n, position, 0, UINT32_MAX, 0, &skip);
    if (skipped && !scanned) return "SkipChunk accepts a chunk ScanChunk refuses: " + text;
    if (!scanned) {  // ICU's chunk: on to the next one (positions no longer matter)
      while (i < n && !text_internal::IsAsciiSpace(text[i])) ++i;
      continue;
    }
    if (skipped) {
      if (skip.end != chunk_end) return "chunk end differs: " + text;
      if (position + skip.positions != after) return "position count differs: " + text;
      const uint32_t count = skip.positions;
      for (uint32_t a = 0; a <= count + 1; ++a) {
        for (uint32_t b = a; b <= count + 1; b += 1 + count / 7) {
          const uint32_t first = position + a, last = position + b;
          text_internal::ChunkSkip s, known;
          if (!text_internal::SkipChunk(text, i, n, position, first, last, 0, &s) ||
              !text_internal::SkipChunk(text, i, n, position, first, last, chunk_end, &known)) {
            return "SkipChunk refuses a range: " + text;
          }
          if (known.restart != s.restart || known.restart_position != s.restart_position ||
              known.cut != s.cut || known.end != s.end) {
            return "a known chunk end changes the window: " + text;
          }
          window.clear();
          uint32_t at = s.restart_position;
          size_t e = 0;
          if (!text_internal::ScanChunk(text, s.restart, s.cut, true, true, first, last, &at,
                                        &window, &e)) {
            return "the window is refused: " + text;
          }
          std::vector<Token> want;
          for (const Token& t : whole) {
            if (t.position >= first && t.position <= last) want.push_back(t);
          }
          if (Show(window, true) != Show(want, true)) {
            return "window of [" + std::to_string(first) + "," + std::to_string(last) + "] of \"" +
                   text + "\": " + Show(window, true) + " vs " + Show(want, true);
          }
        }
      }
    }
    position = after;
    i = chunk_end;
  }
  return "";
}

// IndexTokensBetween against AnalyzeForIndex for many ranges.
std::string CheckBetween(Analyzer& analyzer, const std::string& text) {
  std::vector<Token> whole, part;
  analyzer.AnalyzeForIndex(text, &whole);
  const uint32_t n = whole.empty() ? 0 : whole.back().position + 1;
  const uint32_t step = 1 + n / 12;
  for (uint32_t first = 0; first <= n + 1; first += step) {
    for (uint32_t last : {first, first + 1, first + 3, first + step, n + 2}) {
      for (bool terms : {false, true}) {
        analyzer.IndexTokensBetween(text, first, last, terms, &part);
        std::vector<Token> want, got;
        for (const Token& t : whole) {
          if (t.position >= first && t.position <= last) want.push_back(t);
        }
        for (const Token& t : part) {
          if (t.position >= first && t.position <= last) got.push_back(t);
        }
        if (Show(got, terms) != Show(want, terms)) {
          return "IndexTokensBetween(\"" + text + "\", " + std::to_string(first) + ", " +
                 std::to_string(last) + ")\n part: " + Show(got, terms) +
                 "\n whole: " + Show(want, terms);
        }
      }
    }
  }
  return "";
}

// A turn's lines in order of position, each scan resuming where the
// previous one left off (as KWIC calls it), against the whole scan.
std::string CheckResumed(Analyzer& analyzer, const std::string& text, uint32_t stride) {
  std::vector<Token> whole, part;
  analyzer.AnalyzeForIndex(text, &whole);
  const uint32_t n = whole.empty() ? 0 : whole.back().position + 1;
  for (bool terms : {false, true}) {
    for (uint32_t width : {0u, 1u, 6u}) {
      Analyzer::ScanResume resume;
      for (uint32_t first = 0; first <= n + 1; first += stride) {
        const uint32_t last = first + width;
        analyzer.IndexTokensBetween(text, first, last, terms, &part, &resume);
        std::vector<Token> want, got;
        for (const Token& t : whole) {
          if (t.position >= first && t.position <= last) want.push_back(t);
        }
        for (const Token& t : part) {
          if (t.position >= first && t.position <= last) got.push_back(t);
        }
        if (Show(got, terms) != Show(want, terms)) {
          return "resumed IndexTokensBetween(\"" + text + "\", " + std::to_string(first) + ", " +
                 std::to_string(last) + ")\n part: " + Show(got, terms) +
                 "\n whole: " + Show(want, terms);
        }
      }
    }
  }
  return "";
}

std::string Check(Analyzer& analyzer, const std::string& text) {
  std::string report = CheckChunks(text);
  if (report.empty()) report = CheckBetween(analyzer, text);
  for (uint32_t stride : {1u, 2u, 5u}) {
    if (report.empty()) report = CheckResumed(analyzer, text, stride);
  }
  return report;
}

TEST(PositionSkip, CountsAsTheScannerOnEnglishChineseAndMixedText) {
  Analyzer analyzer;
  for (const char* text : {
           "",
           "word",
           "The U.S. and China's 1,000.50 dollars, e-mail don't rock'n'roll a_b __ _",
           "CHINA’S it’s don’t what’s ’90s 1’000 a’’b Hong Kong’s’",
           "中方坚决反对美方干涉中国内政。我们敦促美方停止错误做法，维护中美关系大局。",
           "外交部发言人：“一带一路”倡议2013年提出，G20峰会在杭州举行；1，2、3。",
           "中国’s 中’国 a，b 1，2 ab：cd 蓬佩奥·彭斯 a·b x—y …",
           "天问一号 G20峰会 2020年7月 〇 々 丽 𠀀 ひらがな 한국어 café",
           "中\xe4\xb8国 \xe4\xb8 \xff\xfe 中国\xe4\xb7\x80国 \xe3\x90\x80\xe3\x80\x80中",
           "Q: 中国和美国 are talking about 贸易战 and the South China Sea 南海问题。",
           "第一，中方的立场是一贯的、明确的。第二，we hope the U.S. side will 停止。",
       }) {
    EXPECT_EQ(Check(analyzer, text), "");
  }
}

TEST(PositionSkip, CountsAsTheScannerOnRandomText) {
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "7",
                                           "_",
                                           ".",
                                           ",",
                                           ";",
                                           ":",
                                           "'",
                                           "-",
                                           " ",
                                           "\n",
                                           "中",
                                           "国",
                                           "发",
                                           "言",
                                           "人",
                                           "。",
                                           "，",
                                           "：",
                                           "；",
                                           "、",
                                           "“",
                                           "”",
                                           "‘",
                                           "’",
                                           "·",
                                           "—",
                                           "…",
                                           "（",
                                           "）",
                                           "《",
                                           "》",
                                           "！",
                                           "？",
                                           "é",
                                           "ひ",
                                           "Ａ",
                                           "１",
                                           "丽",
                                           "〇",
                                           "𠀀",
                                           "\xe4\xb7\x80",
                                           "\xe3\x90\x80",
                                           "\xe3\x80\x80",
                                           "\xff",
                                           "\xe4\xb8",
                                           "'s",
                                           "U.S.",
                                           "1,000",
                                           "China",
                                           "的"};
  std::mt19937 rng(5);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), length(1, 40);
  Analyzer analyzer;
  int failures = 0;
  for (int round = 0; round < 4000 && failures < 5; ++round) {
    std::string text;
    for (size_t n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    const std::string report = Check(analyzer, text);
    if (!report.empty()) {
      ADD_FAILURE() << report;
      ++failures;
    }
  }
}

TEST(PositionSkip, CountsAsTheScannerOnRandomAsciiText) {
  // English turns are skipped by SkipAsciiChunks: its word rules, with an
  // occasional non-ASCII character to hand a chunk back.
  const std::vector<std::string> pieces = {
      "a", "b", "Z", "7",  "0",  "_", ".",   ",",    ";",     ":",      "'", "-", "(", ")",
      " ", " ", " ", "\n", "\t", "s", "The", "U.S.", "1,000", "e-mail", "’", "é", "中"};
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), length(1, 40);
  std::uniform_int_distribution<size_t> ascii_only(0, pieces.size() - 4);
  Analyzer analyzer;
  int failures = 0;
  for (int round = 0; round < 6000 && failures < 5; ++round) {
    std::string text;
    const bool pure = round % 2 == 0;
    for (size_t n = length(rng); n > 0; --n) text += pieces[pure ? ascii_only(rng) : pick(rng)];
    const std::string report = Check(analyzer, text);
    if (!report.empty()) {
      ADD_FAILURE() << report;
      ++failures;
    }
  }
}

TEST(PositionSkip, CountsAsTheScannerOnTheSharedCorpus) {
  std::optional<std::string> corpus = testing::CorpusDir();
  if (!corpus) GTEST_SKIP() << "shared corpus not found";
  Analyzer analyzer;
  size_t turns = 0;
  for (const char* folder : {"mfa-en-html", "mfa-zh-html-2016", "mfa-zh-html-2020"}) {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(*corpus + "/" + folder)) {
      if (entry.path().extension() != ".tsv") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (size_t i = 0; i < paths.size(); i += 20) {
      Result<Briefing> b = ParseFile(paths[i].string(), ParseOptions{});
      if (!b.ok()) continue;
      for (const Turn& turn : b->turns) {
        ++turns;
        ASSERT_EQ(CheckBetween(analyzer, turn.text), "") << paths[i];
        ASSERT_EQ(CheckResumed(analyzer, turn.text, 3 + turns % 17), "") << paths[i];
      }
    }
  }
  EXPECT_GT(turns, 1000u);
}

}  // namespace
}  // namespace lectern
