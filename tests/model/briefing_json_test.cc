#include "model/briefing_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace lectern {
namespace {

Briefing Sample() {
  Briefing b;
  b.id = "mfa-china-en-2020-07-24";
  b.institution = "mfa-china";
  b.language = "en";
  b.date = "2020-07-24";
  b.title = "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on July 24, 2020";
  b.kind = "regular-press-conference";
  b.spokespersons = {"Wang Wenbin"};
  b.source = "page.html";
  b.turns = {Turn{std::nullopt, Role::kQuestion, "Reuters", false, "Can you confirm?", "Reuters"},
             Turn{"Wang Wenbin", Role::kAnswer, std::nullopt, false, "Yes.\nThat is right.", ""}};
  b.exchanges = {Exchange{{0}, {1}}};
  return b;
}

TEST(BriefingJson, EmitsExactlyTheContractKeys) {
  nlohmann::json j = nlohmann::json::parse(ToJsonLine(Sample()));
  std::vector<std::string> keys;
  for (auto& [key, value] : j.items()) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  EXPECT_EQ(keys,
            (std::vector<std::string>{"date", "exchanges", "id", "institution", "kind", "language",
                                      "source", "spokespersons", "title", "turns"}));
  std::vector<std::string> turn_keys;
  for (auto& [key, value] : j["turns"][0].items()) turn_keys.push_back(key);
  std::sort(turn_keys.begin(), turn_keys.end());
  EXPECT_EQ(turn_keys,
            (std::vector<std::string>{"follow_up", "outlet", "role", "speaker", "text"}));
  EXPECT_TRUE(j["turns"][0]["speaker"].is_null());
  EXPECT_EQ(j["turns"][0]["outlet"], "Reuters");
  EXPECT_EQ(j["turns"][1]["role"], "answer");
  EXPECT_EQ(j["exchanges"][0]["question"], nlohmann::json::array({0}));
}

TEST(BriefingJson, RoundTripsEverythingButTheInternalLabel) {
  Briefing b = Sample();
  Result<Briefing> back = BriefingFromJson(ToJsonLine(b));
  ASSERT_TRUE(back.ok()) << back.status().message();
  for (Turn& t : b.turns) t.label.clear();
  EXPECT_EQ(*back, b);
}

TEST(BriefingJson, NullDateRoundTrips) {
  Briefing b = Sample();
  b.date.reset();
  EXPECT_NE(ToJsonLine(b).find("\"date\":null"), std::string::npos);
  Result<Briefing> back = BriefingFromJson(ToJsonLine(b));
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->date.has_value());
}

TEST(BriefingJson, RejectsMalformedInputWithTheKeyNamed) {
  EXPECT_FALSE(BriefingFromJson("{").ok());
  EXPECT_FALSE(BriefingFromJson("[]").ok());
  Result<Briefing> missing = BriefingFromJson(R"({"id":"x"})");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("institution"), std::string::npos);
  std::string bad_index = ToJsonLine(Sample());
  bad_index.replace(bad_index.find("\"answer\":[1]"), 12, "\"answer\":[7]");
  EXPECT_FALSE(BriefingFromJson(bad_index).ok());
}

}  // namespace
}  // namespace lectern
