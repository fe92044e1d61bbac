// The MFA English profile end to end, on fixtures written for these tests
// (invented briefings in the real formats).
#include "ingest/profiles/mfa_en.h"

#include <gtest/gtest.h>

#include "ingest/parse.h"
#include "test_support.h"

namespace lectern {
namespace {

using testing::FixturePath;
using testing::MustParse;
using testing::TurnSignatures;

TEST(MfaEnTitle, ReadsDateSpokespersonAndKind) {
  MfaEnglishProfile profile;
  auto facts = profile.ReadTitle(
      "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on July 24, 2020");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->date, "2020-07-24");
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Wang Wenbin"});
  EXPECT_EQ(facts->kind, "regular-press-conference");

  facts = profile.ReadTitle(
      "Foreign Ministry Spokesperson Hua Chunying’s Daily Briefing Online on February 3, 2020");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Hua Chunying"});
  EXPECT_EQ(facts->kind, "regular-press-conference");
  EXPECT_EQ(facts->date, "2020-02-03");

  facts =
      profile.ReadTitle("Foreign Ministry Spokesperson's Remarks on the Situation in Ruritania");
  ASSERT_TRUE(facts);
  EXPECT_TRUE(facts->spokespersons.empty());
  EXPECT_EQ(facts->kind, "remarks");
  EXPECT_EQ(facts->date, std::nullopt);

  facts = profile.ReadTitle(
      "Foreign Ministry Spokespersons Hua Chunying and Geng Shuang's Answers to Journalists' "
      "Questions on May 5, 2019");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->spokespersons, (std::vector<std::string>{"Hua Chunying", "Geng Shuang"}));
  EXPECT_EQ(facts->kind, "answers-to-questions");
}

TEST(MfaEnTitle, DropsTheSiteNameAndRefusesListingTitles) {
  MfaEnglishProfile profile;
  auto facts = profile.ReadTitle(
      "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on September 1, 2022_"
      "Ministry of Foreign Affairs of the People's Republic of China");
  ASSERT_TRUE(facts);
  EXPECT_EQ(
      facts->title,
      "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on September 1, 2022");
  EXPECT_FALSE(profile.ReadTitle("Regular Press Conference"));
  EXPECT_FALSE(profile.ReadTitle("Spokesperson's Remarks"));
  EXPECT_FALSE(profile.ReadTitle("Wang Yi Meets with Foreign Minister of Ruritania"));
  EXPECT_FALSE(profile.ReadTitle(""));
}

TEST(MfaEnLabels, ClassifiesEveryKindOfLabel) {
  MfaEnglishProfile profile;
  TitleFacts facts;
  facts.spokespersons = {"Wang Wenbin"};
  auto label = [&](const std::string& text, size_t bold_prefix = 0, Syntax syntax = Syntax::kHtml) {
    return profile.ReadLabel(Paragraph{text, bold_prefix, false}, syntax, facts);
  };
  auto q = label("Q: Is it true?");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->role, Role::kQuestion);
  EXPECT_FALSE(q->outlet);
  EXPECT_EQ(q->body_start, 3u);

  auto a = label("A:You raised a question.");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->role, Role::kAnswer);
  EXPECT_FALSE(a->speaker);  // the grammar fills in the sole spokesperson
  EXPECT_EQ(std::string("A:You raised a question.").substr(a->body_start),
            "You raised a question.");

  auto named = label("Wang Wenbin: Yes.");
  ASSERT_TRUE(named);
  EXPECT_EQ(named->speaker, "Wang Wenbin");
  auto colleague = label("Hua Chunying: Let me add.");
  ASSERT_TRUE(colleague);
  EXPECT_EQ(colleague->role, Role::kAnswer);
  EXPECT_EQ(colleague->speaker, "Hua Chunying");

  auto known = label("Bloomberg News: Question?");  // known outlets need no bold
  ASSERT_TRUE(known);
  EXPECT_EQ(known->outlet, "Bloomberg");
  EXPECT_EQ(known->text, "Bloomberg News");

  EXPECT_FALSE(label("Ruritania Daily: Question?"));  // unknown and not bold: prose
  auto bold_unknown = label("Ruritania Daily: Question?", 16);
  ASSERT_TRUE(bold_unknown);
  EXPECT_EQ(bold_unknown->outlet, "Ruritania Daily");
  auto text_unknown = label("Ruritania Daily: Question?", 0, Syntax::kText);
  ASSERT_TRUE(text_unknown);

  auto follow = label("Follow-up: And then?");
  ASSERT_TRUE(follow);
  EXPECT_TRUE(follow->follow_up);
  auto aside = label("The journalist clarified: yes.");
  ASSERT_TRUE(aside);
  EXPECT_EQ(aside->role, Role::kQuestion);
  EXPECT_TRUE(aside->follow_up);

  auto reported = label("After the press conference, the following question was raised: Why?");
  ASSERT_TRUE(reported);
  EXPECT_EQ(reported->role, Role::kQuestion);
  EXPECT_EQ(reported->body_start, 0u);  // the wording is kept

  for (const char* prose :
       {"I want to stress three points: first", "What I want to stress is as follows: x",
        "At 10:00 the meeting starts", "Under the theme of \"Leadership 4.0\": x",
        "A word of advice: be careful", "Time: 10 a.m.", "On October 24, at 10:30: x"}) {
    EXPECT_FALSE(label(prose, 100)) << prose;
  }
}

TEST(MfaEn, OutletsFollowUpsAnnouncementsAndReportedQuestions) {
  Briefing b = MustParse("mfa-en/outlets_2020.html");
  EXPECT_EQ(b.id, "mfa-china-en-2020-07-24");
  EXPECT_EQ(b.institution, "mfa-china");
  EXPECT_EQ(b.language, "en");
  EXPECT_EQ(b.date, "2020-07-24");
  EXPECT_EQ(b.kind, "regular-press-conference");
  EXPECT_EQ(b.spokespersons, std::vector<std::string>{"Wang Wenbin"});
  EXPECT_EQ(
      TurnSignatures(b),
      (std::vector<std::string>{
          "Wang Wenbin | statement | - | At the invitation of State Councilor and Foreign "
          "Minister Wang Yi, the Foreign Minister of Ruritania will pay an official visit to China "
          "from July 27 to 29.\nThe second China-Ruritania strategic dialogue will be held during "
          "the visit.",
          "- | question | CCTV | The US has ordered China to close its Consulate General in "
          "Houston. What is your response?",
          "Wang Wenbin | answer | - | On July 21, the US side unilaterally provoked the incident "
          "by abruptly demanding that China close its Consulate General in Houston.\nThis is an "
          "unprecedented escalation. China has to make a necessary response.\nWe urge the US to "
          "immediately revoke its erroneous decision.",
          "- | question | Reuters | China has informed the US Embassy of its decision to "
          "withdraw consent for the US Consulate General in Chengdu. Can you confirm that?",
          "Wang Wenbin | answer | - | Yes. The Chinese Foreign Ministry informed the US Embassy "
          "in China of its decision.",
          "- | question | - | follow-up | When must the consulate close?",
          "Wang Wenbin | answer | - | I would refer you to the press release.",
          "- | question | Bloomberg | The statement speaks of “legitimate and necessary "
          "response” — what does China mean by that?",
          "Wang Wenbin | answer | - | The US has repeatedly taken provocative actions. China’s "
          "measure is a legitimate and necessary response.",
          "- | question | Hubei Media Group | How is the recovery of Wuhan going?\nThere is a "
          "second part to my question. When will international flights resume?",
          "Wang Wenbin | answer | - | The recovery is steady.",
          "- | question | - | Will China send a delegation to the conference in Ruritania?",
          "Wang Wenbin | answer | - | We will release information in due course.",
          "- | question | Shenzhen TV | A follow-up on yesterday's announcement.",
          "Wang Wenbin | answer | - | I have nothing further to add.",
          "- | question | - | After the press conference, the following question was raised: "
          "Has China responded to the letter from Ruritania's parliament?",
          "Wang Wenbin | answer | - | China has received the letter and is studying it.",
      }));
  ASSERT_EQ(b.exchanges.size(), 8u);
  EXPECT_EQ(b.exchanges[0], (Exchange{{1}, {2}}));
  EXPECT_EQ(b.exchanges[7], (Exchange{{15}, {16}}));
  EXPECT_EQ(b.turns[1].label, "CCTV");
  EXPECT_EQ(b.turns[7].label, "Bloomberg News");
}

TEST(MfaEn, PlainTextTwinGivesTheSameBriefing) {
  Briefing html = MustParse("mfa-en/outlets_2020.html");
  Briefing text = MustParse("mfa-en/outlets_2020.txt");
  EXPECT_EQ(TurnSignatures(text), TurnSignatures(html));
  EXPECT_EQ(text.exchanges, html.exchanges);
  EXPECT_EQ(text.id, html.id);
  EXPECT_EQ(text.title, html.title);
  Briefing forced = MustParse("mfa-en/outlets_2020.txt", "mfa-en-text");
  EXPECT_EQ(TurnSignatures(forced), TurnSignatures(html));
}

TEST(MfaEn, AnonymousQuestionsBoldHeuristicsAndMisnestedMarkup) {
  Briefing b = MustParse("mfa-en/anonymous_2018.html");
  EXPECT_EQ(b.date, "2018-06-11");
  EXPECT_EQ(TurnSignatures(b),
            (std::vector<std::string>{
                "- | question | - | The summit reportedly ended in disagreement. What is China's "
                "position on this?",
                "Geng Shuang | answer | - | China's position is consistent.",
                "- | question | - | Could you tell us the highlights of the meeting?\nI also have "
                "a second question on trade.",
                // no "A:" label: the answer is told by the end of the bold question
                "Geng Shuang | answer | - | The meeting achieved three outcomes.\nFirst, it "
                "deepened mutual trust.\nSecond, it expanded cooperation.",
                "- | question | - | Do you think the others should seek advice from you?",
                "Geng Shuang | answer | - | You raised a complicated question.",
                "Geng Shuang | answer | - | Does your question concern the trade talks?",
                "- | question | - | follow-up | Yes, the trade talks.",
                "Geng Shuang | answer | - | Then I would refer you to the competent authorities.",
                "Geng Shuang | answer | - | One more thing. The regular press conference will "
                "adjourn next week.\nWish you a happy holiday!",
            }));
  EXPECT_EQ(b.exchanges.size(), 4u);
  EXPECT_EQ(b.exchanges[2], (Exchange{{4}, {5, 6}}));
  EXPECT_EQ(b.exchanges[3], (Exchange{{7}, {8, 9}}));
}

TEST(MfaEn, UndatedRemarksKeepTheirTypography) {
  Briefing b = MustParse("mfa-en/remarks_undated.html");
  EXPECT_EQ(b.kind, "remarks");
  EXPECT_EQ(b.date, std::nullopt);
  EXPECT_EQ(b.spokespersons, std::vector<std::string>{"Hua Chunying"});
  EXPECT_EQ(b.title,
            "Foreign Ministry Spokesperson Hua Chunying’s Remarks on Ruritania’s Erroneous Remarks "
            "on Hong Kong");
  EXPECT_EQ(b.id.rfind("mfa-china-en-undated-remarks-", 0), 0u);
  ASSERT_EQ(b.exchanges.size(), 1u);
  EXPECT_EQ(b.turns[1].text,
            "The recent remarks are a gross interference in China’s internal affairs.\nHong Kong "
            "affairs are purely China’s internal affairs.");
}

TEST(MfaEn, NonUtf8PagesAreDecoded) {
  Briefing cp1252 = MustParse("mfa-en/windows1252.html");
  EXPECT_EQ(cp1252.title,
            "Foreign Ministry Spokesperson Lu Kang’s Regular Press Conference on March 5, 2018");
  ASSERT_EQ(cp1252.turns.size(), 2u);
  EXPECT_EQ(cp1252.turns[0].text, "The café owner said “no comment” – do you?");
  EXPECT_EQ(cp1252.spokespersons, std::vector<std::string>{"Lu Kang"});

  Briefing gbk = MustParse("mfa-en/gb2312.html");
  ASSERT_EQ(gbk.turns.size(), 2u);
  EXPECT_EQ(gbk.turns[0].outlet, "Xinhua News Agency");
  EXPECT_EQ(gbk.turns[1].text, "We welcome journalists covering the 两会.");
}

TEST(MfaEn, HardWrappedText) {
  Briefing b = MustParse("mfa-en/hard_wrapped.txt");
  EXPECT_EQ(TurnSignatures(b),
            (std::vector<std::string>{
                "Lu Kang | statement | - | At the invitation of Premier Li Keqiang, the Chancellor "
                "of Ruritania will pay an official visit to China from May 24 to 25.",
                "- | question | - | According to reports, the two leaders may meet again. What is "
                "your comment?",
                "Lu Kang | answer | - | I am not sure whether you are quoting the words as they "
                "were said. In fact, a lot has been said on this issue.\nAs for China's role on "
                "this issue, I believe everyone is clear about that.",
            }));
}

TEST(MfaEn, PagesThatAreNotBriefingsAreRefusedWithAReason) {
  struct Case {
    const char* fixture;
    const char* reason;
  };
  for (const Case& c :
       {Case{"not-briefings/listing.html", "titled 'Regular Press Conference'"},
        Case{"not-briefings/error.html", "titled '中华人民共和国外交部'"},
        Case{"not-briefings/maintenance.html", "titled 'System Maintenance'"},
        Case{"not-briefings/title_only.html", "no transcript text"},
        Case{"not-briefings/empty.html", "empty file"}, Case{"not-briefings/pixel.html", "binary"},
        Case{"not-briefings/notes.txt", "no known briefing title"}}) {
    Result<Briefing> b = ParseFile(FixturePath(c.fixture), ParseOptions{});
    ASSERT_FALSE(b.ok()) << c.fixture;
    EXPECT_EQ(b.status().code(), Status::Code::kNotABriefing) << c.fixture;
    EXPECT_NE(b.status().message().find(c.reason), std::string::npos) << b.status().message();
    EXPECT_EQ(b.status().message().rfind(FixturePath(c.fixture), 0), 0u) << "starts with the path";
  }
}

TEST(MfaEn, UnknownFormatsAndMissingFilesAreErrors) {
  Result<Briefing> bad = ParseBytes("x", "x", ParseOptions{"mfa-xx-html"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  Result<Briefing> missing = ParseFile("/nonexistent/page.html", ParseOptions{});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kNotFound);
  EXPECT_NE(std::find(KnownFormats().begin(), KnownFormats().end(), "mfa-en-text"),
            KnownFormats().end());
}

}  // namespace
}  // namespace lectern

namespace lectern {
namespace {

// A later page copied from the 2022 site: a longer breadcrumb, and a date
// stamp under the title that is page furniture, not speech.
TEST(MfaEn, DateStampsUnderTheTitleAreNotSpeech) {
  const std::string text =
      "Home > Press and Media Service > Spokesperson's Remarks\n"
      "Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on December 5, 2022\n"
      "Updated: December 05, 2022 21:30\n\n"
      "2022-12-05 21:30\n\n"
      "AFP: Does China have a response?\n\n"
      "Mao Ning: We have noted the reports.\n";
  Result<Briefing> b = ParseBytes(text, "copied.txt", ParseOptions{});
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->date, "2022-12-05");
  EXPECT_EQ(testing::TurnSignatures(*b),
            (std::vector<std::string>{"- | question | AFP | Does China have a response?",
                                      "Mao Ning | answer | - | We have noted the reports."}));
}

}  // namespace
}  // namespace lectern

namespace lectern {
namespace {

// gumbo's time grows with the square of nesting depth: absurdly deep markup
// is refused at once with a reason instead of stalling a batch.
TEST(MfaEn, AbsurdlyDeepMarkupIsRefusedQuickly) {
  std::string page =
      "<html><head><title>Foreign Ministry Spokesperson Wang Wenbin's Regular Press "
      "Conference on July 24, 2020</title></head><body>";
  for (int i = 0; i < 50000; ++i) page += "<div>";
  Result<Briefing> b = ParseBytes(page, "deep.html", ParseOptions{});
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), Status::Code::kNotABriefing);
  EXPECT_NE(b.status().message().find("nested"), std::string::npos);
}

}  // namespace
}  // namespace lectern
