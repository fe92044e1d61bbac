#include "base/utf8.h"

#include <gtest/gtest.h>

namespace lectern {
namespace {

TEST(Utf8, ValidatesWellFormedText) {
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(IsValidUtf8("“quotes” — 外交部 😀"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("abc\xE4\xB8"));       // truncated
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
}

TEST(Utf8, CollapsesEveryKindOfWhiteSpace) {
  EXPECT_EQ(CollapseWhitespace("  a \t\n b\xC2\xA0\xC2\xA0 c\xE3\x80\x80"
                               "d  "),
            "a b c d");
  EXPECT_EQ(CollapseWhitespace("zero\xE2\x80\x8Bwidth"), "zerowidth");
  EXPECT_EQ(CollapseWhitespace("\xEF\xBB\xBFtext"), "text");
  EXPECT_EQ(CollapseWhitespace("“keep” — typography"), "“keep” — typography");
  EXPECT_EQ(CollapseWhitespace(""), "");
  EXPECT_EQ(CollapseWhitespace(" \xC2\xA0 "), "");
}

TEST(Utf8, ReplacesIllFormedBytesInsteadOfDroppingThem) {
  EXPECT_EQ(CollapseWhitespace("a\xFF"
                               "b"),
            "a\xEF\xBF\xBD"
            "b");
}

TEST(Utf8, DecodesAndEncodesCodePoints) {
  std::string text = "a外😀";
  size_t pos = 0;
  EXPECT_EQ(NextCodePoint(text, &pos), U'a');
  EXPECT_EQ(NextCodePoint(text, &pos), U'外');
  EXPECT_EQ(NextCodePoint(text, &pos), U'😀');
  EXPECT_EQ(pos, text.size());
  std::string out;
  for (char32_t cp : {U'a', U'外', U'😀'}) AppendUtf8(cp, &out);
  EXPECT_EQ(out, text);
}

TEST(Utf8, CaseHelpersAreAsciiOnly) {
  EXPECT_EQ(AsciiLower("Reuters ÉTÉ"), "reuters ÉtÉ");
  EXPECT_TRUE(StartsWithIgnoreCase("After the Press Conference", "after the press"));
  EXPECT_FALSE(StartsWithIgnoreCase("After", "after the"));
}

}  // namespace
}  // namespace lectern
