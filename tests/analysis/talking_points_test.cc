// Talking points and trace on a generated corpus with planted passages:
// known spans used in known briefings, planted variants (a substituted
// country name, an inserted clause, a changed tense) that must join their
// point, near misses that must not, boilerplate that must be flagged, and a
// question quoting an earlier answer. Filler is random words from a large
// invented vocabulary, so nothing else repeats.
#include "analysis/talking_points.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "analysis/talking_points_json.h"
#include "analysis/trace.h"
#include "index/index.h"
#include "index/index_test_support.h"
#include "index/index_writer.h"
#include "ingest/parse.h"
#include "test_support.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::MakeBriefing;
using testing::Question;
using testing::TempDir;

// A planted point: its canonical wording, the briefings (by number) that
// use it verbatim, and variants with the briefings that use them.
struct Planted {
  std::string text;
  std::vector<int> verbatim;
  std::vector<std::pair<std::string, std::vector<int>>> variants;
};

const std::vector<Planted>& PlantedPoints() {
  static const std::vector<Planted> points = {
      {"We urge the United States to abandon its Cold War mentality and zero-sum game mindset at "
       "once",
       {3, 9, 14, 20, 27, 33, 41},
       {{"We urge Australia to abandon its Cold War mentality and zero-sum game mindset at once",
         {17, 36}}}},
      {"China firmly opposes any form of official exchanges between Taiwan and countries having "
       "diplomatic ties with China",
       {5, 11, 22, 30, 44},
       {{"China firmly opposes, as we have stated many times, any form of official exchanges "
         "between Taiwan and countries having diplomatic ties with China",
         {25, 38}}}},
      {"The two sides held in-depth discussions on maritime cooperation and reached important "
       "consensus on the next steps",
       {2, 8, 19, 31},
       {{"The two sides will hold in-depth discussions on maritime cooperation and will reach "
         "important consensus on the next steps",
         {40, 46}}}},
      {"Multilateralism is the right way to address global challenges such as climate change and "
       "public health crises",
       {12, 13, 26, 35, 47},
       {}},
      // A near-miss pair: the same first nine words, then different (similarity 0.5).
      {"The international community should respect the sovereignty and territorial integrity of "
       "Iraq and support its reconstruction",
       {4, 15, 29, 43},
       {}},
      {"The international community should respect the sovereignty and choices of the Venezuelan "
       "people and refrain from interference",
       {7, 18, 32, 45},
       {}},
      // Used by the spokesperson from briefing 21 on, quoted in a question in 42.
      {"Hong Kong affairs are purely internal affairs and no foreign government has any right to "
       "interfere",
       {21, 24, 28, 34},
       {}},
  };
  return points;
}

constexpr int kBriefings = 50;
const char* const kGreeting = "Good afternoon and welcome to the regular press conference of today";
const char* const kClosing = "That concludes today's press conference and thank you all for coming";

std::string Date(int b) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "2019-%02d-%02d", 1 + b / 28, 1 + b % 28);
  return buf;
}

class Filler {
 public:
  explicit Filler(uint32_t seed) : rng_(seed) {
    const char* syllables[] = {"ka", "lo", "mi", "ru", "te", "sa", "vo", "ne", "pi", "du",
                               "ga", "ho", "zu", "fe", "bi", "wa", "qo", "ye", "jo", "xi"};
    for (int i = 0; i < 3000; ++i) {
      std::string w;
      for (int s = 0; s < 3; ++s) w += syllables[rng_() % 20];
      vocabulary_.push_back(w);
    }
  }
  std::string Words(int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += (i ? " " : "") + vocabulary_[rng_() % vocabulary_.size()];
    return out + ".";
  }
  std::mt19937& rng() { return rng_; }

 private:
  std::mt19937 rng_;
  std::vector<std::string> vocabulary_;
};

// The generated briefings, in date order.
std::vector<Briefing> GeneratedCorpus() {
  Filler filler(7);
  std::vector<std::vector<std::string>> planted(kBriefings);
  for (const Planted& p : PlantedPoints()) {
    for (int b : p.verbatim) planted[b].push_back(p.text);
    for (const auto& [text, where] : p.variants) {
      for (int b : where) planted[b].push_back(text);
    }
  }
  std::vector<Briefing> out;
  for (int b = 0; b < kBriefings; ++b) {
    std::vector<Turn> turns;
    Turn opening = Answer(std::string(kGreeting) + ". " + filler.Words(20), "Geng Shuang");
    opening.role = Role::kStatement;
    turns.push_back(opening);
    const std::string speaker = b % 3 == 0 ? "Hua Chunying" : "Geng Shuang";
    for (size_t e = 0; e < std::max<size_t>(4, planted[b].size()); ++e) {
      std::string question = filler.Words(12 + filler.rng()() % 10);
      if (b == 42 && e == 0) {
        question = "You said that " + PlantedPoints()[6].text + ". " + question;
      }
      turns.push_back(Question(question, "Reuters"));
      std::string answer = filler.Words(15 + filler.rng()() % 20);
      if (e < planted[b].size()) answer += " " + planted[b][e] + ". " + filler.Words(10);
      turns.push_back(Answer(answer, speaker));
    }
    turns.push_back(Answer(kClosing + std::string("."), speaker));
    out.push_back(MakeBriefing("gen-" + Date(b), Date(b), turns));
  }
  return out;
}

std::shared_ptr<const Index> BuildIndex(const std::string& dir, std::vector<Briefing> briefings,
                                        uint32_t shuffle_seed = 0) {
  if (shuffle_seed) std::shuffle(briefings.begin(), briefings.end(), std::mt19937(shuffle_seed));
  // Two commits when shuffled, so the briefings also sit in two segments.
  const size_t split = shuffle_seed ? briefings.size() / 2 : briefings.size();
  for (size_t part = 0; part < 2; ++part) {
    auto writer = IndexWriter::Open(dir);
    EXPECT_TRUE(writer.ok());
    for (size_t i = part ? split : 0; i < (part ? briefings.size() : split); ++i) {
      EXPECT_TRUE((*writer)->Add(briefings[i]).ok());
    }
    EXPECT_TRUE((*writer)->Commit().ok());
  }
  auto index = Index::Open(dir);
  EXPECT_TRUE(index.ok());
  return *index;
}

std::vector<std::string> Words(const std::string& text) { return testing::Words(text); }

// Share of the longer word list the other reproduces in order.
double WordSimilarity(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<int>> lcs(a.size() + 1, std::vector<int>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  return static_cast<double>(lcs[0][0]) / std::max(a.size(), b.size());
}

// The planted point a found point stands for, or -1.
int PlantedIndex(const TalkingPoint& p) {
  for (size_t i = 0; i < PlantedPoints().size(); ++i) {
    if (WordSimilarity(Words(p.text), Words(PlantedPoints()[i].text)) >= 0.9) return int(i);
  }
  return -1;
}

class TalkingPointsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    index_ = new std::shared_ptr<const Index>(BuildIndex(dir_->path(), GeneratedCorpus()));
  }
  static void TearDownTestSuite() {
    delete index_;
    delete dir_;
  }
  static TempDir* dir_;
  static std::shared_ptr<const Index>* index_;
};
TempDir* TalkingPointsTest::dir_ = nullptr;
std::shared_ptr<const Index>* TalkingPointsTest::index_ = nullptr;

TEST_F(TalkingPointsTest, FindsPlantedPointsWithTheirVariantsAndFirstUse) {
  Result<TalkingPointsReport> report = FindTalkingPoints(*index_, {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  std::map<int, const TalkingPoint*> found;
  size_t matched = 0;
  for (const TalkingPoint& p : report->talking_points) {
    const int i = PlantedIndex(p);
    if (i < 0) {
      ADD_FAILURE() << "unplanted point: " << p.text;
      continue;
    }
    ++matched;
    EXPECT_EQ(found.count(i), 0u) << "planted point split in two: " << p.text;
    found[i] = &p;
  }
  const double precision = report->talking_points.empty()
                               ? 0
                               : static_cast<double>(matched) / report->talking_points.size();
  const double recall = static_cast<double>(found.size()) / PlantedPoints().size();
  EXPECT_GE(precision, 0.95);
  EXPECT_GE(recall, 0.95);
  for (const auto& [i, p] : found) {
    const Planted& planted = PlantedPoints()[i];
    std::set<int> uses(planted.verbatim.begin(), planted.verbatim.end());
    size_t variant_uses = 0;
    for (const auto& [text, where] : planted.variants) {
      uses.insert(where.begin(), where.end());
      variant_uses += where.size();
    }
    SCOPED_TRACE(planted.text);
    EXPECT_EQ(p->briefings, uses.size());
    EXPECT_EQ(p->occurrences, uses.size());
    EXPECT_EQ(p->variant_occurrences, variant_uses);
    EXPECT_EQ(p->variants, planted.variants.size());
    ASSERT_TRUE(p->first_use.date.has_value());
    EXPECT_EQ(*p->first_use.date, Date(*uses.begin()));
    EXPECT_EQ(p->first_use.role, Role::kAnswer);
    if (i != 6) {  // 6 is quoted in a later question
      EXPECT_EQ(*p->last_use.date, Date(*uses.rbegin()));
    }
    EXPECT_EQ(p->text, planted.text);
  }
  // Ranked by spread.
  for (size_t i = 1; i < report->talking_points.size(); ++i) {
    EXPECT_GE(report->talking_points[i - 1].briefings, report->talking_points[i].briefings);
  }
}

TEST_F(TalkingPointsTest, QuestionsQuotingAnswersCountApart) {
  Result<TalkingPointsReport> report = FindTalkingPoints(*index_, {});
  ASSERT_TRUE(report.ok());
  for (const TalkingPoint& p : report->talking_points) {
    if (PlantedIndex(p) != 6) continue;
    EXPECT_EQ(p.briefings, 4u);
    EXPECT_EQ(p.question_occurrences, 1u);
    EXPECT_EQ(p.quoting_questions, 1u);
    EXPECT_EQ(*p.last_use.date, Date(42));
    EXPECT_EQ(p.last_use.role, Role::kQuestion);
    return;
  }
  ADD_FAILURE() << "the quoted point was not found";
}

TEST_F(TalkingPointsTest, BoilerplateIsFlaggedAndLeftOut) {
  TalkingPointOptions options;
  options.include_boilerplate = true;
  Result<TalkingPointsReport> report = FindTalkingPoints(*index_, options);
  ASSERT_TRUE(report.ok());
  size_t flagged = 0;
  for (const TalkingPoint& p : report->talking_points) {
    if (!p.boilerplate) continue;
    ++flagged;
    EXPECT_LT(PlantedIndex(p), 0) << p.text;
    EXPECT_GT(p.briefings, kBriefings / 2);
  }
  EXPECT_EQ(flagged, 2u);  // the greeting and the closing line
  EXPECT_EQ(report->boilerplate, 2u);
}

TEST_F(TalkingPointsTest, ShowFindsAPointByIdWithEveryUse) {
  Result<TalkingPointsReport> report = FindTalkingPoints(*index_, {});
  ASSERT_TRUE(report.ok());
  ASSERT_FALSE(report->talking_points.empty());
  const TalkingPoint& top = report->talking_points[0];
  Result<TalkingPoint> again = FindTalkingPoint(*index_, {}, top.id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->text, top.text);
  EXPECT_EQ(again->uses.size(), top.occurrences + top.question_occurrences);
  Result<ReferenceWording> ref = WordingOf(**index_, again->source);
  ASSERT_TRUE(ref.ok());
  std::vector<PassageRef> refs;
  for (const auto& o : again->uses) {
    refs.push_back({o.use.briefing_id, o.use.turn, o.token_begin, o.token_end});
  }
  Result<std::vector<UseInContext>> contexts = UsesInContext(**index_, *ref, refs);
  ASSERT_TRUE(contexts.ok());
  for (size_t i = 0; i < contexts->size(); ++i) {
    const UseInContext& c = (*contexts)[i];
    EXPECT_EQ(c.differences.empty() && c.missing.empty(), again->uses[i].verbatim) << c.context;
  }
  // A substituted name is marked as such.
  bool australia = false;
  for (const UseInContext& c : *contexts) {
    for (auto [b, e] : c.differences) australia |= c.context.substr(b, e - b) == "Australia";
  }
  EXPECT_TRUE(australia || top.variants == 0);
  EXPECT_EQ(FindTalkingPoint(*index_, {}, "tp-000000000000").status().code(),
            Status::Code::kNotFound);
}

TEST_F(TalkingPointsTest, FilterSelectsTurns) {
  TalkingPointOptions options;
  options.filter = "speaker:\"Hua Chunying\" date:2019-01..2019-12";
  Result<TalkingPointsReport> report = FindTalkingPoints(*index_, options);
  ASSERT_TRUE(report.ok()) << report.status().message();
  for (const TalkingPoint& p : report->talking_points) {
    for (const auto& [name, n] : p.speakers) EXPECT_EQ(name, "Hua Chunying");
  }
  options.filter = "speaker:";
  EXPECT_EQ(FindTalkingPoints(*index_, options).status().code(), Status::Code::kInvalidArgument);
}

TEST_F(TalkingPointsTest, SameResultsInAnyIngestOrder) {
  TalkingPointOptions options;
  options.include_boilerplate = true;
  Result<TalkingPointsReport> a = FindTalkingPoints(*index_, options);
  ASSERT_TRUE(a.ok());
  TempDir other;
  auto shuffled = BuildIndex(other.path(), GeneratedCorpus(), 99);
  ASSERT_GT(shuffled->segments().size(), 1u);
  options.threads = 1;
  Result<TalkingPointsReport> b = FindTalkingPoints(shuffled, options);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(TalkingPointsReportToJson(*a, true), TalkingPointsReportToJson(*b, true));
}

TEST_F(TalkingPointsTest, TraceFindsAPassageAndItsVariantsInDateOrder) {
  // Pasted with other typography and a changed ending.
  Result<TraceReport> trace = Trace(
      *index_,
      "China firmly opposes any form of official exchanges between Taiwan and countries having "
      "diplomatic relations with China",
      {});
  ASSERT_TRUE(trace.ok());
  std::vector<std::string> dates;
  for (const auto& u : trace->uses) dates.push_back(*u.use.date);
  std::vector<std::string> expected;
  for (int b : {5, 11, 22, 25, 30, 38, 44}) expected.push_back(Date(b));
  EXPECT_EQ(dates, expected);
  EXPECT_EQ(trace->briefings, 7u);
  EXPECT_EQ(trace->verbatim, 0u);
  EXPECT_EQ(Trace(*index_, "too short", {}).status().code(), Status::Code::kInvalidArgument);
}

// A second generated corpus for the shape of points: two wordings of one
// formulation that are not close variants (fragments to merge), a passage
// that always follows the end of another sentence, one whose run stops on a
// connective, and a short point with a frequent shorter piece.
struct ShapedCorpus {
  static constexpr int kCount = 30;
  static constexpr const char* kLong =
      "China develops friendly relations on the basis of mutual respect, equality and mutual "
      "benefit";
  static constexpr const char* kShort = "based on mutual respect, equality and mutual benefit";
  static constexpr const char* kReiterate =
      "I would like to stress once again that China firmly supports the peace talks";
  static constexpr const char* kRestraint =
      "We call on all parties to exercise restraint and resolve disputes through dialogue and";
  static constexpr const char* kEight = "the two sides agreed to deepen pragmatic cooperation";
  static constexpr const char* kPiece = "sides agreed to deepen pragmatic cooperation";

  static std::vector<Briefing> Briefings() {
    Filler filler(11);
    std::vector<Briefing> out;
    for (int b = 0; b < kCount; ++b) {
      std::vector<std::string> said;
      if (b % 5 == 0) said.push_back(kLong);       // 6 briefings
      if (b % 7 == 2) said.push_back(kShort);      // 4 others
      if (b % 6 == 1) said.push_back(kReiterate);  // 5, after "... China."
      if (b % 6 == 2) said.push_back(kRestraint);  // 5, then other words
      if (b % 6 == 4) said.push_back(kEight);      // 5
      if (b % 7 == 5) said.push_back(kPiece);      // 4, alone
      std::vector<Turn> turns;
      const std::string speaker = b % 2 ? "Hua Chunying" : "Geng Shuang";
      for (size_t e = 0; e < std::max<size_t>(3, said.size()); ++e) {
        turns.push_back(Question(filler.Words(12), "Reuters"));
        std::string answer = filler.Words(15);
        if (e < said.size()) {
          std::string words = filler.Words(6);
          words.pop_back();  // the sentence runs on into the planted text
          if (said[e] == kReiterate)
            answer += " " + words + " China. " + said[e] + ".";
          else if (said[e] == kRestraint)
            answer += " " + said[e] + " " + filler.Words(6);
          else
            answer += " " + said[e] + ".";
          answer += " " + filler.Words(8);
        }
        turns.push_back(Answer(answer, speaker));
      }
      out.push_back(MakeBriefing("shape-" + Date(b), Date(b), turns));
    }
    return out;
  }
};

const TalkingPoint* WithText(const TalkingPointsReport& report, const std::string& text) {
  for (const TalkingPoint& p : report.talking_points) {
    if (p.text == text) return &p;
  }
  return nullptr;
}

class ShapedPointsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    index_ = new std::shared_ptr<const Index>(BuildIndex(dir_->path(), ShapedCorpus::Briefings()));
    Result<TalkingPointsReport> report = FindTalkingPoints(*index_, {});
    ASSERT_TRUE(report.ok()) << report.status().message();
    report_ = new TalkingPointsReport(std::move(report).value());
  }
  static void TearDownTestSuite() {
    delete report_;
    delete index_;
    delete dir_;
  }
  static std::string Texts() {
    std::string out;
    for (const TalkingPoint& p : report_->talking_points) out += "\n  " + p.text;
    return out;
  }
  static TempDir* dir_;
  static std::shared_ptr<const Index>* index_;
  static TalkingPointsReport* report_;
};
TempDir* ShapedPointsTest::dir_ = nullptr;
std::shared_ptr<const Index>* ShapedPointsTest::index_ = nullptr;
TalkingPointsReport* ShapedPointsTest::report_ = nullptr;

TEST_F(ShapedPointsTest, FragmentsOfOneFormulationAreMerged) {
  // The two wordings share "mutual respect, equality and mutual benefit"
  // (6 of the shorter's 8 words) but are not close variants (0.5).
  const TalkingPoint* p = WithText(*report_, ShapedCorpus::kLong);
  ASSERT_NE(p, nullptr) << Texts();
  EXPECT_EQ(WithText(*report_, ShapedCorpus::kShort), nullptr) << Texts();
  EXPECT_EQ(p->briefings, 10u);
  EXPECT_EQ(p->occurrences, 10u);
  EXPECT_EQ(p->variant_occurrences, 4u);
  EXPECT_EQ(p->variants, 1u);
  EXPECT_EQ(*p->first_use.date, Date(0));
  for (const TalkingPoint& q : report_->talking_points) {
    if (q.text != ShapedCorpus::kLong) {
      EXPECT_EQ(q.text.find("mutual"), std::string::npos) << q.text;
    }
  }
}

TEST_F(ShapedPointsTest, TextsEndAtSentencesAndNotOnConnectives) {
  // Always after "... China.", which is not part of the point.
  const TalkingPoint* reiterate = WithText(*report_, ShapedCorpus::kReiterate);
  ASSERT_NE(reiterate, nullptr) << Texts();
  EXPECT_EQ(reiterate->briefings, 5u);
  EXPECT_EQ(reiterate->variant_occurrences, 0u);
  // The run stops after "and"; the point does not.
  std::string restraint = ShapedCorpus::kRestraint;
  restraint.resize(restraint.size() - 4);
  const TalkingPoint* p = WithText(*report_, restraint);
  ASSERT_NE(p, nullptr) << Texts();
  EXPECT_EQ(p->briefings, 5u);
  EXPECT_EQ(p->variant_occurrences, 0u);
  for (const TalkingPoint& q : report_->talking_points) {
    const std::vector<std::string> words = Words(q.text);
    ASSERT_FALSE(words.empty());
    for (const char* bad : {"and", "the", "in", "of", "to"}) EXPECT_NE(words.back(), bad) << q.text;
    EXPECT_EQ(q.text.find(". "), std::string::npos) << q.text;
  }
}

TEST_F(ShapedPointsTest, ShortPointsNeedCloseVariants) {
  // A 6-word piece of an 8-word point (0.75) is not a use of it, though it
  // would be at the general threshold (0.7).
  const TalkingPoint* p = WithText(*report_, ShapedCorpus::kEight);
  ASSERT_NE(p, nullptr) << Texts();
  EXPECT_EQ(p->briefings, 5u);
  EXPECT_EQ(p->occurrences, 5u);
  EXPECT_EQ(p->variant_occurrences, 0u);
  EXPECT_EQ(report_->talking_points.size(), 4u) << Texts();
}

TEST(TalkingPointsChineseTest, FindsChinesePointsByCharacters) {
  Filler filler(3);
  const std::string chars =
      "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
      "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都"
      "两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重";
  std::vector<std::string> pool;
  for (size_t i = 0; i < chars.size(); i += 3) pool.push_back(chars.substr(i, 3));
  auto filler_zh = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += pool[filler.rng()() % pool.size()];
    return s + "。";
  };
  const std::string point =
      "台湾是中国领土不可分割的一部分，台湾问题纯属中国内政，不容任何外国势力干涉";
  const std::string variant =
      "台湾是中国领土不可分割的一部分，台湾问题纯属中国内政，不容任何外部势力干涉";
  std::vector<Briefing> briefings;
  for (int b = 0; b < 12; ++b) {
    std::string answer = filler_zh(40);
    if (b % 3 == 1) answer += (b == 10 ? variant : point) + "。" + filler_zh(20);
    briefings.push_back(MakeBriefing(
        "zh-" + Date(b), Date(b), {Question(filler_zh(15)), Answer(answer, "Hua Chunying")}, "zh"));
  }
  TempDir dir;
  auto index = BuildIndex(dir.path(), briefings);
  Result<TalkingPointsReport> report = FindTalkingPoints(index, {});
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->talking_points.size(), 1u);
  const TalkingPoint& p = report->talking_points[0];
  EXPECT_EQ(p.language, "zh");
  EXPECT_EQ(p.briefings, 4u);
  EXPECT_EQ(p.variant_occurrences, 1u);
  EXPECT_EQ(*p.first_use.date, Date(1));
  EXPECT_NE(p.text.find("台湾问题纯属中国内政"), std::string::npos);
  Result<TraceReport> trace = Trace(index, "台湾问题纯属中国内政，不容任何外国势力干涉", {});
  ASSERT_TRUE(trace.ok());
  EXPECT_EQ(trace->briefings, 4u);
}

// A formulation followed by "China-X" with X varying: the repeated text
// ends inside the hyphenated word ("... development of China"), which the
// tokens cannot show; the wording must not.
TEST(TalkingPointsHyphenTest, WordingsNeverEndInsideAHyphenatedWord) {
  const char* const kPoint =
      "We are ready to work with all parties for the sound and steady development of";
  const char* const kPartners[] = {"US", "EU", "Japan", "Africa", "Russia", "India"};
  Filler filler(5);
  std::vector<Briefing> briefings;
  // 9 briefings: from 10 on, a passage in all of them would be boilerplate.
  for (int b = 0; b < 9; ++b) {
    const std::string said = std::string(kPoint) + " China-" + kPartners[b % 6] + " " +
                             filler.Words(1).substr(0, 6) + " relations.";
    briefings.push_back(MakeBriefing(
        "hyphen-" + Date(b), Date(b),
        {Question(filler.Words(12), "Reuters"),
         Answer(filler.Words(10) + " " + said + " " + filler.Words(10), "Hua Chunying")}));
  }
  TempDir dir;
  Result<TalkingPointsReport> report = FindTalkingPoints(BuildIndex(dir.path(), briefings), {});
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->talking_points.size(), 1u);
  const TalkingPoint& p = report->talking_points[0];
  EXPECT_EQ(p.text, "We are ready to work with all parties for the sound and steady development");
  EXPECT_EQ(p.briefings, 9u);
  EXPECT_EQ(p.variant_occurrences, 0u);
}

// 16-bit token ids (the generated corpus's vocabulary fits) and 32-bit ones
// give the same report, on one segment and on several.
TEST_F(TalkingPointsTest, SameResultsWithEitherTokenWidth) {
  TempDir other;
  auto shuffled = BuildIndex(other.path(), GeneratedCorpus(), 99);
  for (const std::shared_ptr<const Index>& index : {*index_, shuffled}) {
    TalkingPointOptions options;
    options.include_boilerplate = true;
    Result<TalkingPointsReport> narrow = FindTalkingPoints(index, options);
    options.wide_tokens = true;
    Result<TalkingPointsReport> wide = FindTalkingPoints(index, options);
    ASSERT_TRUE(narrow.ok());
    ASSERT_TRUE(wide.ok());
    EXPECT_FALSE(narrow->talking_points.empty());
    EXPECT_EQ(TalkingPointsReportToJson(*narrow, true), TalkingPointsReportToJson(*wide, true));
  }
}

// The real English pages, when present: the top point's verbatim uses can
// be found in the printed text.
TEST(TalkingPointsCorpusTest, TopPointsAreFoundInTheText) {
  std::optional<std::string> corpus = testing::CorpusDir();
  if (!corpus) GTEST_SKIP() << "no shared corpus";
  std::vector<Briefing> briefings;
  for (const auto& e : std::filesystem::directory_iterator(*corpus + "/mfa-en-html")) {
    Result<Briefing> b = ParseFile(e.path().string(), ParseOptions{"auto"});
    if (b.ok()) briefings.push_back(std::move(b).value());
  }
  ASSERT_GT(briefings.size(), 300u);
  TempDir dir;
  auto index = BuildIndex(dir.path(), briefings);
  TalkingPointOptions options;
  options.limit = 5;
  Result<TalkingPointsReport> report = FindTalkingPoints(index, options);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->talking_points.size(), 5u);
  options.wide_tokens = true;  // the same with 32-bit token ids
  Result<TalkingPointsReport> wide = FindTalkingPoints(index, options);
  ASSERT_TRUE(wide.ok());
  EXPECT_EQ(TalkingPointsReportToJson(*report, true), TalkingPointsReportToJson(*wide, true));
  std::map<std::string, const Briefing*> by_id;
  for (const Briefing& b : briefings) by_id[b.id] = &b;
  for (const TalkingPoint& p : report->talking_points) {
    SCOPED_TRACE(p.text);
    EXPECT_GE(p.briefings, 10u);
    EXPECT_FALSE(p.boilerplate);
    // Spokesperson briefings whose text holds the canonical wording verbatim.
    std::set<std::string> printed;
    for (const Briefing& b : briefings) {
      for (const Turn& t : b.turns) {
        if (t.role != Role::kQuestion && t.text.find(p.text) != std::string::npos) {
          printed.insert(b.id);
        }
      }
    }
    std::set<std::string> verbatim;
    for (const auto& u : p.uses) {
      if (u.verbatim && u.use.role != Role::kQuestion) verbatim.insert(u.use.briefing_id);
    }
    for (const std::string& id : printed) EXPECT_TRUE(verbatim.count(id)) << id;
    EXPECT_LE(printed.size(), p.briefings);
    EXPECT_GE(printed.size() * 10, verbatim.size() * 8);  // punctuation may differ
  }
}

}  // namespace
}  // namespace lectern
