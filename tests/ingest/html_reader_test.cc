#include "ingest/html_reader.h"

#include <gtest/gtest.h>

namespace lectern {
namespace {

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Paragraph& p : doc.paragraphs) out.push_back(p.text);
  return out;
}

TEST(HtmlReader, JoinsInlinePiecesWithoutAddingSpace) {
  Document doc = ReadHtml(
      "<div class=content><P><B><SPAN>What is China</SPAN></B><B><SPAN>'</SPAN></B>"
      "<B><SPAN>s position?</SPAN></B></P></div>");
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  EXPECT_EQ(doc.paragraphs[0].text, "What is China's position?");
  EXPECT_TRUE(doc.paragraphs[0].all_bold);
}

TEST(HtmlReader, TracksTheBoldPrefixAcrossSplitLabels) {
  Document doc = ReadHtml(
      "<div class=content><P><B>Bloomberg</B><B>&nbsp;News</B><B>:</B> What is new?</P></div>");
  ASSERT_EQ(doc.paragraphs.size(), 1u);
  const Paragraph& p = doc.paragraphs[0];
  EXPECT_EQ(p.text, "Bloomberg News: What is new?");
  EXPECT_EQ(p.bold_prefix, std::string("Bloomberg News:").size());
  EXPECT_FALSE(p.all_bold);
}

TEST(HtmlReader, BlocksAndBreaksEndParagraphs) {
  Document doc = ReadHtml(
      "<div class=content><p>one<br>two</p><div>three</div><p> &nbsp; </p>"
      "<p><img src=x.jpg></p><ul><li>four</li></ul></div>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"one", "two", "three", "four"}));
}

TEST(HtmlReader, SkipsScriptsStylesAndFormsInsideTheBody) {
  Document doc = ReadHtml(
      "<div class=content><p>kept</p><script>var q = 'Q: no';</script><style>p{}</style>"
      "<form><p>search</p></form><figure><img><figcaption>A photo</figcaption></figure></div>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"kept"}));
}

TEST(HtmlReader, FindsTheTitleAndHeadingCandidates) {
  Document doc = ReadHtml(
      "<html><head><title> The  title </title></head><body><h1>Heading</h1>"
      "<div id=News_Body_Title>Body title</div><div class=content><p>x</p></div></body></html>");
  ASSERT_GE(doc.title_candidates.size(), 3u);
  EXPECT_EQ(doc.title_candidates[0], "The title");
  EXPECT_EQ(doc.title_candidates[1], "Heading");
  EXPECT_EQ(doc.title_candidates[2], "Body title");
}

TEST(HtmlReader, PrefersTheKnownContainerOverNavigation) {
  Document doc = ReadHtml(
      "<body><div class=nav><p>Home</p><p>The Ministry</p></div>"
      "<div class=content><p>First paragraph of the transcript.</p>"
      "<p>Second paragraph of the transcript.</p></div><div class=footer><p>Copyright</p></div>"
      "</body>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"First paragraph of the transcript.",
                                                  "Second paragraph of the transcript."}));
}

TEST(HtmlReader, ParagraphsWrappedInAStrayInlineElementStayInTheBody) {
  // An unclosed <SPAN> makes the following <P>s its children; none may be lost.
  Document doc = ReadHtml(
      "<div class=content><P>Announcement before the questions.</P>"
      "<P><SPAN>A: Answer one.</SPAN></P><SPAN><P>Paragraph two, long enough to dominate.</P>"
      "<P>Paragraph three, also long enough to dominate the page.</P></SPAN></div>");
  EXPECT_EQ(Texts(doc),
            (std::vector<std::string>{"Announcement before the questions.", "A: Answer one.",
                                      "Paragraph two, long enough to dominate.",
                                      "Paragraph three, also long enough to dominate the page."}));
}

TEST(HtmlReader, FallsBackToTheDensestElement) {
  Document doc = ReadHtml(
      "<body><div id=menu><a>Home</a></div><div id=main><p>Only real text here.</p>"
      "<p>More real text.</p></div></body>");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"Only real text here.", "More real text."}));
}

TEST(HtmlReader, SurvivesDeepNestingAndEmptyInput) {
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  deep += "deep text";
  Document doc = ReadHtml(deep);
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"deep text"}));
  EXPECT_TRUE(ReadHtml("").paragraphs.empty());
}

}  // namespace
}  // namespace lectern

namespace lectern {
namespace {

TEST(HtmlReader, EstimatesNestingDepthFromTags) {
  EXPECT_EQ(EstimateNestingDepth("<html><body><div><p>a<p>b<br><img src=x></div></body></html>"),
            3u);
  EXPECT_EQ(EstimateNestingDepth("<div/><!-- x --><span>x</span></div>"), 1u);
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  EXPECT_EQ(EstimateNestingDepth(deep), 5000u);
}

}  // namespace
}  // namespace lectern
