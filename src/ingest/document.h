// Document: what a block reader (HTML or plain text) hands to a profile.
//
// Readers know markup, not briefings: they turn bytes into candidate titles
// and an ordered list of paragraphs with whitespace normalised. Profiles
// (profile.h) know briefings, not markup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lectern {

enum class Syntax { kHtml, kText };

struct Paragraph {
  std::string text;  // whitespace collapsed, typography as published
  // Bytes at the start of `text` that were set in bold (<b>, <strong>),
  // counting white space between bold pieces. Always 0 for plain text.
  size_t bold_prefix = 0;
  bool all_bold = false;  // every visible character was bold (HTML only)
};

struct Document {
  Syntax syntax = Syntax::kText;
  // Strings that may be the briefing's title, most likely first: the
  // <title> and headings of an HTML page, or the first lines of a text.
  std::vector<std::string> title_candidates;
  std::vector<Paragraph> paragraphs;  // the body, in reading order
  // When the page says it was published ("2020-10-07 14:02"), as printed,
  // or "". Briefings whose title carries no date fall back on it.
  std::string published;
};

// Builds one Paragraph from pieces of text as markup delivers them,
// collapsing white space on the fly and tracking which text was bold.
class ParagraphBuilder {
 public:
  void Append(std::string_view text, bool bold);
  bool empty() const { return text_.empty(); }
  // Returns the paragraph built so far and starts a new one.
  Paragraph Take();

 private:
  std::string text_;
  bool pending_space_ = false;
  bool prefix_open_ = true;  // no non-bold visible text seen yet
  size_t bold_prefix_ = 0;
  size_t bold_chars_ = 0;
  size_t plain_chars_ = 0;
};

}  // namespace lectern
