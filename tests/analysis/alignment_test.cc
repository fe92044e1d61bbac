#include "analysis/alignment.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "cli/columns.h"
#include "index/index_test_support.h"
#include "ingest/parse.h"
#include "test_support.h"

namespace lectern {
namespace {

using testing::Answer;
using testing::MakeBriefing;
using testing::Question;

// An English page that drops the second of four exchanges, as they often do.
TEST(Alignment, PairsTranslationsAndSkipsDroppedExchanges) {
  Briefing zh = MakeBriefing(
      "zh", "2019-05-20",
      {Question("谷歌公司已经暂停了和华为公司的部分业务合作。中方有何评论？", "Reuters"),
       Answer("我们注意到有关报道。中方支持中国企业拿起法律武器维护自身合法权益。", "陆慷"),
       Question("据报道，朝鲜削减了粮食配给。中方是否会提供援助？"),
       Answer("中方一贯本着人道主义精神向朝鲜提供援助。", "陆慷"),
       Question("美国军舰5月19日在黄岩岛附近航行。中方有何回应？", "AFP"),
       Answer("中国海军依法对美舰进行了识别查证，并予以警告驱离。", "陆慷"),
       Question("2019年中国欧盟商会发布报告称，欧洲企业在华面临困难。你怎么看？"),
       Answer("中方欢迎欧洲企业来华投资兴业。", "陆慷")},
      "zh");
  Briefing en = MakeBriefing(
      "en", "2019-05-20",
      {Question("Google has suspended some of its business with Huawei. What is your comment?",
                "Reuters"),
       Answer("We have noted the reports. China supports Chinese companies in upholding their "
              "legitimate rights with legal means.",
              "Lu Kang"),
       Question("A US warship sailed near Huangyan Dao on May 19. What is your response?", "AFP"),
       Answer("The Chinese navy identified and verified the US warship and warned it off.",
              "Lu Kang"),
       Question("The EU Chamber of Commerce in China said in a 2019 report that European firms "
                "face difficulties. What do you think?"),
       Answer("China welcomes European businesses to invest in China.", "Lu Kang")});
  Alignment a = AlignExchanges(en, zh);
  EXPECT_EQ(a.paired, 3);
  std::vector<std::pair<int, int>> pairs;
  for (const AlignedExchange& r : a.rows) pairs.emplace_back(r.first, r.second);
  EXPECT_EQ(pairs, (std::vector<std::pair<int, int>>{{0, 0}, {-1, 1}, {1, 2}, {2, 3}}));
  EXPECT_EQ(TranslationKey(en), TranslationKey(zh));
  EXPECT_GT(ExchangeSimilarity(en, en.exchanges[1], 1, zh, zh.exchanges[2], 2),
            ExchangeSimilarity(en, en.exchanges[1], 1, zh, zh.exchanges[1], 1));
}

TEST(Alignment, BriefingsWithoutExchangesAlignToNothing) {
  Briefing a = MakeBriefing("a", "2019-01-01", {Answer("Statement.")});
  Briefing b = MakeBriefing("b", "2019-01-01", {Answer("声明。")}, "zh");
  EXPECT_EQ(AlignExchanges(a, b).paired, 0);
  Briefing undated = a;
  undated.date.reset();
  EXPECT_FALSE(TranslationKey(undated));
}

// On the real English and Chinese pages of 2018-11 .. 2019-12: nearly every
// English exchange finds its Chinese original, in order.
TEST(Alignment, RealPairsAlignAlmostCompletely) {
  std::optional<std::string> corpus = testing::CorpusDir();
  if (!corpus || !std::filesystem::is_directory(*corpus + "/mfa-zh-html-2016")) {
    GTEST_SKIP() << "no corpus";
  }
  std::map<std::string, Briefing> en, zh;
  for (const char* folder : {"mfa-en-html", "mfa-zh-html-2016"}) {
    for (const auto& entry : std::filesystem::directory_iterator(*corpus + "/" + folder)) {
      Result<Briefing> b = ParseFile(entry.path().string(), ParseOptions{});
      if (!b.ok() || !b->date || *b->date < "2018-11-01" || *b->date > "2019-12-31") continue;
      if (b->kind != "regular-press-conference") continue;
      (b->language == "en" ? en : zh)[*TranslationKey(*b)] = *b;
    }
  }
  size_t english = 0, paired = 0, pairs = 0;
  for (const auto& [key, e] : en) {
    auto it = zh.find(key);
    if (it == zh.end()) continue;
    ++pairs;
    Alignment a = AlignExchanges(e, it->second);
    english += e.exchanges.size();
    paired += a.paired;
    int last_first = -1, last_second = -1;
    for (const AlignedExchange& r : a.rows) {  // monotone, every exchange once
      if (r.first >= 0) {
        EXPECT_EQ(r.first, ++last_first);
      }
      if (r.second >= 0) {
        EXPECT_EQ(r.second, ++last_second);
      }
    }
    EXPECT_EQ(last_first + 1, static_cast<int>(e.exchanges.size()));
  }
  EXPECT_GT(pairs, 250u);
  EXPECT_GE(static_cast<double>(paired) / english, 0.95);
  std::printf("%zu pairs: %zu of %zu English exchanges aligned (%.1f%%)\n", pairs, paired, english,
              100.0 * paired / english);
}

TEST(Columns, WrapsLatinAtSpacesAndCjkAnywhere) {
  EXPECT_EQ(WrapToWidth("the quick brown fox", 10),
            (std::vector<std::string>{"the quick", "brown fox"}));
  EXPECT_EQ(WrapToWidth("中华人民共和国外交部", 8),
            (std::vector<std::string>{"中华人民", "共和国外", "交部"}));
  EXPECT_EQ(WrapToWidth("a\nb", 10), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(DisplayWidth(U'外'), 2);
  EXPECT_EQ(DisplayWidth(U'a'), 1);
  EXPECT_EQ(SideBySide({"ab"}, {"中"}, 4, "|"), "ab  |中\n");
}

}  // namespace
}  // namespace lectern
