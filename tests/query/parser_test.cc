#include "query/parser.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace lectern {
namespace {

// The whole tree in canonical form, or "error: MESSAGE".
std::string P(std::string_view query) {
  Result<std::unique_ptr<QueryNode>> result = ParseQuery(query);
  if (!result.ok()) return "error: " + result.status().message();
  return (*result)->DebugString();
}

// The error message of a query that must not parse.
std::string E(std::string_view query) {
  Result<std::unique_ptr<QueryNode>> result = ParseQuery(query);
  if (result.ok()) return "parsed: " + (*result)->DebugString();
  EXPECT_EQ(result.status().code(), Status::Code::kInvalidArgument) << query;
  return result.status().message();
}

std::unique_ptr<QueryNode> Tree(std::string_view query) {
  Result<std::unique_ptr<QueryNode>> result = ParseQuery(query);
  EXPECT_TRUE(result.ok()) << query << ": " << result.status().message();
  return result.ok() ? std::move(*result) : nullptr;
}

// ---------------------------------------------------------------------------
// DebugString

TEST(QueryDebugString, PrintsEveryKindInCanonicalForm) {
  auto leaf = [](QueryKind kind, std::string text) {
    auto node = std::make_unique<QueryNode>();
    node->kind = kind;
    node->text = std::move(text);
    return node;
  };
  QueryNode root;
  root.kind = QueryKind::kAnd;
  root.children.push_back(leaf(QueryKind::kTerm, "a"));
  auto disjunction = std::make_unique<QueryNode>();
  disjunction->kind = QueryKind::kOr;
  disjunction->children.push_back(leaf(QueryKind::kTerm, "b"));
  disjunction->children.push_back(leaf(QueryKind::kPhrase, "c d"));
  root.children.push_back(std::move(disjunction));
  auto negation = std::make_unique<QueryNode>();
  negation->kind = QueryKind::kNot;
  negation->children.push_back(leaf(QueryKind::kPrefix, "e"));
  root.children.push_back(std::move(negation));
  auto near = std::make_unique<QueryNode>();
  near->kind = QueryKind::kNear;
  near->distance = 3;
  near->children.push_back(leaf(QueryKind::kTerm, "f"));
  near->children.push_back(leaf(QueryKind::kTerm, "g"));
  root.children.push_back(std::move(near));
  auto outlet = std::make_unique<QueryNode>();
  outlet->kind = QueryKind::kField;
  outlet->field = "outlet";
  outlet->values = {"Reuters", "AFP", "Bloomberg News", "a|b"};
  root.children.push_back(std::move(outlet));
  auto date = std::make_unique<QueryNode>();
  date->kind = QueryKind::kField;
  date->field = "date";
  date->date_from = "2020-01-01";
  date->date_to = "2020-06-30";
  root.children.push_back(std::move(date));
  EXPECT_EQ(root.DebugString(),
            "(AND a (OR b \"c d\") (NOT e*) (NEAR/3 f g) outlet:Reuters|AFP|\"Bloomberg News\"|"
            "\"a|b\" date:2020-01-01..2020-06-30)");
}

TEST(QueryDebugString, PrintsOpenDateEndsEmpty) {
  QueryNode node;
  node.kind = QueryKind::kField;
  node.field = "date";
  node.date_from = "2020-01-01";
  EXPECT_EQ(node.DebugString(), "date:2020-01-01..");
  node.date_from.reset();
  node.date_to = "2019-12-31";
  EXPECT_EQ(node.DebugString(), "date:..2019-12-31");
}

// ---------------------------------------------------------------------------
// Terms, phrases, prefixes

TEST(QueryParser, SingleTerm) {
  EXPECT_EQ(P("sanctions"), "sanctions");
  EXPECT_EQ(P("  sanctions \t\n"), "sanctions");
  auto node = Tree("  sanctions");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->kind, QueryKind::kTerm);
  EXPECT_EQ(node->text, "sanctions");
  EXPECT_EQ(node->column, 3u);
}

TEST(QueryParser, TermsKeepTheirCaseAndPunctuation) {
  EXPECT_EQ(P("Taiwan"), "Taiwan");
  EXPECT_EQ(P("U.S."), "U.S.");
  EXPECT_EQ(P("don't"), "don't");
  EXPECT_EQ(P("COVID-19"), "COVID-19");
}

TEST(QueryParser, HyphenatedWordsAreOneTerm) {
  EXPECT_EQ(P("US-China"), "US-China");
  EXPECT_EQ(P("US-China relations"), "(AND US-China relations)");
  EXPECT_EQ(P("self-"), "self-");
  EXPECT_EQ(P("a-b-c"), "a-b-c");
}

TEST(QueryParser, ChineseWordsAndPhrases) {
  EXPECT_EQ(P("外交部"), "外交部");
  EXPECT_EQ(P("外交部 \"天问一号\""), "(AND 外交部 \"天问一号\")");
  EXPECT_EQ(P("外交部　发言人"), "(AND 外交部 发言人)");  // ideographic space
  auto node = Tree("外交部 \"天问一号\"");
  ASSERT_NE(node, nullptr);
  ASSERT_EQ(node->children.size(), 2u);
  EXPECT_EQ(node->children[1]->kind, QueryKind::kPhrase);
  EXPECT_EQ(node->children[1]->text, "天问一号");
  EXPECT_EQ(node->children[1]->column, 5u);
}

TEST(QueryParser, Phrases) {
  EXPECT_EQ(P("\"one China\""), "\"one China\"");
  auto node = Tree("\"one China\"");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->kind, QueryKind::kPhrase);
  EXPECT_EQ(node->text, "one China");
  // A quoted single word is still a phrase (no analysis into a prefix etc.).
  EXPECT_EQ(Tree("\"diplom*\"")->kind, QueryKind::kPhrase);
  // White space inside quotes is collapsed and trimmed.
  EXPECT_EQ(P("\"  one \t China  \""), "\"one China\"");
  // Operators and field syntax inside quotes are plain text.
  EXPECT_EQ(P("\"war AND peace\""), "\"war AND peace\"");
  EXPECT_EQ(P("\"outlet:AFP (x)\""), "\"outlet:AFP (x)\"");
}

TEST(QueryParser, TypographicQuotesOpenAndClosePhrases) {
  EXPECT_EQ(P("“one China”"), "\"one China\"");
  EXPECT_EQ(P("“one China\""), "\"one China\"");
  EXPECT_EQ(P("\"one China”"), "\"one China\"");
  EXPECT_EQ(P("”one China“"), "\"one China\"");
  EXPECT_EQ(P("a“b c”d"), "(AND a \"b c\" d)");
  EXPECT_EQ(P("“天问一号” 外交部"), "(AND \"天问一号\" 外交部)");
  auto node = Tree("“a b” “c d”");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->children[1]->column, 7u);
}

TEST(QueryParser, Prefixes) {
  EXPECT_EQ(P("diplom*"), "diplom*");
  auto node = Tree("diplom*");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->kind, QueryKind::kPrefix);
  EXPECT_EQ(node->text, "diplom");
  EXPECT_EQ(P("diplom**"), "diplom*");
  EXPECT_EQ(P("外交*"), "外交*");
  EXPECT_EQ(P("a*b"), "a*b");  // only a trailing '*' makes a prefix
  EXPECT_EQ(P("*ism"), "*ism");
  EXPECT_EQ(P("US-Chin* trade"), "(AND US-Chin* trade)");
}

TEST(QueryParser, InvisibleCodePointsAreDropped) {
  EXPECT_EQ(P("\xEF\xBB\xBFtrade"), "trade");  // byte order mark
  EXPECT_EQ(P("tra\xE2\x80\x8B"
              "de"),
            "trade");  // zero-width space
  EXPECT_EQ(P("A\xC2\xAD"
              "ND"),
            "error: col 1: 'AND' needs something on its left");
}

// ---------------------------------------------------------------------------
// Operators and precedence

TEST(QueryParser, ImplicitAnd) {
  EXPECT_EQ(P("a b"), "(AND a b)");
  EXPECT_EQ(P("a b c"), "(AND a b c)");
  EXPECT_EQ(P("a AND b"), "(AND a b)");
  EXPECT_EQ(P("a AND b c AND d"), "(AND a b c d)");
}

TEST(QueryParser, Or) {
  EXPECT_EQ(P("a OR b"), "(OR a b)");
  EXPECT_EQ(P("a OR b OR c"), "(OR a b c)");
}

TEST(QueryParser, AndBindsTighterThanOr) {
  EXPECT_EQ(P("a OR b c"), "(OR a (AND b c))");
  EXPECT_EQ(P("a b OR c"), "(OR (AND a b) c)");
  EXPECT_EQ(P("a AND b OR c AND d"), "(OR (AND a b) (AND c d))");
}

TEST(QueryParser, NotBindsTighterThanAnd) {
  EXPECT_EQ(P("NOT a b"), "(AND (NOT a) b)");
  EXPECT_EQ(P("a NOT b"), "(AND a (NOT b))");
  EXPECT_EQ(P("a AND NOT b"), "(AND a (NOT b))");
  EXPECT_EQ(P("NOT a OR b"), "(OR (NOT a) b)");
  EXPECT_EQ(P("NOT NOT a"), "(NOT (NOT a))");
}

TEST(QueryParser, NearBindsTighterThanNot) {
  EXPECT_EQ(P("NOT a NEAR b"), "(NOT (NEAR/10 a b))");
  EXPECT_EQ(P("a NEAR/3 b c"), "(AND (NEAR/3 a b) c)");
  EXPECT_EQ(P("x OR a NEAR/0 b"), "(OR x (NEAR/0 a b))");
}

TEST(QueryParser, Near) {
  EXPECT_EQ(P("a NEAR b"), "(NEAR/10 a b)");
  EXPECT_EQ(P("a NEAR/0 b"), "(NEAR/0 a b)");
  EXPECT_EQ(P("a NEAR/5 b"), "(NEAR/5 a b)");
  EXPECT_EQ(P("a NEAR/1000 b"), "(NEAR/1000 a b)");
  EXPECT_EQ(P("a NEAR/007 b"), "(NEAR/7 a b)");
  EXPECT_EQ(P("\"one China\" NEAR/5 Taiwan*"), "(NEAR/5 \"one China\" Taiwan*)");
  EXPECT_EQ(P("(a OR b) NEAR/2 c"), "(NEAR/2 (OR a b) c)");
  // Chains associate to the left.
  EXPECT_EQ(P("a NEAR/1 b NEAR/2 c"), "(NEAR/2 (NEAR/1 a b) c)");
  auto node = Tree("x a NEAR/4 b");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->children[1]->kind, QueryKind::kNear);
  EXPECT_EQ(node->children[1]->distance, 4);
  EXPECT_EQ(node->children[1]->column, 3u);
}

TEST(QueryParser, LowerCaseOperatorsAreWords) {
  EXPECT_EQ(P("war and peace"), "(AND war and peace)");
  EXPECT_EQ(P("this or that"), "(AND this or that)");
  EXPECT_EQ(P("not me"), "(AND not me)");
  EXPECT_EQ(P("near far"), "(AND near far)");
  EXPECT_EQ(P("And Or Not Near"), "(AND And Or Not Near)");
  EXPECT_EQ(P("NEARBY ANDROID ORBIT NOTE"), "(AND NEARBY ANDROID ORBIT NOTE)");
}

TEST(QueryParser, MinusIsNot) {
  EXPECT_EQ(P("-a"), "(NOT a)");
  EXPECT_EQ(P("trade -tariffs"), "(AND trade (NOT tariffs))");
  EXPECT_EQ(P("-\"one China\""), "(NOT \"one China\")");
  EXPECT_EQ(P("-“one China”"), "(NOT \"one China\")");
  EXPECT_EQ(P("-(a OR b) c"), "(AND (NOT (OR a b)) c)");
  EXPECT_EQ(P("-outlet:AFP"), "(NOT outlet:AFP)");
  EXPECT_EQ(P("-diplom*"), "(NOT diplom*)");
  EXPECT_EQ(P("--a"), "(NOT (NOT a))");
  EXPECT_EQ(P("-a NEAR b"), "(NOT (NEAR/10 a b))");
  EXPECT_EQ(P("-外交部"), "(NOT 外交部)");
  EXPECT_EQ(P("-\xE2\x80\x8Bx"), "(NOT x)");  // an invisible code point in between
  EXPECT_EQ(P("-\xE2\x80\x8B x"), "(AND - x)");
  auto node = Tree("x -y");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->children[1]->kind, QueryKind::kNot);
  EXPECT_EQ(node->children[1]->column, 3u);
  EXPECT_EQ(node->children[1]->children[0]->column, 4u);
}

TEST(QueryParser, LoneHyphenIsAWord) {
  EXPECT_EQ(P("a - b"), "(AND a - b)");
  EXPECT_EQ(P("(a -)"), "(AND a -)");
  EXPECT_EQ(P("-"), "-");
}

TEST(QueryParser, Parentheses) {
  EXPECT_EQ(P("(a)"), "a");
  EXPECT_EQ(P("((a))"), "a");
  EXPECT_EQ(P("(a OR b) c"), "(AND (OR a b) c)");
  EXPECT_EQ(P("a (b OR c) d"), "(AND a (OR b c) d)");
  EXPECT_EQ(P("(a OR (b (c OR d)))"), "(OR a (AND b (OR c d)))");
  EXPECT_EQ(P("((a OR b) AND (c OR NOT d))"), "(AND (OR a b) (OR c (NOT d)))");
  EXPECT_EQ(P("NOT (a b)"), "(NOT (AND a b))");
  EXPECT_EQ(P("a(b)c"), "(AND a b c)");
  EXPECT_EQ(P("(a OR b)OR(c)"), "(OR a b c)");
}

TEST(QueryParser, NestedAndsAndOrsOfTheSameKindAreFlattened) {
  EXPECT_EQ(P("(a b) c"), "(AND a b c)");
  EXPECT_EQ(P("a (b (c d))"), "(AND a b c d)");
  EXPECT_EQ(P("(a OR b) OR c"), "(OR a b c)");
  EXPECT_EQ(P("a OR (b OR (c OR d))"), "(OR a b c d)");
  // Different kinds stay nested.
  EXPECT_EQ(P("(a OR b) (c OR d)"), "(AND (OR a b) (OR c d))");
  EXPECT_EQ(P("NOT (NOT a)"), "(NOT (NOT a))");
  auto node = Tree("(a b) c");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->children.size(), 3u);
}

TEST(QueryParser, Columns) {
  auto node = Tree("a OR “b c” 外交部 NOT d*");
  ASSERT_NE(node, nullptr);
  ASSERT_EQ(node->kind, QueryKind::kOr);
  EXPECT_EQ(node->column, 1u);
  const QueryNode& rhs = *node->children[1];
  ASSERT_EQ(rhs.kind, QueryKind::kAnd);
  EXPECT_EQ(rhs.column, 6u);
  EXPECT_EQ(rhs.children[0]->column, 6u);   // “b c”
  EXPECT_EQ(rhs.children[1]->column, 12u);  // 外交部
  EXPECT_EQ(rhs.children[2]->column, 16u);  // NOT
  EXPECT_EQ(rhs.children[2]->children[0]->column, 20u);
}

// ---------------------------------------------------------------------------
// Fields

TEST(QueryParser, EveryFieldWithOneValue) {
  EXPECT_EQ(P("outlet:Reuters"), "outlet:Reuters");
  EXPECT_EQ(P("speaker:Wang"), "speaker:Wang");
  EXPECT_EQ(P("role:question"), "role:question");
  EXPECT_EQ(P("role:answer"), "role:answer");
  EXPECT_EQ(P("role:statement"), "role:statement");
  EXPECT_EQ(P("lang:en"), "lang:en");
  EXPECT_EQ(P("lang:zho"), "lang:zho");
  EXPECT_EQ(P("kind:press-conference"), "kind:press-conference");
  EXPECT_EQ(P("institution:mfa-china"), "institution:mfa-china");
  EXPECT_EQ(P("date:2020"), "date:2020-01-01..2020-12-31");
  auto node = Tree("x outlet:Reuters");
  ASSERT_NE(node, nullptr);
  const QueryNode& field = *node->children[1];
  EXPECT_EQ(field.kind, QueryKind::kField);
  EXPECT_EQ(field.field, "outlet");
  EXPECT_EQ(field.values, std::vector<std::string>{"Reuters"});
  EXPECT_EQ(field.column, 3u);
}

TEST(QueryParser, FieldNamesAreCaseInsensitive) {
  EXPECT_EQ(P("Outlet:Reuters"), "outlet:Reuters");
  EXPECT_EQ(P("SPEAKER:Hua"), "speaker:Hua");
  EXPECT_EQ(P("DaTe:2020"), "date:2020-01-01..2020-12-31");
}

TEST(QueryParser, RoleAndLangValuesAreCheckedIgnoringCaseAndKeptAsTyped) {
  EXPECT_EQ(P("role:Question"), "role:Question");
  EXPECT_EQ(P("role:ANSWER|statement"), "role:ANSWER|statement");
  EXPECT_EQ(P("lang:EN|Zh"), "lang:EN|Zh");
}

TEST(QueryParser, OtherValuesAreKeptAsTyped) {
  EXPECT_EQ(P("outlet:reuters"), "outlet:reuters");
  EXPECT_EQ(P("speaker:汪文斌"), "speaker:汪文斌");
  EXPECT_EQ(P("outlet:AND"), "outlet:AND");  // operators are values here
  EXPECT_EQ(P("outlet:NOT|OR"), "outlet:NOT|OR");
  EXPECT_EQ(P("outlet:-AFP"), "outlet:-AFP");
  EXPECT_EQ(P("kind:a:b"), "kind:a:b");
  EXPECT_EQ(P("outlet:AFP*"), "outlet:AFP*");
}

TEST(QueryParser, QuotedValues) {
  EXPECT_EQ(P("speaker:\"Wang Wenbin\""), "speaker:\"Wang Wenbin\"");
  auto node = Tree("speaker:\"Wang  Wenbin\"");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->values, std::vector<std::string>{"Wang Wenbin"});
  EXPECT_EQ(P("speaker:“Hua Chunying”"), "speaker:\"Hua Chunying\"");
  EXPECT_EQ(P("outlet:\"AFP\""), "outlet:AFP");
  EXPECT_EQ(P("outlet:\"a|b\""), "outlet:\"a|b\"");
  EXPECT_EQ(P("outlet:\"(x)\""), "outlet:\"(x)\"");
  EXPECT_EQ(P("role:\"answer\""), "role:answer");
  EXPECT_EQ(P("date:\"2020-02\""), "date:2020-02-01..2020-02-29");
}

TEST(QueryParser, Alternatives) {
  EXPECT_EQ(P("outlet:Reuters|AFP|\"Bloomberg News\""), "outlet:Reuters|AFP|\"Bloomberg News\"");
  auto node = Tree("outlet:Reuters|AFP|\"Bloomberg News\"");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->values, (std::vector<std::string>{"Reuters", "AFP", "Bloomberg News"}));
  EXPECT_EQ(P("speaker:\"Wang Wenbin\"|“Hua Chunying”|Zhao"),
            "speaker:\"Wang Wenbin\"|\"Hua Chunying\"|Zhao");
  EXPECT_EQ(P("role:question|answer"), "role:question|answer");
  EXPECT_EQ(P("lang:en|zh"), "lang:en|zh");
  EXPECT_EQ(P("kind:a|b"), "kind:a|b");
  EXPECT_EQ(P("institution:mfa-china|mod-china"), "institution:mfa-china|mod-china");
}

TEST(QueryParser, DateAlternativesBecomeAnOrOfRanges) {
  EXPECT_EQ(P("date:2019|2021-03"), "(OR date:2019-01-01..2019-12-31 date:2021-03-01..2021-03-31)");
  EXPECT_EQ(P("a date:2019|2021.."), "(AND a (OR date:2019-01-01..2019-12-31 date:2021-01-01..))");
  EXPECT_EQ(P("date:2019|2020 OR date:2021"),
            "(OR date:2019-01-01..2019-12-31 date:2020-01-01..2020-12-31 "
            "date:2021-01-01..2021-12-31)");
}

TEST(QueryParser, FieldsCombineWithEverything) {
  EXPECT_EQ(P("sanctions outlet:Reuters|AFP NOT role:statement"),
            "(AND sanctions outlet:Reuters|AFP (NOT role:statement))");
  EXPECT_EQ(P("(outlet:AFP OR speaker:Hua) date:2020.."),
            "(AND (OR outlet:AFP speaker:Hua) date:2020-01-01..)");
  EXPECT_EQ(P("(outlet:AFP)"), "outlet:AFP");
  EXPECT_EQ(P("outlet:AFP)"), "error: col 11: unbalanced ')'");
  EXPECT_EQ(P("outlet:AFP\"x y\""), "(AND outlet:AFP \"x y\")");
}

TEST(QueryParser, ColonsOutsideFieldNamesStayInWords) {
  EXPECT_EQ(P("10:30"), "10:30");
  EXPECT_EQ(P("meeting at 10:30"), "(AND meeting at 10:30)");
  EXPECT_EQ(P("U.S.:China"), "U.S.:China");
  EXPECT_EQ(P("外交部:发言人"), "外交部:发言人");
  EXPECT_EQ(P("a1:b"), "a1:b");
  EXPECT_EQ(P(":x"), ":x");
  EXPECT_EQ(P("Note: trade"), "(AND Note: trade)");  // a colon ending a word
  EXPECT_EQ(P("(Note:)"), "Note:");
  EXPECT_EQ(P("http://example.org"),
            "error: col 1: unknown field 'http' (outlet, speaker, "
            "role, lang, kind, institution, date)");
}

// ---------------------------------------------------------------------------
// Dates

std::string Range(std::string_view value) { return P("date:" + std::string(value)); }

TEST(QueryParser, DateForms) {
  EXPECT_EQ(Range("2020"), "date:2020-01-01..2020-12-31");
  EXPECT_EQ(Range("2020-06"), "date:2020-06-01..2020-06-30");
  EXPECT_EQ(Range("2020-01"), "date:2020-01-01..2020-01-31");
  EXPECT_EQ(Range("2020-03-05"), "date:2020-03-05..2020-03-05");
  EXPECT_EQ(Range("2020-01..2020-06"), "date:2020-01-01..2020-06-30");
  EXPECT_EQ(Range("2019..2020"), "date:2019-01-01..2020-12-31");
  EXPECT_EQ(Range("2019-12-30..2020-01-02"), "date:2019-12-30..2020-01-02");
  EXPECT_EQ(Range("2020-03-05..2020-03-05"), "date:2020-03-05..2020-03-05");
  EXPECT_EQ(Range("2020..2020"), "date:2020-01-01..2020-12-31");
  EXPECT_EQ(Range("2020-02..2020"), "date:2020-02-01..2020-12-31");
  EXPECT_EQ(Range("2020-06-15..2020-06"), "date:2020-06-15..2020-06-30");
  EXPECT_EQ(Range("2020.."), "date:2020-01-01..");
  EXPECT_EQ(Range("2020-06.."), "date:2020-06-01..");
  EXPECT_EQ(Range("..2019-12-31"), "date:..2019-12-31");
  EXPECT_EQ(Range("..2019"), "date:..2019-12-31");
  EXPECT_EQ(Range("..2019-02"), "date:..2019-02-28");
  auto node = Tree("date:2020..");
  ASSERT_NE(node, nullptr);
  EXPECT_EQ(node->date_from, "2020-01-01");
  EXPECT_FALSE(node->date_to.has_value());
  EXPECT_TRUE(node->values.empty());
}

TEST(QueryParser, LeapDays) {
  EXPECT_EQ(Range("2020-02-29"), "date:2020-02-29..2020-02-29");
  EXPECT_EQ(Range("2000-02-29"), "date:2000-02-29..2000-02-29");  // divisible by 400
  EXPECT_EQ(Range("2020-02"), "date:2020-02-01..2020-02-29");
  EXPECT_EQ(Range("2021-02"), "date:2021-02-01..2021-02-28");
  EXPECT_EQ(Range("1900-02"), "date:1900-02-01..1900-02-28");  // divisible by 100
  EXPECT_EQ(Range("..2024-02"), "date:..2024-02-29");
  EXPECT_EQ(Range("2021-02-29"), "error: col 6: bad date '2021-02-29' (February 2021 has 28 days)");
  EXPECT_EQ(Range("1900-02-29"), "error: col 6: bad date '1900-02-29' (February 1900 has 28 days)");
  EXPECT_EQ(Range("2020-02-30"), "error: col 6: bad date '2020-02-30' (February 2020 has 29 days)");
}

TEST(QueryParser, InvalidDates) {
  EXPECT_EQ(E("date:2020-13"), "col 6: bad date '2020-13' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:2020-00"), "col 6: bad date '2020-00' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:2020-01-00"), "col 6: bad date '2020-01-00' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:2020-04-31"), "col 6: bad date '2020-04-31' (April 2020 has 30 days)");
  EXPECT_EQ(E("date:2020-1-5"), "col 6: bad date '2020-1-5' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:20"), "col 6: bad date '20' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:yesterday"), "col 6: bad date 'yesterday' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:2020/01/01"), "col 6: bad date '2020/01/01' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:２０２０"), "col 6: bad date '２０２０' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:2020-01-01T00"),
            "col 6: bad date '2020-01-01T00' (YYYY, YYYY-MM or YYYY-MM-DD)");
  // The column of the bad end of a range.
  EXPECT_EQ(E("date:2020-01..2020-13"), "col 15: bad date '2020-13' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:2020..2021..2022"),
            "col 12: bad date '2021..2022' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:2020...2021"), "col 12: bad date '.2021' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:.."), "col 6: a date range needs at least one end, as 2020.. or ..2019-12-31");
  EXPECT_EQ(E("date:2020-06..2020-01"),
            "col 6: date range '2020-06..2020-01' ends before it starts");
  EXPECT_EQ(E("date:2020-01-02..2020-01-01"),
            "col 6: date range '2020-01-02..2020-01-01' ends before it starts");
  // Columns after a quote and in the second alternative.
  EXPECT_EQ(E("date:\"2020-13\""), "col 7: bad date '2020-13' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("date:2020|2020-13"), "col 11: bad date '2020-13' (YYYY, YYYY-MM or YYYY-MM-DD)");
  EXPECT_EQ(E("外交部 date:2020-13"), "col 10: bad date '2020-13' (YYYY, YYYY-MM or YYYY-MM-DD)");
}

// ---------------------------------------------------------------------------
// Errors

TEST(QueryParserErrors, EmptyQuery) {
  EXPECT_EQ(E(""), "empty query");
  EXPECT_EQ(E("   \t\n"), "empty query");
  EXPECT_EQ(E("\xE3\x80\x80"), "empty query");  // ideographic space
  EXPECT_EQ(E("\xE2\x80\x8B"), "empty query");  // zero-width space
}

TEST(QueryParserErrors, UnclosedQuote) {
  EXPECT_EQ(E("\"one China"), "col 1: unclosed quote");
  EXPECT_EQ(E("a b \"c"), "col 5: unclosed quote");
  EXPECT_EQ(E("外交部 “天问"), "col 5: unclosed quote");
  EXPECT_EQ(E("“a” “b"), "col 5: unclosed quote");
  EXPECT_EQ(E("speaker:\"Wang"), "col 9: unclosed quote");
  EXPECT_EQ(E("outlet:AFP|\"Bloomberg"), "col 12: unclosed quote");
}

TEST(QueryParserErrors, EmptyQuotes) {
  EXPECT_EQ(E("a \"\""), "col 3: nothing between the quotes");
  EXPECT_EQ(E("“  ”"), "col 1: nothing between the quotes");
}

TEST(QueryParserErrors, UnbalancedParentheses) {
  EXPECT_EQ(E(")"), "col 1: unbalanced ')'");
  EXPECT_EQ(E("a)"), "col 2: unbalanced ')'");
  EXPECT_EQ(E("(a) b)"), "col 6: unbalanced ')'");
  EXPECT_EQ(E("外交部)"), "col 4: unbalanced ')'");
  EXPECT_EQ(E("(a"), "col 3: missing ')' for the '(' at col 1");
  EXPECT_EQ(E("(a (b)"), "col 7: missing ')' for the '(' at col 1");
  EXPECT_EQ(E("a (b (c) d"), "col 11: missing ')' for the '(' at col 3");
  EXPECT_EQ(E("(“外交部”"), "col 7: missing ')' for the '(' at col 1");
  EXPECT_EQ(E("(  "), "col 2: missing ')' for the '(' at col 1");
  EXPECT_EQ(E("()"), "col 1: empty parentheses");
  EXPECT_EQ(E("a ( ) b"), "col 3: empty parentheses");
}

TEST(QueryParserErrors, OperatorWithoutRightOperand) {
  EXPECT_EQ(E("a AND"), "col 6: expected a word after 'AND'");
  EXPECT_EQ(E("a AND   "), "col 6: expected a word after 'AND'");
  EXPECT_EQ(E("a OR"), "col 5: expected a word after 'OR'");
  EXPECT_EQ(E("NOT"), "col 4: expected a word after 'NOT'");
  EXPECT_EQ(E("a NOT"), "col 6: expected a word after 'NOT'");
  EXPECT_EQ(E("a NEAR"), "col 7: expected a word after 'NEAR'");
  EXPECT_EQ(E("a NEAR/3"), "col 9: expected a word after 'NEAR/3'");
  EXPECT_EQ(E("a AND OR b"), "col 7: expected a word after 'AND'");
  EXPECT_EQ(E("a OR OR b"), "col 6: expected a word after 'OR'");
  EXPECT_EQ(E("a AND AND b"), "col 7: expected a word after 'AND'");
  EXPECT_EQ(E("a NOT AND b"), "col 7: expected a word after 'NOT'");
  EXPECT_EQ(E("(a AND) b"), "col 7: expected a word after 'AND'");
  EXPECT_EQ(E("(a OR)"), "col 6: expected a word after 'OR'");
  EXPECT_EQ(E("外交部 AND"), "col 8: expected a word after 'AND'");
  EXPECT_EQ(E("-(a) -"), "parsed: (AND (NOT a) -)");
}

TEST(QueryParserErrors, OperatorWithoutLeftOperand) {
  EXPECT_EQ(E("OR a"), "col 1: 'OR' needs something on its left");
  EXPECT_EQ(E("AND a"), "col 1: 'AND' needs something on its left");
  EXPECT_EQ(E("NEAR a"), "col 1: 'NEAR' needs something on its left");
  EXPECT_EQ(E("NEAR/2 a"), "col 1: 'NEAR/2' needs something on its left");
  EXPECT_EQ(E("(OR a)"), "col 2: 'OR' needs something on its left");
  EXPECT_EQ(E("a OR (AND b)"), "col 7: 'AND' needs something on its left");
  EXPECT_EQ(E("“外” OR"), "col 7: expected a word after 'OR'");
  EXPECT_EQ(E("  OR"), "col 3: 'OR' needs something on its left");
}

TEST(QueryParserErrors, NotInsideNear) {
  EXPECT_EQ(E("a NEAR NOT b"),
            "col 8: 'NOT' cannot follow 'NEAR'; put it outside, as NOT (a NEAR b)");
  EXPECT_EQ(E("a NEAR/2 -b"),
            "col 10: '-' cannot follow 'NEAR/2'; put it outside, as NOT (a NEAR b)");
  EXPECT_EQ(P("a NEAR/2 (NOT b)"), "(NEAR/2 a (NOT b))");  // explicit grouping is allowed
  EXPECT_EQ(E("a NEAR OR b"), "col 8: expected a word after 'NEAR'");
}

TEST(QueryParserErrors, MinusWithoutOperand) {
  EXPECT_EQ(E("-AND"), "col 2: expected a word after '-'");
  EXPECT_EQ(E("a -OR b"), "col 4: expected a word after '-'");
}

TEST(QueryParserErrors, BadNearDistance) {
  const std::string message = "NEAR needs a distance from 0 to 1000, as NEAR/5";
  EXPECT_EQ(E("a NEAR/x b"), "col 3: " + message);
  EXPECT_EQ(E("a NEAR/ b"), "col 3: " + message);
  EXPECT_EQ(E("a NEAR/1001 b"), "col 3: " + message);
  EXPECT_EQ(E("a NEAR/99999999999999999999 b"), "col 3: " + message);
  EXPECT_EQ(E("a NEAR/-1 b"), "col 3: " + message);
  EXPECT_EQ(E("a NEAR/5x b"), "col 3: " + message);
  EXPECT_EQ(E("外交部 NEAR/x b"), "col 5: " + message);
  EXPECT_EQ(P("a near/x b"), "(AND a near/x b)");  // not an operator in lower case
}

TEST(QueryParserErrors, LoneStar) {
  EXPECT_EQ(E("*"), "col 1: '*' needs a word before it, as in diplom*");
  EXPECT_EQ(E("a **"), "col 3: '*' needs a word before it, as in diplom*");
  EXPECT_EQ(E("\"a b\"*"), "col 6: '*' needs a word before it, as in diplom*");
  EXPECT_EQ(E("-*"), "col 2: '*' needs a word before it, as in diplom*");
}

TEST(QueryParserErrors, UnknownField) {
  const std::string fields = " (outlet, speaker, role, lang, kind, institution, date)";
  EXPECT_EQ(E("colour:red"), "col 1: unknown field 'colour'" + fields);
  EXPECT_EQ(E("a Colour:red"), "col 3: unknown field 'Colour'" + fields);
  EXPECT_EQ(E("外交部 topic:trade"), "col 5: unknown field 'topic'" + fields);
  EXPECT_EQ(E("source:\"AFP\""), "col 1: unknown field 'source'" + fields);
  EXPECT_EQ(E("-tag:x"), "col 2: unknown field 'tag'" + fields);
  EXPECT_EQ(E("outlets:AFP"), "col 1: unknown field 'outlets'" + fields);
}

TEST(QueryParserErrors, EmptyFieldValue) {
  EXPECT_EQ(E("outlet:"), "col 8: empty value for 'outlet:'");
  EXPECT_EQ(E("outlet: Reuters"), "col 8: empty value for 'outlet:'");
  EXPECT_EQ(E("(outlet:)"), "col 9: empty value for 'outlet:'");
  EXPECT_EQ(E("Speaker:\"\""), "col 9: empty value for 'speaker:'");
  EXPECT_EQ(E("speaker:\"  \""), "col 9: empty value for 'speaker:'");
  EXPECT_EQ(E("outlet:Reuters|"), "col 16: empty value for 'outlet:'");
  EXPECT_EQ(E("outlet:|AFP"), "col 8: empty value for 'outlet:'");
  EXPECT_EQ(E("outlet:A||B"), "col 10: empty value for 'outlet:'");
  EXPECT_EQ(E("外交部 date:"), "col 10: empty value for 'date:'");
  EXPECT_EQ(E("role:"), "col 6: empty value for 'role:'");
}

TEST(QueryParserErrors, BadRoleAndLang) {
  EXPECT_EQ(E("role:foo"), "col 6: unknown role 'foo' (question, answer or statement)");
  EXPECT_EQ(E("role:question|Foo"), "col 15: unknown role 'Foo' (question, answer or statement)");
  EXPECT_EQ(E("role:questions"), "col 6: unknown role 'questions' (question, answer or statement)");
  EXPECT_EQ(E("lang:english"), "col 6: bad language code 'english' (2 or 3 letters, as en or zh)");
  EXPECT_EQ(E("lang:e"), "col 6: bad language code 'e' (2 or 3 letters, as en or zh)");
  EXPECT_EQ(E("lang:zh-CN"), "col 6: bad language code 'zh-CN' (2 or 3 letters, as en or zh)");
  EXPECT_EQ(E("lang:中文"), "col 6: bad language code '中文' (2 or 3 letters, as en or zh)");
  EXPECT_EQ(E("lang:en|\"e n\""), "col 10: bad language code 'e n' (2 or 3 letters, as en or zh)");
}

TEST(QueryParserErrors, ColumnsCountCodePointsNotBytes) {
  // 外交部 is 9 bytes but 3 columns; “ and ” are 3 bytes each but 1 column.
  EXPECT_EQ(E("外交部 “天问一号” )"), "col 12: unbalanced ')'");
  EXPECT_EQ(E("“外交部” OR"), "col 9: expected a word after 'OR'");
  EXPECT_EQ(E("😀 colour:red"),
            "col 3: unknown field 'colour' (outlet, speaker, role, lang, "
            "kind, institution, date)");
  EXPECT_EQ(E("é \"x"), "col 3: unclosed quote");
  EXPECT_EQ(E("外交部 role:foo"), "col 10: unknown role 'foo' (question, answer or statement)");
}

TEST(QueryParserErrors, InvalidUtf8) {
  EXPECT_EQ(E("ab\xFF"), "col 3: invalid UTF-8 (queries must be UTF-8 text)");
  EXPECT_EQ(E("外\xE4\xB8"), "col 2: invalid UTF-8 (queries must be UTF-8 text)");
  EXPECT_EQ(E("\xC0\xAF"), "col 1: invalid UTF-8 (queries must be UTF-8 text)");        // overlong
  EXPECT_EQ(E("a \xED\xA0\x80"), "col 3: invalid UTF-8 (queries must be UTF-8 text)");  // surrogate
}

TEST(QueryParserErrors, NulAndControlsAreIgnored) {
  EXPECT_EQ(P(std::string_view("a\0b", 3)), "ab");
  EXPECT_EQ(P("a\x01 b"), "(AND a b)");
}

// ---------------------------------------------------------------------------
// Limits

TEST(QueryParserLimits, Length) {
  std::string query(4096, 'a');
  EXPECT_EQ(P(query), query);
  query.push_back('a');
  EXPECT_EQ(E(query), "query too long: 4097 bytes (the limit is 4096)");
  std::string words;
  while (words.size() < 4096 - 2) words += "a ";
  EXPECT_TRUE(ParseQuery(words).ok());
}

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(QueryParserLimits, ParenthesisDepth) {
  EXPECT_EQ(P(Repeat("(", 64) + "a" + Repeat(")", 64)), "a");
  EXPECT_EQ(E(Repeat("(", 65) + "a" + Repeat(")", 65)),
            "col 65: query nested deeper than 64 levels");
  EXPECT_EQ(E(Repeat("(", 1000)), "col 65: query nested deeper than 64 levels");
  // Depth is nesting, not the number of groups.
  EXPECT_TRUE(ParseQuery(Repeat("(a) ", 500)).ok());
}

TEST(QueryParserLimits, NotDepth) {
  EXPECT_TRUE(ParseQuery(Repeat("NOT ", 64) + "a").ok());
  EXPECT_EQ(E(Repeat("NOT ", 65) + "a"), "col 257: query nested deeper than 64 levels");
  EXPECT_TRUE(ParseQuery(Repeat("-", 64) + "a").ok());
  EXPECT_EQ(E(Repeat("-", 65) + "a"), "col 65: query nested deeper than 64 levels");
  EXPECT_EQ(E(Repeat("(NOT ", 33) + "a" + Repeat(")", 33)),
            "col 161: query nested deeper than 64 levels");
  // NOTs side by side do not add up.
  EXPECT_TRUE(ParseQuery(Repeat("NOT a ", 200)).ok());
}

TEST(QueryParserLimits, NearChainDepth) {
  EXPECT_TRUE(ParseQuery("a" + Repeat(" NEAR a", 64)).ok());
  EXPECT_EQ(E("a" + Repeat(" NEAR a", 65)), "col 451: query nested deeper than 64 levels");
  EXPECT_TRUE(ParseQuery(Repeat("a NEAR a ", 200)).ok());
}

TEST(QueryParserLimits, DeepInputNeverOverflowsTheStack) {
  for (std::string_view unit : {"(", "NOT ", "-", "( NOT ", "a NEAR ", "\"", "“", "x OR ("}) {
    std::string query;
    while (query.size() + unit.size() <= 4096) query += unit;
    Result<std::unique_ptr<QueryNode>> result = ParseQuery(query);
    EXPECT_FALSE(result.ok()) << unit;
  }
}

}  // namespace
}  // namespace lectern
