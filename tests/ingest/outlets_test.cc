#include "ingest/outlets.h"

#include <gtest/gtest.h>

namespace lectern {
namespace {

std::string Canonical(std::string_view label) {
  const Outlet* outlet = FindOutlet(label);
  return outlet ? std::string(outlet->name) : "(unknown)";
}

TEST(Outlets, AliasesMeetInOneCanonicalOutlet) {
  EXPECT_EQ(Canonical("Bloomberg"), "Bloomberg");
  EXPECT_EQ(Canonical("Bloomberg News"), "Bloomberg");
  EXPECT_EQ(Canonical("bloomberg  news"), "Bloomberg");
  EXPECT_EQ(Canonical("彭博社"), "Bloomberg");
  EXPECT_EQ(FindOutlet("路透社"), FindOutlet("Reuters"));
  EXPECT_EQ(Canonical("The Wall Street Journal"), "The Wall Street Journal");
  EXPECT_EQ(Canonical("Wall Street Journal"), "The Wall Street Journal");
}

TEST(Outlets, JournalistSuffixesAndParentheticalNamesAreIgnored) {
  EXPECT_EQ(Canonical("Reuters reporter"), "Reuters");
  EXPECT_EQ(Canonical("AFP correspondent"), "AFP");
  EXPECT_EQ(Canonical("路透社记者"), "Reuters");
  EXPECT_EQ(Canonical("Xinhua News Agency (新华社)"), "Xinhua News Agency");
  EXPECT_EQ(StripJournalistSuffix("Hubei Media Group reporter"), "Hubei Media Group");
}

TEST(Outlets, UnknownNamesAreNotGuessed) {
  EXPECT_EQ(FindOutlet("Ruritania Daily"), nullptr);
  EXPECT_EQ(FindOutlet("Geng Shuang"), nullptr);
  EXPECT_EQ(FindOutlet(""), nullptr);
}

}  // namespace
}  // namespace lectern
