// The API handlers apart from HTTP: status codes, JSON shapes, limits, and
// the same bodies as the CLI's --json (the library's serialisations).
#include "server/api.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "index/index_writer.h"
#include "model/briefing_json.h"
#include "query/results_json.h"
#include "server/server_test_support.h"

namespace lectern {
namespace {

using nlohmann::json;
using testing::TempDir;

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::BuildSmallIndex(dir_.path());
    auto holder = IndexHolder::Open(dir_.path());
    ASSERT_TRUE(holder.ok()) << holder.status().message();
    holder_ = std::move(holder).value();
    api_ = std::make_unique<Api>(holder_.get());
  }
  ApiResponse Get(const std::string& path, QueryParams params = {}) {
    return api_->Handle(path, params);
  }

  TempDir dir_;
  std::unique_ptr<IndexHolder> holder_;
  std::unique_ptr<Api> api_;
};

TEST_F(ApiTest, SearchGivesTheCliJson) {
  ApiResponse r = Get("/api/search", {{"q", "Chengdu consulate"}, {"limit", "5"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  EXPECT_EQ(j["query"], "Chengdu consulate");
  EXPECT_EQ(j["total_turns"], 2);
  EXPECT_EQ(j["limit"], 5);
  EXPECT_EQ(j["offset"], 0);
  ASSERT_FALSE(j["hits"].empty());
  const json& hit = j["hits"][0];
  for (const char* key : {"briefing", "turn", "score", "date", "title", "snippet", "exchange",
                          "speaker", "role", "outlet", "follow_up", "text"}) {
    EXPECT_TRUE(hit.contains(key)) << key;
  }
  EXPECT_FALSE(hit["snippet"]["highlights"].empty());
  EXPECT_EQ(hit["exchange"].size(), 2u);

  // Byte for byte what `lectern search --json` prints for the same request.
  Searcher searcher(holder_->Current());
  SearchOptions options;
  options.limit = 5;
  auto direct = searcher.Search("Chengdu consulate", options);
  ASSERT_TRUE(direct.ok());
  EXPECT_EQ(r.body, SearchResultsToJson(*direct, "Chengdu consulate", 0, 5));
}

TEST_F(ApiTest, SearchPagesAndSorts) {
  ApiResponse r =
      Get("/api/search",
          {{"q", "consulate OR visas OR 成都"}, {"sort", "date"}, {"limit", "1"}, {"offset", "1"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json j = json::parse(r.body);
  EXPECT_EQ(j["offset"], 1);
  EXPECT_EQ(j["hits"].size(), 1u);
}

TEST_F(ApiTest, MalformedQueryIs400WithColumn) {
  ApiResponse r = Get("/api/search", {{"q", "outlet:Reuters \"Chengdu"}});
  EXPECT_EQ(r.status, 400);
  json j = json::parse(r.body);
  EXPECT_EQ(j["column"], 16);
  EXPECT_NE(j["error"].get<std::string>().find("unclosed quote"), std::string::npos);
  for (const char* q : {"(", "AND", "\"\"", "NEAR/", "outlet:", "date:2020-13-45", "*", "-",
                        "a NEAR/999999999999 b", ")))((("}) {
    ApiResponse bad = Get("/api/search", {{"q", q}});
    EXPECT_GE(bad.status, 200) << q;
    EXPECT_LT(bad.status, 500) << q << ": " << bad.body;
    EXPECT_NO_THROW(json::parse(bad.body)) << q;
  }
}

TEST_F(ApiTest, BadParametersAre400) {
  const std::vector<QueryParams> cases = {
      {},
      {{"q", ""}},
      {{"q", "x"}, {"limit", "0"}},
      {{"q", "x"}, {"limit", "101"}},
      {{"q", "x"}, {"limit", "ten"}},
      {{"q", "x"}, {"limit", "-1"}},
      {{"q", "x"}, {"limit", "99999999999999999999999"}},
      {{"q", "x"}, {"offset", "10000"}},
      {{"q", "x"}, {"sort", "random"}},
      {{"q", std::string(1001, 'a')}},
      {{"q", "\xff\xfe"}},
  };
  for (const QueryParams& params : cases) {
    ApiResponse r = Get("/api/search", params);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_TRUE(json::parse(r.body).contains("error"));
  }
  ApiResponse tooLong = Get("/api/search", {{"q", std::string(5000, 'a')}});
  EXPECT_NE(tooLong.body.find("too long"), std::string::npos);
}

TEST_F(ApiTest, BriefingGivesTheStoredJsonOr404) {
  ApiResponse r = Get("/api/briefings/mfa-china-en-2020-07-24");
  ASSERT_EQ(r.status, 200) << r.body;
  auto stored = holder_->Current()->LoadBriefing("mfa-china-en-2020-07-24");
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(r.body, ToJsonLine(*stored));
  for (const char* id : {"no-such-id", "../CURRENT", "..", "", "a/b", "%2e%2e"}) {
    ApiResponse missing = Get(std::string("/api/briefings/") + id);
    EXPECT_EQ(missing.status, 404) << id;
    EXPECT_TRUE(json::parse(missing.body).contains("error"));
  }
}

TEST_F(ApiTest, StatsHasMonthsAndTop) {
  ApiResponse r = Get("/api/stats", {{"top", "1"}});
  ASSERT_EQ(r.status, 200);
  json j = json::parse(r.body);
  EXPECT_EQ(j["briefings"], 3);
  EXPECT_EQ(j["months"]["2020-07"], 2);
  EXPECT_EQ(j["outlets"].size(), 1u);
  EXPECT_EQ(Get("/api/stats", {{"top", "0"}}).status, 400);
}

TEST_F(ApiTest, UnknownEndpointIs404) {
  EXPECT_EQ(Get("/api/nothing").status, 404);
  EXPECT_EQ(Get("/api/").status, 404);
  EXPECT_EQ(Get("/api/search/extra").status, 404);
}

TEST_F(ApiTest, ANewCommitIsPickedUp) {
  EXPECT_EQ(json::parse(Get("/api/search", {{"q", "Huawei"}}).body)["total_turns"], 0);
  {
    auto writer = IndexWriter::Open(dir_.path());
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)
                    ->Add(testing::MakeBriefing("mfa-china-en-2020-10-01", "2020-10-01",
                                                {testing::Question("And Huawei?", "Reuters"),
                                                 testing::Answer("Huawei is a private company.")}))
                    .ok());
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  EXPECT_EQ(json::parse(Get("/api/search", {{"q", "Huawei"}}).body)["total_turns"], 2);
  EXPECT_EQ(json::parse(Get("/api/stats").body)["briefings"], 4);
}

TEST_F(ApiTest, TalkingPointListAndDetail) {
  // Two briefings where the spokesperson repeats one passage, so that a
  // talking point exists at min_briefings=2 (3 would be under the default).
  const std::string passage =
      "The so-called clean network is nothing but a political manipulation aimed at "
      "suppressing Chinese companies.";
  {
    auto writer = IndexWriter::Open(dir_.path());
    ASSERT_TRUE(writer.ok());
    for (const char* date : {"2020-08-06", "2020-08-10"}) {
      ASSERT_TRUE((*writer)
                      ->Add(testing::MakeBriefing(std::string("mfa-china-en-") + date, date,
                                                  {testing::Question("On the network?", "AFP"),
                                                   testing::Answer(passage + " We reject it.")}))
                      .ok());
    }
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  ApiResponse list = Get("/api/talking-points", {{"min_briefings", "2"}});
  ASSERT_EQ(list.status, 200) << list.body;
  json points = json::parse(list.body)["talking_points"];
  ASSERT_FALSE(points.empty()) << list.body;
  const std::string id = points[0]["id"];
  EXPECT_FALSE(points[0].contains("uses"));  // the list leaves the uses out

  ApiResponse one = Get("/api/talking-points/" + id, {{"min_briefings", "2"}});
  ASSERT_EQ(one.status, 200) << one.body;
  json point = json::parse(one.body);
  EXPECT_EQ(point["id"], id);
  ASSERT_EQ(point["uses"].size(), 2u);
  EXPECT_NE(point["uses"][0]["context"].get<std::string>().find("clean network"),
            std::string::npos);
  EXPECT_EQ(point["uses"][0]["highlight"].size(), 2u);

  EXPECT_EQ(Get("/api/talking-points/tp-000000000000", {{"min_briefings", "2"}}).status, 404);
  EXPECT_EQ(Get("/api/talking-points/" + id).status, 404);  // not a point at 3 briefings
  EXPECT_EQ(Get("/api/talking-points/" + id, {{"min_briefings", "1"}}).status, 400);
  EXPECT_EQ(Get("/api/talking-points/" + std::string(100, 'a')).status, 404);
}

}  // namespace
}  // namespace lectern
