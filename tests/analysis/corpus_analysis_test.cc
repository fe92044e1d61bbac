// KWIC, trend, collocates, n-grams, keyness and export checked against
// brute-force counts over the parsed text: on generated briefings, and on
// the shared corpus when it is there.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "analysis/analysis_test_support.h"
#include "analysis/collocates.h"
#include "analysis/csv.h"
#include "analysis/export.h"
#include "analysis/keyness.h"
#include "analysis/kwic.h"
#include "analysis/ngrams.h"
#include "analysis/trend.h"
#include "analysis/trend_svg.h"
#include "base/dates.h"
#include "index/index_test_support.h"
#include "ingest/parse.h"
#include "test_support.h"
#include "text/analyzer.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::BruteForcePhrase;
using testing::BuildIndex;
using testing::CountByMonth;
using testing::MakeBriefing;
using testing::Question;
using testing::RandomBriefings;
using testing::TempDir;

void CheckAgainstBruteForce(const Index& index, const std::vector<Briefing>& briefings,
                            const std::vector<std::string>& phrases) {
  for (const std::string& phrase : phrases) {
    TrendOptions options;
    options.queries = {"\"" + phrase + "\""};
    auto trend = Trend(index, options);
    ASSERT_TRUE(trend.ok()) << trend.status().message();
    std::map<std::string, uint64_t> got;
    for (const TrendCell& c : trend->cells) {
      if (c.counts[0]) got[c.period] = c.counts[0];
    }
    const auto expected = CountByMonth(briefings, phrase);
    EXPECT_EQ(got, expected) << phrase;
    uint64_t total = 0;
    for (const auto& [p, n] : expected) total += n;
    EXPECT_EQ(trend->totals[0], total) << phrase;

    KwicOptions k;
    k.query = "\"" + phrase + "\"";
    auto kwic = Kwic(index, k);
    ASSERT_TRUE(kwic.ok()) << kwic.status().message();
    uint64_t all = 0;  // undated briefings too: trend leaves them out, KWIC does not
    for (const Briefing& b : briefings) {
      for (const Turn& t : b.turns) all += BruteForcePhrase(t.text, phrase).size();
    }
    EXPECT_EQ(kwic->total_matches, all) << phrase;
    EXPECT_EQ(kwic->lines.size(), all) << phrase;
    Analyzer analyzer;
    for (const KwicLine& l : kwic->lines) {
      std::vector<Token> a, b;
      analyzer.Analyze(l.match, &a);
      analyzer.Analyze(phrase, &b);
      ASSERT_EQ(a.size(), b.size()) << l.match;
      for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].term, b[i].term) << l.match;
    }
  }
}

TEST(CorpusAnalysis, KwicAndTrendCountWhatABruteForceScanFinds) {
  TempDir dir;
  auto briefings = RandomBriefings(400, 11);
  auto index = BuildIndex(dir.path(), briefings, 3);
  ASSERT_NE(index, nullptr);
  CheckAgainstBruteForce(
      *index, briefings,
      {"china", "cold war", "cold war mentality", "us china", "firmly oppose", "the"});
}

TEST(CorpusAnalysis, TrendTokensPerPeriodAndGroupsAddUp) {
  TempDir dir;
  auto briefings = RandomBriefings(200, 3);
  auto index = BuildIndex(dir.path(), briefings, 2);
  ASSERT_NE(index, nullptr);
  TrendOptions options;
  options.queries = {"china", "\"cold war\""};
  options.by = TrendOptions::By::kQuarter;
  options.per = TrendOptions::Per::kSpeaker;
  auto trend = Trend(*index, options);
  ASSERT_TRUE(trend.ok());
  uint64_t tokens = 0, china = 0;
  for (const TrendCell& c : trend->cells) {
    tokens += c.tokens;
    china += c.counts[0];
    if (c.tokens) {
      EXPECT_NEAR(c.per_10k[0], c.counts[0] * 10000.0 / c.tokens, 1e-9);
    }
  }
  EXPECT_EQ(tokens, index->live_tokens());
  EXPECT_EQ(china, trend->totals[0]);
  EXPECT_EQ(trend->periods.front(), "2018-Q1");
  EXPECT_EQ(trend->periods.back(), "2020-Q4");
  EXPECT_EQ(trend->periods.size(), 12u);

  const std::string svg = TrendToSvg(*trend, TrendPlotOptions{});
  EXPECT_EQ(svg.rfind("<?xml", 0), 0u);
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  // One series per (query, speaker), each with one point per period.
  size_t series = 0;
  for (size_t at = svg.find("class=\"series\""); at != std::string::npos;
       at = svg.find("class=\"series\"", at + 1)) {
    ++series;
    const size_t pts = svg.find("points=\"", at) + 8;
    const std::string points = svg.substr(pts, svg.find('"', pts) - pts);
    EXPECT_EQ(std::count(points.begin(), points.end(), ',') + 0u, trend->periods.size());
  }
  EXPECT_EQ(series, std::min<size_t>(8, 2 * trend->groups.size()));
  EXPECT_NE(svg.find("data-label=\"china — Wang Wenbin\""), std::string::npos);
  // Balanced tags (a well-formedness smoke check: every <g> closes).
  auto count = [&](const std::string& s) {
    size_t n = 0;
    for (size_t at = svg.find(s); at != std::string::npos; at = svg.find(s, at + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("<g "), count("</g>"));
  EXPECT_EQ(count("<text"), count("</text>"));
}

TEST(CorpusAnalysis, CollocatesCountWindowsByHand) {
  TempDir dir;
  auto index = BuildIndex(
      dir.path(),
      {MakeBriefing("b1", "2020-01-02",
                    {Answer("we defend sovereignty and territorial integrity firmly"),
                     Answer("national sovereignty matters and integrity matters")}),
       MakeBriefing("b2", "2020-02-03", {Answer("territorial claims are not sovereignty")})});
  ASSERT_NE(index, nullptr);
  CollocatesOptions options;
  options.node = "sovereignty";
  options.left = 2;
  options.right = 2;
  options.min_freq = 1;
  options.limit = 0;
  auto r = Collocates(*index, options);
  ASSERT_TRUE(r.ok()) << r.status().message();
  // Windows: [we defend] _ [and territorial], [national] _ [matters and]
  // (the turn starts one word before), [are not] _ (turn ends): 4 + 3 + 2.
  EXPECT_EQ(r->node_frequency, 3u);
  EXPECT_EQ(r->window_tokens, 9u);
  EXPECT_EQ(r->corpus_tokens, 7u + 6u + 5u);
  std::map<std::string, Collocate> by;
  for (const Collocate& c : r->collocates) by[c.term] = c;
  ASSERT_TRUE(by.count("and"));
  EXPECT_EQ(by["and"].observed, 2u);
  EXPECT_EQ(by["and"].frequency, 2u);
  EXPECT_NEAR(by["and"].expected, 9.0 * 2 / 18, 1e-12);  // R1 C1 / N
  EXPECT_EQ(by["territorial"].observed, 1u);
  EXPECT_EQ(by["territorial"].right, 1u);
  EXPECT_EQ(by["territorial"].frequency, 2u);
  EXPECT_FALSE(by.count("integrity"));  // three words right: outside the window
  EXPECT_NEAR(by["and"].log_dice, 14 + std::log2(2.0 * 2 / (3 + 2)), 1e-9);
}

TEST(CorpusAnalysis, NgramsAndKeynessCountWhatTheTextHolds) {
  TempDir dir;
  auto briefings = RandomBriefings(150, 5);
  auto index = BuildIndex(dir.path(), briefings, 2);
  ASSERT_NE(index, nullptr);
  // Brute force: bigrams and briefings holding them, over analysed words.
  Analyzer analyzer;
  std::map<std::string, uint64_t> bigrams, words_wang, words_other;
  std::map<std::string, std::set<std::string>> in_briefings;
  uint64_t wang_tokens = 0, other_tokens = 0;
  for (const Briefing& b : briefings) {
    for (const Turn& t : b.turns) {
      std::vector<Token> tokens;
      analyzer.Analyze(t.text, &tokens);
      for (size_t i = 0; i + 1 < tokens.size(); ++i) {
        const std::string g = tokens[i].term + " " + tokens[i + 1].term;
        ++bigrams[g];
        in_briefings[g].insert(b.id);
      }
      const bool wang = t.speaker && *t.speaker == "Wang Wenbin";
      for (const Token& tk : tokens) ++(wang ? words_wang : words_other)[tk.term];
      (wang ? wang_tokens : other_tokens) += tokens.size();
    }
  }
  NgramsOptions options;
  options.min_freq = 1;
  options.limit = 0;
  auto r = Ngrams(*index, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ngrams.size(), bigrams.size());
  for (const Ngram& g : r->ngrams) {
    EXPECT_EQ(g.count, bigrams[g.text]) << g.text;
    EXPECT_EQ(g.briefings, in_briefings[g.text].size()) << g.text;
  }

  KeynessOptions k;
  k.target = "speaker:\"Wang Wenbin\"";
  k.min_freq = 1;
  k.limit = 0;
  auto key = Keyness(*index, k);
  ASSERT_TRUE(key.ok()) << key.status().message();
  EXPECT_EQ(key->target_tokens, wang_tokens);
  EXPECT_EQ(key->reference_tokens, other_tokens);
  for (const auto* side : {&key->over, &key->under}) {
    for (const KeyItem& item : *side) {
      EXPECT_EQ(item.target, words_wang[item.text]) << item.text;
      EXPECT_EQ(item.reference, words_other[item.text]) << item.text;
    }
  }
  EXPECT_GT(key->over.size() + key->under.size(), 10u);
}

// A minimal RFC 4180 reader: the test's independent check of the writer.
std::vector<std::vector<std::string>> ReadCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
    any = true;
  }
  if (any) rows.pop_back();  // after the last CRLF
  return rows;
}

TEST(CorpusAnalysis, ExportCsvRoundTripsQuotesNewlinesAndBom) {
  TempDir dir;
  const std::string tricky = "He said \"no, never\",\nthen left.\r\nAnd 中文, too.";
  auto index = BuildIndex(
      dir.path(),
      {MakeBriefing("b1", "2020-01-02",
                    {Question(tricky, "Reuters"), Answer("Plain answer, with a comma")})});
  ASSERT_NE(index, nullptr);
  for (auto unit : {ExportOptions::Unit::kTurn, ExportOptions::Unit::kExchange,
                    ExportOptions::Unit::kBriefing}) {
    ExportOptions options;
    options.unit = unit;
    const auto columns = ExportColumns(unit);
    std::string csv(kUtf8Bom);
    csv += CsvRecord(columns);
    std::vector<std::vector<std::string>> expected = {columns};
    ASSERT_TRUE(Export(*index, options, [&](const std::vector<ExportField>& row) {
                  std::vector<std::string> fields;
                  for (const ExportField& f : row) fields.push_back(f.value.value_or(""));
                  csv += CsvRecord(fields);
                  expected.push_back(fields);
                }).ok());
    ASSERT_EQ(csv.substr(0, 3), kUtf8Bom);
    EXPECT_EQ(ReadCsv(csv.substr(3)), expected);
  }
  ExportOptions options;
  std::vector<std::vector<ExportField>> rows;
  ASSERT_TRUE(
      Export(*index, options, [&](const std::vector<ExportField>& r) { rows.push_back(r); }).ok());
  ASSERT_EQ(rows.size(), 2u);
  const auto columns = ExportColumns(ExportOptions::Unit::kTurn);
  EXPECT_EQ(*rows[0].back().value, tricky);
  const std::string json = ExportRowToJson(columns, rows[0]);
  EXPECT_NE(json.find("\"outlet\":\"Reuters\""), std::string::npos);
  EXPECT_NE(json.find("\"speaker\":null"), std::string::npos);
  EXPECT_NE(json.find("\"follow_up\":false"), std::string::npos);
}

TEST(CorpusAnalysis, KwicContextFitsTheWidthAndTheSentence) {
  TempDir dir;
  auto index = BuildIndex(
      dir.path(),
      {MakeBriefing("b1", "2020-01-02",
                    {Answer("First sentence here. We oppose the Cold War mentality firmly. "
                            "Another one follows.")})});
  ASSERT_NE(index, nullptr);
  KwicOptions options;
  options.query = "\"cold war mentality\"";
  options.width = 12;
  auto r = Kwic(*index, options);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->lines.size(), 1u);
  EXPECT_EQ(r->lines[0].match, "Cold War mentality");
  EXPECT_EQ(r->lines[0].left, "e oppose the");  // the last 12 columns
  EXPECT_EQ(r->lines[0].right, "firmly. Anot");
  options.sentence = true;
  options.width = 80;
  r = Kwic(*index, options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->lines[0].left, "We oppose the");
  EXPECT_EQ(r->lines[0].right, "firmly.");
  EXPECT_EQ(FitWidth("中文字符", 5, true), "字符");  // a wide character never splits
  EXPECT_EQ(FitWidth("中文字符", 5, false), "中文");
  EXPECT_EQ(TextWidth("中文a"), 5);
}

// The shared corpus: trend and KWIC counts of phrases against a brute-force
// count over the parsed turns of the MFA English pages.
TEST(CorpusAnalysis, SharedCorpusCountsAgreeWithTheParsedText) {
  auto corpus = testing::CorpusDir();
  if (!corpus) GTEST_SKIP() << "shared corpus not present";
  const std::string folder = *corpus + "/mfa-en-html";
  if (!std::filesystem::exists(folder)) GTEST_SKIP() << folder << " not present";
  std::vector<Briefing> briefings;
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(folder)) {
    if (e.path().extension() == ".shtml" || e.path().extension() == ".html") {
      files.push_back(e.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, size_t> by_id;  // a page ingested again replaces the earlier one
  for (const std::string& f : files) {
    Result<Briefing> b = ParseFile(f, ParseOptions{});
    if (!b.ok()) continue;
    auto [it, added] = by_id.emplace(b->id, briefings.size());
    if (added) {
      briefings.push_back(std::move(b).value());
    } else {
      briefings[it->second] = std::move(b).value();
    }
  }
  ASSERT_GT(briefings.size(), 300u);
  TempDir dir;
  auto index = BuildIndex(dir.path(), briefings);
  ASSERT_NE(index, nullptr);
  CheckAgainstBruteForce(
      *index, briefings,
      {"sovereignty", "cold war mentality", "trade war", "hong kong", "belt and road", "huawei"});
}

}  // namespace
}  // namespace lectern
