#include "ingest/document.h"

#include "base/utf8.h"

namespace lectern {

void ParagraphBuilder::Append(std::string_view text, bool bold) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    unsigned char c = static_cast<unsigned char>(text[i]);
    char32_t cp;
    if (c < 0x80) {
      cp = c;
      ++i;
    } else {
      cp = NextCodePoint(text, &i);
    }
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
    if (bold) {
      ++bold_chars_;
      if (prefix_open_) bold_prefix_ = text_.size();
    } else {
      ++plain_chars_;
      prefix_open_ = false;
    }
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
