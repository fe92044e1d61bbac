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

TEST(EnglishDates, ReadsAmericanNumericDates) {
  EXPECT_EQ(FindUsNumericDate("Press Briefing by Press Secretary Jay Carney, 6/22/2011"),
            "2011-06-22");
  EXPECT_EQ(FindUsNumericDate("Press Briefing 1/22/09"), "2009-01-22");
  EXPECT_EQ(FindUsNumericDate("Press Briefing 12/3/12 | whitehouse.gov"), "2012-12-03");
  EXPECT_EQ(FindUsNumericDate("on 2/29/2012"), "2012-02-29");
  EXPECT_EQ(FindUsNumericDate("in 1999: 7/4/99"), "1999-07-04");
  EXPECT_EQ(FindUsNumericDate("2/29/2011"), std::nullopt);  // not a leap year
  EXPECT_EQ(FindUsNumericDate("22/6/2011"), std::nullopt);  // day first is not read
  EXPECT_EQ(FindUsNumericDate("1/22/009"), std::nullopt);   // three-digit year
  EXPECT_EQ(FindUsNumericDate("8% of 4.9 million"), std::nullopt);
  EXPECT_EQ(FindUsNumericDate("#59-05/19/2009/3"), std::nullopt);
  EXPECT_EQ(FindUsNumericDate("3/4"), std::nullopt);
  EXPECT_EQ(FindUsNumericDate(""), std::nullopt);
  // FindEnglishDate does not read numeric month/day forms.
  EXPECT_EQ(FindEnglishDate("Press Briefing 1/22/09"), std::nullopt);
}

TEST(EnglishDates, FormatDateValidates) {
  EXPECT_EQ(FormatDate(2000, 2, 29), "2000-02-29");
  EXPECT_EQ(FormatDate(1900, 2, 29), std::nullopt);
  EXPECT_EQ(FormatDate(2020, 13, 1), std::nullopt);
}

}  // namespace
}  // namespace lectern
