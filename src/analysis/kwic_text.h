// The text of a KWIC line: the match and its contexts, cut from a turn's
// text by display width (a CJK character is two columns), optionally
// within the match's sentence, each on one line.
#pragma once

#include <string>
#include <string_view>

namespace lectern {

// The left context, match and right context of the match at [begin, end)
// of `text`: `width` columns each side, within the match's sentence if
// `sentence`, white space trimmed and line breaks made spaces.
//
// `text` may be a window of the turn's text around the match;
// `from_start` and `to_end` say whether it starts and ends where the turn
// does. The contexts are then those the whole text gives, or, when the
// window holds too little on either side to be sure of that (no more than
// `width` non-blank code points), the result is false and nothing is set.
bool CutLine(std::string_view text, size_t begin, size_t end, int width, bool sentence,
             bool from_start, bool to_end, std::string* left, std::string* match,
             std::string* right);

// `text` shortened to at most `width` display columns, keeping its end
// (for left contexts) or its start.
std::string FitWidth(std::string_view text, int width, bool keep_end);

// Display columns of UTF-8 text (CJK wide characters count two).
int TextWidth(std::string_view text);

}  // namespace lectern
