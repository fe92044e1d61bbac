#include "ingest/document.h"

#include "base/utf8.h"

namespace lectern {

void ParagraphBuilder::Append(std::string_view text, bool bold) {
  const size_t n = text.size();
  size_t i = 0;
  auto count = [&](size_t chars) {
    if (bold) {
      bold_chars_ += chars;
      if (prefix_open_) bold_prefix_ = text_.size();
    } else {
      plain_chars_ += chars;
      prefix_open_ = false;
    }
  };
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x21 && c < 0x7F) {  // a run of printable ASCII: one append
      size_t j = i + 1;
      while (j < n) {
        unsigned char d = static_cast<unsigned char>(text[j]);
        if (d < 0x21 || d >= 0x7F) break;
        ++j;
      }
      if (pending_space_) {
        text_.push_back(' ');
        pending_space_ = false;
      }
      text_.append(text.data() + i, j - i);
      count(j - i);
      i = j;
      continue;
    }
    if (c < 0x80) {  // ASCII space or control: a space, or invisible
      ++i;
      if (c == ' ' || (c >= 0x09 && c <= 0x0D)) pending_space_ = !text_.empty();
      continue;
    }
    size_t start = i;
    char32_t cp = NextCodePoint(text, &i);
    if (IsSpace(cp)) {
      pending_space_ = !text_.empty();
      continue;
    }
    if (IsInvisible(cp)) continue;
    if (pending_space_) {
      text_.push_back(' ');
      pending_space_ = false;
    }
    if (cp == 0xFFFD && i - start == 1) {
      AppendUtf8(cp, &text_);
    } else {
      text_.append(text.substr(start, i - start));
    }
    count(1);
  }
}

Paragraph ParagraphBuilder::Take() {
  Paragraph p;
  p.text = std::move(text_);
  p.bold_prefix = bold_prefix_;
  p.all_bold = bold_chars_ > 0 && plain_chars_ == 0;
  *this = ParagraphBuilder();
  return p;
}

}  // namespace lectern
