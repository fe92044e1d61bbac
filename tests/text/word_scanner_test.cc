// The fast path (word_scanner.h) must give exactly ICU's tokens, and the
// partial scan KWIC uses (IndexTokensBetween) exactly the whole scan's:
// checked on tricky strings, on random text built from the characters the
// fast path models and their neighbours, and on every turn of a sample of
// the shared corpus.
#include "text/word_scanner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "ingest/parse.h"
#include "test_support.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

std::string Describe(const std::vector<Token>& tokens) {
  std::string out;
  for (const Token& t : tokens) {
    out += (IsCharacterTerm(t.term) ? "#" + t.term.substr(1) : t.term) + "@" +
           std::to_string(t.position) + "+" + std::to_string(t.span) + "[" +
           std::to_string(t.begin) + "," + std::to_string(t.end) + ") ";
  }
  return out;
}

std::string DescribeOffsets(const std::vector<Token>& tokens, uint32_t last) {
  std::string out;
  for (const Token& t : tokens) {
    if (t.position > last) break;
    out += std::to_string(t.position) + "[" + std::to_string(t.begin) + "," +
           std::to_string(t.end) + ") ";
  }
  return out;
}

// IndexTokensBetween (KWIC's partial scan) must give AnalyzeForIndex's
// tokens from `first` through `last`: same positions and offsets, and terms
// if asked.
std::string ComparePartial(Analyzer& fast, const std::string& text,
                           const std::vector<Token>& whole) {
  std::vector<Token> part;
  const uint32_t n = whole.empty() ? 0 : whole.back().position + 1;
  const std::vector<std::pair<uint32_t, uint32_t>> ranges = {
      {0, 0},         {0, 1},    {0, n / 3}, {n / 4, n / 2}, {1, n > 0 ? n - 1 : 0},
      {n / 2, n + 5}, {n, n + 2}};
  for (const auto& [first, last] : ranges) {
    for (bool terms : {false, true}) {
      fast.IndexTokensBetween(text, first, last, terms, &part);
      std::vector<Token> want, got;
      for (const Token& t : whole) {
        if (t.position >= first && t.position <= last) want.push_back(t);
      }
      for (const Token& t : part) {
        if (t.position >= first && t.position <= last) got.push_back(t);
      }
      const bool same = terms ? Describe(got) == Describe(want)
                              : DescribeOffsets(got, last) == DescribeOffsets(want, last);
      if (!same) {
        return "IndexTokensBetween(\"" + text + "\", " + std::to_string(first) + ", " +
               std::to_string(last) + (terms ? ", terms" : "") + ")\n part: " + Describe(got) +
               "\n whole: " + Describe(want);
      }
    }
  }
  return "";
}

// The index builder's way in (AnalyzeForIndex to a sink) must hand over
// the same terms at the same positions and byte offsets as
// AnalyzeForIndex's tokens, and count the same positions.
struct CollectingSink final : IndexTermSink {
  std::string seen;
  void Term(std::string_view term, uint32_t position, uint32_t begin, uint32_t end) override {
    seen += (IsCharacterTerm(term) ? "#" + std::string(term.substr(1)) : std::string(term)) + "@" +
            std::to_string(position) + "[" + std::to_string(begin) + "," + std::to_string(end) +
            ") ";
  }
  void Ideograph(char16_t ideograph, uint32_t position, uint32_t begin) override {
    std::string utf8 = {static_cast<char>(0xE0 | (ideograph >> 12)),
                        static_cast<char>(0x80 | ((ideograph >> 6) & 0x3F)),
                        static_cast<char>(0x80 | (ideograph & 0x3F))};
    Term(CharacterTerm(utf8), position, begin, begin + 3);
  }
};

std::string CompareSink(Analyzer& analyzer, const std::string& text,
                        const std::vector<Token>& tokens) {
  std::string want;
  for (const Token& t : tokens) {
    want += (IsCharacterTerm(t.term) ? "#" + t.term.substr(1) : t.term) + "@" +
            std::to_string(t.position) + "[" + std::to_string(t.begin) + "," +
            std::to_string(t.end) + ") ";
  }
  CollectingSink sink;
  const uint32_t length = analyzer.AnalyzeForIndex(text, &sink);
  const uint32_t want_length = tokens.empty() ? 0 : tokens.back().position + tokens.back().span;
  if (sink.seen == want && length == want_length) return "";
  return "AnalyzeForIndex(\"" + text + "\", sink)\n sink: " + sink.seen + " (" +
         std::to_string(length) + " positions)\n want: " + want + " (" +
         std::to_string(want_length) + ")";
}

// Compares the fast path with ICU alone, in both modes, the sink with the
// tokens, and the partial scan with the whole; returns "" or a report.
std::string Compare(Analyzer& fast, Analyzer& icu, const std::string& text) {
  std::vector<Token> a, b;
  fast.Analyze(text, &a);
  icu.Analyze(text, &b);
  if (Describe(a) != Describe(b)) {
    return "Analyze(\"" + text + "\")\n fast: " + Describe(a) + "\n  icu: " + Describe(b);
  }
  fast.AnalyzeForIndex(text, &a);
  icu.AnalyzeForIndex(text, &b);
  if (Describe(a) != Describe(b)) {
    return "AnalyzeForIndex(\"" + text + "\")\n fast: " + Describe(a) + "\n  icu: " + Describe(b);
  }
  if (std::string report = CompareSink(fast, text, a); !report.empty()) return report;
  if (std::string report = CompareSink(icu, text, b); !report.empty()) return report;
  return ComparePartial(fast, text, a);
}

TEST(WordScanner, AgreesWithIcuOnTrickyCases) {
  Analyzer fast(true), icu(false);
  for (const char* text : {
           "U.S. and U.K.",
           "1,000.50 dollars",
           "3.5% of 2,000",
           "e-mail",
           "don't",
           "can't’s",
           "China's",
           "China’s",
           "CHINA’S it’s don’t what’s ’90s 1’000 a’’b Hong Kong’s’ rock’n’roll U.S.’s a’1 1’a",
           "中国’s 中’国 ’ ’’ a’ ’a",
           "rock'n'roll",
           "a:b",
           "_",
           "__",
           "_a",
           "a_",
           "1_",
           "foo_bar",
           "1'000",
           "a.1",
           "1.a",
           "'s",
           "s'",
           "...",
           "a..b",
           "a.,b",
           "G20峰会",
           "2020年7月",
           "中方，美方",
           "a，b",
           "1，2",
           "“冷战”思维",
           "（北京）",
           "外交部：",
           "ab：cd",
           "·",
           "蓬佩奥·彭斯",
           "a·b",
           "—",
           "x—y",
           "…",
           "Q: Thanks.",
           "A:",
           "\tTab\nNew\rline",
           "café",
           "naïve",
           "ＡＢＣ",
           "２０２０",
           "天问一号",
           "ひらがな",
           "カタカナ",
           "한국어",
           "a\xcc\x81",
           " \xcc\x81x",
           "x \xcc\x81y",
           "🇨🇳🇺🇸",
           "\xef\xbb\xbftext",
           "\xff\xfe bad",
           "\xe4\xb8",
           "中\xe4\xb8国",
           "〇",
           "々",
           "丽",
           "𠀀",
           "A1B2",
           "1st",
           "9/11",
           "24/7",
       }) {
    EXPECT_EQ(Compare(fast, icu, text), "");
  }
}

TEST(WordScanner, AgreesWithIcuOnEveryAsciiCharacterBetweenNeighbours) {
  Analyzer fast(true), icu(false);
  const std::vector<std::string> sides = {"", "a", "Z", "1", "_", ".", "'", " ", "中"};
  for (int c = 1; c < 128; ++c) {
    const std::string middle(1, static_cast<char>(c));
    for (const std::string& left : sides) {
      for (const std::string& right : sides) {
        for (const std::string& text :
             {left + middle + right, left + middle + middle + right, middle + left + middle}) {
          ASSERT_EQ(Compare(fast, icu, text), "") << "character " << c;
        }
      }
    }
  }
}

TEST(WordScanner, AgreesWithIcuOnRandomText) {
  // Pieces chosen to exercise every rule the fast path models and the
  // boundaries where it must hand over to ICU.
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           "q",
                                           "7",
                                           "0",
                                           "_",
                                           ".",
                                           ",",
                                           ";",
                                           ":",
                                           "'",
                                           "-",
                                           "/",
                                           "%",
                                           "(",
                                           ")",
                                           " ",
                                           " ",
                                           "\n",
                                           "\t",
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
                                           "\xcc\x81",
                                           "ひ",
                                           "カ",
                                           "한",
                                           "Ａ",
                                           "１",
                                           "\xe2\x80\x8b",
                                           "\xc2\xa0",
                                           "\xe3\x80\x80",
                                           "﹐",
                                           "．",
                                           "＇",
                                           "丽",
                                           "〇",
                                           "𠀀",
                                           "\xff",
                                           "s",
                                           "'s",
                                           "U.S.",
                                           "1,000"};
  std::mt19937 rng(20261128);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), length(1, 24);
  Analyzer fast(true), icu(false);
  int failures = 0;
  for (int round = 0; round < 20000 && failures < 5; ++round) {
    std::string text;
    for (size_t n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    const std::string report = Compare(fast, icu, text);
    if (!report.empty()) {
      ADD_FAILURE() << report;
      ++failures;
    }
  }
}

TEST(WordScanner, AgreesWithIcuOnTheSharedCorpus) {
  std::optional<std::string> corpus = testing::CorpusDir();
  if (!corpus) GTEST_SKIP() << "shared corpus not found";
  Analyzer fast(true), icu(false);
  size_t turns = 0, files = 0;
  for (const char* folder :
       {"mfa-en-html", "mfa-zh-html-2016", "mfa-zh-html-2020", "whitehouse-html"}) {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(*corpus + "/" + folder)) {
      if (entry.path().extension() != ".tsv") paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (size_t i = 0; i < paths.size(); i += 10) {  // a tenth keeps the test quick
      Result<Briefing> b = ParseFile(paths[i].string(), ParseOptions{});
      if (!b.ok()) continue;
      ++files;
      for (const Turn& turn : b->turns) {
        ++turns;
        const std::string report = Compare(fast, icu, turn.text);
        ASSERT_EQ(report, "") << paths[i];
      }
    }
  }
  EXPECT_GT(files, 100u);
  EXPECT_GT(turns, 5000u);
}

}  // namespace
}  // namespace lectern
