#include "text/analyzer.h"

#include <gtest/gtest.h>

namespace lectern {
namespace {

std::vector<std::string> Terms(const std::string& text) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze(text, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.term);
  return out;
}

TEST(Analyzer, FoldsCaseAndDropsPunctuation) {
  EXPECT_EQ(Terms("The US, and CHINA!"), (std::vector<std::string>{"the", "us", "and", "china"}));
}

TEST(Analyzer, PossessivesMatchTheirNoun) {
  EXPECT_EQ(Terms("China's position"), (std::vector<std::string>{"china", "position"}));
  EXPECT_EQ(Terms("China’s position"), (std::vector<std::string>{"china", "position"}));
  EXPECT_EQ(Terms("don’t"), Terms("don't"));
  // Contractions are not possessives: "what's" does not match every "what".
  EXPECT_EQ(Terms("What's that’s it's"), (std::vector<std::string>{"what's", "that's", "it's"}));
}

TEST(Analyzer, HyphenatedWordsAreConsecutiveParts) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze("US-China relations", &tokens);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[0].term, "us");
  EXPECT_EQ(tokens[1].term, "china");
  EXPECT_EQ(tokens[1].position, 1u);
  EXPECT_EQ(tokens[2].position, 2u);
}

TEST(Analyzer, PositionsAndByteOffsetsPointIntoTheText) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  const std::string text = "“Cold War” mentality — 冷战思维";
  analyzer.Analyze(text, &tokens);
  ASSERT_GE(tokens.size(), 4u);
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0) {
      EXPECT_EQ(tokens[i].position, tokens[i - 1].position + tokens[i - 1].span);
    }
    EXPECT_LT(tokens[i].begin, tokens[i].end);
    EXPECT_LE(tokens[i].end, text.size());
  }
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Cold");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "mentality");
}

TEST(Analyzer, ChineseIsSplitIntoWordsNotCharacters) {
  std::vector<std::string> terms = Terms("外交部发言人主持例行记者会");
  EXPECT_LT(terms.size(), 13u);  // fewer tokens than characters
  EXPECT_GE(terms.size(), 3u);
  std::string joined;
  for (const std::string& t : terms) joined += t;
  EXPECT_EQ(joined, "外交部发言人主持例行记者会");
}

TEST(Analyzer, NfkcFoldsCompatibilityForms) {
  EXPECT_EQ(Terms("ＡＢＣ"), (std::vector<std::string>{"abc"}));  // full-width letters
  EXPECT_EQ(Terms("Straße"), (std::vector<std::string>{"strasse"}));
  EXPECT_EQ(Terms("２０２０"), (std::vector<std::string>{"2020"}));
}

TEST(Analyzer, NumbersAreWords) {
  EXPECT_EQ(Terms("On July 24, 2020 at 3.5%"),
            (std::vector<std::string>{"on", "july", "24", "2020", "at", "3.5"}));
}

TEST(Analyzer, EmptyAndPunctuationOnly) {
  EXPECT_TRUE(Terms("").empty());
  EXPECT_TRUE(Terms(" — … !").empty());
}

}  // namespace
}  // namespace lectern

namespace lectern {
namespace {

std::vector<std::string> Show(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    std::string term = IsCharacterTerm(t.term) ? "#" + t.term.substr(1) : t.term;
    out.push_back(term + "@" + std::to_string(t.position));
  }
  return out;
}

TEST(AnalyzerCjk, IdeographicWordsCountByCharacter) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.Analyze("冷战思维 and China", &tokens);
  EXPECT_EQ(Show(tokens), (std::vector<std::string>{"冷战@0", "思维@2", "and@4", "china@5"}));
  EXPECT_EQ(tokens[0].span, 2u);
}

TEST(AnalyzerCjk, TheIndexGetsEveryCharacter) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  const std::string text = "天问一号";
  analyzer.AnalyzeForIndex(text, &tokens);
  // ICU splits the name 天|问|一号; the index has its characters regardless.
  EXPECT_EQ(Show(tokens), (std::vector<std::string>{"#天@0", "#问@1", "#一@2", "#号@3"}));
  for (const Token& t : tokens) {
    if (IsCharacterTerm(t.term)) {
      EXPECT_EQ(text.substr(t.begin, t.end - t.begin), t.term.substr(1));
    }
  }
}

TEST(AnalyzerCjk, QueriesAreCharacterPhrases) {
  Analyzer analyzer;
  std::vector<Token> tokens;
  analyzer.AnalyzeForQuery("天问一号 mission", &tokens);
  EXPECT_EQ(Show(tokens),
            (std::vector<std::string>{"#天@0", "#问@1", "#一@2", "#号@3", "mission@4"}));
}

}  // namespace
}  // namespace lectern
