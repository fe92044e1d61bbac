// The MFA Chinese profile end to end, on invented fixtures in both templates.
#include "ingest/profiles/mfa_zh.h"

#include <gtest/gtest.h>

#include "ingest/parse.h"
#include "test_support.h"

namespace lectern {
namespace {

using testing::FixturePath;
using testing::MustParse;
using testing::TurnSignatures;

TEST(MfaZhTitle, ReadsDateSpokespersonAndKind) {
  MfaChineseProfile profile;
  auto facts =
      profile.ReadTitle("2020年9月7日外交部发言人赵立坚主持例行记者会 — 中华人民共和国外交部");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->title, "2020年9月7日外交部发言人赵立坚主持例行记者会");
  EXPECT_EQ(facts->date, "2020-09-07");
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Zhao Lijian"});
  EXPECT_EQ(facts->kind, "regular-press-conference");

  facts = profile.ReadTitle("外交部发言人耿爽2月15日答记者问 — 中华人民共和国外交部");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Geng Shuang"});
  EXPECT_EQ(facts->kind, "answers-to-questions");
  EXPECT_FALSE(facts->date);  // no year: the page's publication date decides

  facts = profile.ReadTitle("外交部发言人就某国局势发表谈话_中华人民共和国外交部");
  ASSERT_TRUE(facts);
  EXPECT_TRUE(facts->spokespersons.empty());
  EXPECT_EQ(facts->kind, "remarks");

  facts = profile.ReadTitle("耿爽：中国政府决定派遣医疗专家组 — 中华人民共和国外交部");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->spokespersons, std::vector<std::string>{"Geng Shuang"});

  // Listing pages, news items, other sites.
  EXPECT_FALSE(profile.ReadTitle("发言人表态_中华人民共和国外交部"));
  EXPECT_FALSE(profile.ReadTitle("中华人民共和国外交部"));
  EXPECT_FALSE(profile.ReadTitle("中国政府向某国派遣抗疫医疗专家组 — 中华人民共和国外交部"));
  EXPECT_FALSE(profile.ReadTitle(
      "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on July 24, 2020"));
}

TEST(MfaZhLabels, OutletsAndSpokespersonsResolveAcrossLanguages) {
  MfaChineseProfile profile;
  TitleFacts facts;
  facts.spokespersons = {"Wang Wenbin"};
  auto label = [&](const std::string& text) {
    return profile.ReadLabel(Paragraph{text, 0, false}, Syntax::kHtml, facts);
  };
  struct Case {
    const char* text;
    Role role;
    const char* who;  // outlet for questions, speaker otherwise, "" for none
    bool follow_up;
  };
  for (const Case& c :
       {Case{"问：中方有何评论？", Role::kQuestion, "", false},
        Case{"答：我们注意到了。", Role::kAnswer, "", false},
        Case{"追问：那么呢？", Role::kQuestion, "", true},
        Case{"路透社记者：中方是否确认？", Role::kQuestion, "Reuters", false},
        Case{"彭博社记者:半角冒号也行。", Role::kQuestion, "Bloomberg", false},
        Case{"《环球时报》记者：有何评论？", Role::kQuestion, "Global Times", false},
        Case{"日本共同社记者：有何评论？", Role::kQuestion, "Kyodo News", false},
        Case{"总台央视记者：有何评论？", Role::kQuestion, "CCTV", false},
        Case{"巴西《环球报》记者：有何评论？", Role::kQuestion, "O Globo", false},
        Case{"某某新闻网记者：有何评论？", Role::kQuestion, "某某新闻网", false},
        Case{"汪文斌：中方立场是一贯的。", Role::kAnswer, "Wang Wenbin", false},
        Case{"华春莹：我补充一点。", Role::kAnswer, "Hua Chunying", false},
        Case{"外交部发言人赵立坚宣布：应邀，某国外长将访华。", Role::kStatement, "Zhao Lijian",
             false}}) {
    auto l = label(c.text);
    ASSERT_TRUE(l) << c.text;
    EXPECT_EQ(l->role, c.role) << c.text;
    const auto& who = c.role == Role::kQuestion ? l->outlet : l->speaker;
    EXPECT_EQ(who.value_or(""), c.who) << c.text;
    EXPECT_EQ(l->follow_up, c.follow_up) << c.text;
  }
  auto reported = label("会后有记者问及：中方对此有何回应？");
  ASSERT_TRUE(reported);
  EXPECT_EQ(reported->body_start, 0u);
  for (const char* prose :
       {"第一宗罪：某某", "毛泽东主席曾说：某某", "台湾问题的真正现状是：某某"}) {
    EXPECT_FALSE(label(prose)) << prose;
  }
}

TEST(MfaZh, OldTemplate) {
  Briefing b = MustParse("mfa-zh/briefing_2017_old_template.html");
  EXPECT_EQ(b.id, "mfa-china-zh-2017-03-09");
  EXPECT_EQ(b.language, "zh");
  EXPECT_EQ(b.institution, "mfa-china");
  EXPECT_EQ(
      TurnSignatures(b),
      (std::vector<std::string>{
          "Geng Shuang | statement | - | 应国务委员兼外长王毅邀请，某国外长将于3月12日至14日访华。",
          "- | question | - | 据报道，某国将举行大选。中方对此有何评论？",
          "Geng Shuang | answer | - | 我们注意到有关报道。中方一贯奉行不干涉内政原则。\n"
          "我们希望有关各方保持冷静克制。",
          "- | question | - | follow-up | 中方是否会派观察员？",
          "Geng Shuang | answer | - | 我目前没有可以发布的消息。",
          "- | question | - | “天问一号”什么时候发射？",
          "Geng Shuang | answer | - | 请你向主管部门询问。（记者：好的。）我们乐见航天合作。",
          "- | question | - | 会后有记者问及：中方对昨天的事件有何回应？",
          "Geng Shuang | answer | - | 中方对遇难者表示哀悼。",
      }));
  EXPECT_EQ(b.exchanges.size(), 4u);
}

TEST(MfaZh, NewTemplateWithOutlets) {
  Briefing b = MustParse("mfa-zh/briefing_2021_new_template.html");
  EXPECT_EQ(b.date, "2021-02-24");
  EXPECT_EQ(b.spokespersons, std::vector<std::string>{"Wang Wenbin"});
  std::vector<std::string> outlets;
  for (const Turn& t : b.turns) {
    if (t.role == Role::kQuestion) outlets.push_back(t.outlet.value_or("-"));
  }
  EXPECT_EQ(outlets,
            (std::vector<std::string>{"Kyodo News", "Reuters", "Beijing Youth Daily",
                                      "China Radio International", "某某新闻网", "Kyodo News"}));
  EXPECT_EQ(b.turns[1].text,
            "关于第一个问题，我不了解你说的情况。\n关于第二个问题，中方立场是一贯的。");
  EXPECT_EQ(b.exchanges.size(), 6u);
  for (const Turn& t : b.turns)
    EXPECT_EQ(t.text.find("地址"), std::string::npos);  // footer left out
}

TEST(MfaZh, UndatedTitleTakesThePublicationDate) {
  Briefing b = MustParse("mfa-zh/answers_undated_title.html");
  EXPECT_EQ(b.date, "2020-10-07");
  EXPECT_EQ(b.kind, "answers-to-questions");
  EXPECT_EQ(b.spokespersons, std::vector<std::string>{"Hua Chunying"});
  EXPECT_EQ(b.id.rfind("mfa-china-zh-2020-10-07-answers-to-questions-", 0), 0u);
}

}  // namespace
}  // namespace lectern
