#include "ingest/text_reader.h"

#include <gtest/gtest.h>

namespace lectern {
namespace {

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Paragraph& p : doc.paragraphs) out.push_back(p.text);
  return out;
}

TEST(TextReader, OneParagraphPerLineAsCopiedFromABrowser) {
  Document doc = ReadText(
      "Home Page > Spokesperson's Remarks\r\nThe title\r\n\r\n\r\nQ: A question?\r\n\r\n"
      "A: An answer.\r\nA second paragraph without a blank line.\r\n");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Home Page > Spokesperson's Remarks", "The title",
                                                  "Q: A question?", "A: An answer.",
                                                  "A second paragraph without a blank line."}));
  EXPECT_EQ(doc.title_candidates[0], "Home Page > Spokesperson's Remarks");
  EXPECT_EQ(doc.title_candidates[1], "The title");
  EXPECT_EQ(doc.syntax, Syntax::kText);
}

TEST(TextReader, JoinsTheLinesOfHardWrappedText) {
  Document doc = ReadText(
      "Title line\n\nQ: According to reports, the two leaders may\nmeet again. Comment?\n\n"
      "A: I am not sure whether you are quoting\nthe words as they were said.\n\nAnd a short\n"
      "third one.\n");
  EXPECT_EQ(Texts(doc),
            (std::vector<std::string>{
                "Title line", "Q: According to reports, the two leaders may meet again. Comment?",
                "A: I am not sure whether you are quoting the words as they were said.",
                "And a short third one."}));
}

TEST(TextReader, NormalisesStrayWhiteSpace) {
  Document doc = ReadText("  Title\t \n\n\xC2\xA0 Q:\t spaced \xE3\x80\x80 out  \n");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Title", "Q: spaced out"}));
}

TEST(TextReader, EmptyTextHasNoParagraphs) {
  EXPECT_TRUE(ReadText("").paragraphs.empty());
  EXPECT_TRUE(ReadText("\n\n \n").title_candidates.empty());
}

}  // namespace
}  // namespace lectern
