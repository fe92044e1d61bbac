#include "ingest/profiles/english_dates.h"

#include <gtest/gtest.h>

namespace lectern {
namespace {

TEST(EnglishDates, ReadsTheFormsTitlesUse) {
  EXPECT_EQ(FindEnglishDate("Regular Press Conference on June 11, 2018"), "2018-06-11");
  EXPECT_EQ(FindEnglishDate("Regular Press Conference on June11, 2018"), "2018-06-11");
  EXPECT_EQ(FindEnglishDate("on 11 June 2018"), "2018-06-11");
  EXPECT_EQ(FindEnglishDate("on Sept. 3, 2019"), "2019-09-03");
  EXPECT_EQ(FindEnglishDate("on December 31st, 2019"), "2019-12-31");
  EXPECT_EQ(FindEnglishDate("published 2020-07-24"), "2020-07-24");
  EXPECT_EQ(FindEnglishDate("FEBRUARY 29, 2020"), "2020-02-29");
}

TEST(EnglishDates, RejectsWhatIsNotADate) {
  EXPECT_EQ(FindEnglishDate("Remarks on US House Speaker's Remarks"), std::nullopt);
  EXPECT_EQ(FindEnglishDate("February 29, 2019"), std::nullopt);  // not a leap year
  EXPECT_EQ(FindEnglishDate("June 31, 2018"), std::nullopt);
  EXPECT_EQ(FindEnglishDate("It may 5 times"), std::nullopt);
  EXPECT_EQ(FindEnglishDate(""), std::nullopt);
}

TEST(EnglishDates, FormatDateValidates) {
  EXPECT_EQ(FormatDate(2000, 2, 29), "2000-02-29");
  EXPECT_EQ(FormatDate(1900, 2, 29), std::nullopt);
  EXPECT_EQ(FormatDate(2020, 13, 1), std::nullopt);
}

}  // namespace
}  // namespace lectern
