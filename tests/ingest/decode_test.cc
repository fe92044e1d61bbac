#include "ingest/decode.h"

#include <gtest/gtest.h>

#include "base/utf8.h"

namespace lectern {
namespace {

TEST(Decode, Utf8PassesThroughAndLosesItsBom) {
  Result<DecodedText> d = DecodeToUtf8("\xEF\xBB\xBF<p>外交部 “quoted”</p>");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "<p>外交部 “quoted”</p>");
  EXPECT_EQ(d->charset, "utf-8");
}

TEST(Decode, DeclaredWindows1252) {
  std::string bytes = "<meta charset=\"windows-1252\"><p>\x93quoted\x94 caf\xE9 don\x92t</p>";
  Result<DecodedText> d = DecodeToUtf8(bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "<meta charset=\"windows-1252\"><p>“quoted” café don’t</p>");
}

TEST(Decode, Latin1IsReadAsWindows1252LikeBrowsersDo) {
  Result<DecodedText> d = DecodeToUtf8(
      "<meta http-equiv=Content-Type content=\"text/html; charset=ISO-8859-1\">\x93x\x94");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "windows-1252");
  EXPECT_NE(d->utf8.find("“x”"), std::string::npos);
}

TEST(Decode, DeclaredGb2312IsReadAsGb18030) {
  // "外交部发言人" in GBK.
  std::string bytes =
      "<meta charset=gb2312><p>\xCD\xE2\xBD\xBB\xB2\xBF\xB7\xA2\xD1\xD4\xC8\xCB</p>";
  Result<DecodedText> d = DecodeToUtf8(bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "gb18030");
  EXPECT_EQ(d->utf8, "<meta charset=gb2312><p>外交部发言人</p>");
}

TEST(Decode, UndeclaredGbkIsDetected) {
  // A paragraph of Chinese in GBK with no declaration: the detector decides.
  std::string utf8_text =
      "外交部发言人主持例行记者会。问：据报道，美方要求中方关闭驻休斯敦总领馆。你对此有何回应？"
      "答：美方单方面挑起事端，中方不得不作出必要反应。我们敦促美方立即撤销错误决定。";
  // The same text in GBK (generated with Python's str.encode("gbk")).
  const std::string gbk =
      "\xCD\xE2\xBD\xBB\xB2\xBF\xB7\xA2\xD1\xD4\xC8\xCB\xD6\xF7\xB3\xD6\xC0\xFD\xD0\xD0\xBC\xC7"
      "\xD5\xDF\xBB\xE1\xA1\xA3\xCE\xCA\xA3\xBA\xBE\xDD\xB1\xA8\xB5\xC0\xA3\xAC\xC3\xC0\xB7\xBD"
      "\xD2\xAA\xC7\xF3\xD6\xD0\xB7\xBD\xB9\xD8\xB1\xD5\xD7\xA4\xD0\xDD\xCB\xB9\xB6\xD8\xD7\xDC"
      "\xC1\xEC\xB9\xDD\xA1\xA3\xC4\xE3\xB6\xD4\xB4\xCB\xD3\xD0\xBA\xCE\xBB\xD8\xD3\xA6\xA3\xBF"
      "\xB4\xF0\xA3\xBA\xC3\xC0\xB7\xBD\xB5\xA5\xB7\xBD\xC3\xE6\xCC\xF4\xC6\xF0\xCA\xC2\xB6\xCB"
      "\xA3\xAC\xD6\xD0\xB7\xBD\xB2\xBB\xB5\xC3\xB2\xBB\xD7\xF7\xB3\xF6\xB1\xD8\xD2\xAA\xB7\xB4"
      "\xD3\xA6\xA1\xA3\xCE\xD2\xC3\xC7\xB6\xD8\xB4\xD9\xC3\xC0\xB7\xBD\xC1\xA2\xBC\xB4\xB3\xB7"
      "\xCF\xFA\xB4\xED\xCE\xF3\xBE\xF6\xB6\xA8\xA1\xA3";
  Result<DecodedText> d = DecodeToUtf8(gbk);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->charset, "gb18030");
  EXPECT_EQ(d->utf8, utf8_text);
}

TEST(Decode, InvalidUtf8DeclaredAsUtf8IsOverruledByDetection) {
  Result<DecodedText> d =
      DecodeToUtf8("<meta charset=utf-8><p>caf\xE9 au lait, na\xEFve r\xE9sum\xE9</p>");
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(IsValidUtf8(d->utf8));
  EXPECT_NE(d->utf8.find("café"), std::string::npos);
}

TEST(Decode, Utf16WithBom) {
  std::string bytes(
      "\xFF\xFE"
      "A\0\x16\x59",
      6);  // "A外" little-endian
  Result<DecodedText> d = DecodeToUtf8(bytes);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "A外");
}

TEST(Decode, EmptyAndBinaryInputAreRefusedWithAReason) {
  Result<DecodedText> empty = DecodeToUtf8(" \n\t ");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), Status::Code::kNotABriefing);
  EXPECT_EQ(empty.status().message(), "empty file");
  Result<DecodedText> binary = DecodeToUtf8(std::string("GIF89a\0\0\x01", 9));
  ASSERT_FALSE(binary.ok());
  EXPECT_NE(binary.status().message().find("binary"), std::string::npos);
}

TEST(Decode, UnknownDeclarationFallsBackToTheBytes) {
  Result<DecodedText> d = DecodeToUtf8("<meta charset=\"x-made-up\"><p>plain</p>");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "<meta charset=\"x-made-up\"><p>plain</p>");
}

TEST(Decode, FindsTheDeclaredCharset) {
  EXPECT_EQ(DeclaredCharset("<META http-equiv=Content-Type content=\"text/html; charset=GB2312\">"),
            "gb2312");
  EXPECT_EQ(DeclaredCharset("<?xml version=\"1.0\" encoding='utf-8'?>"), "utf-8");
  EXPECT_EQ(DeclaredCharset("<p>no declaration</p>"), "");
}

}  // namespace
}  // namespace lectern
