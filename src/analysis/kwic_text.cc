#include "analysis/kwic_text.h"

#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

#include "base/utf8.h"

namespace lectern {
namespace {

bool IsWide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Where the sentence around [begin, end) starts and ends: after the last
// sentence-final mark (". ", "? ", "! ", "。", "！", "？") or line break
// before it, through the first one after it.
std::pair<size_t, size_t> SentenceAround(std::string_view text, size_t begin, size_t end) {
  auto is_final_ascii = [&](size_t i) {
    return (text[i] == '.' || text[i] == '?' || text[i] == '!') &&
           (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n');
  };
  auto final_cjk_at = [&](size_t i) -> size_t {  // bytes of a CJK final mark at i, or 0
    for (std::string_view mark : {"。", "！", "？"}) {
      if (text.substr(i, mark.size()) == mark) return mark.size();
    }
    return 0;
  };
  size_t from = 0;
  for (size_t i = begin; i > 0; --i) {
    const size_t j = i - 1;
    if (text[j] == '\n' || is_final_ascii(j)) {
      from = j + 1;
      break;
    }
    if (size_t n = final_cjk_at(j)) {
      from = j + n;
      break;
    }
  }
  size_t to = text.size();
  for (size_t i = end; i < text.size(); ++i) {
    if (text[i] == '\n') {
      to = i;
      break;
    }
    if (is_final_ascii(i)) {
      to = i + 1;
      break;
    }
    if (size_t n = final_cjk_at(i)) {
      to = i + n;
      break;
    }
  }
  return {from, to};
}

std::string OneLine(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
  const size_t a = out.find_first_not_of(' ');
  if (a == std::string::npos) return "";
  return out.substr(a, out.find_last_not_of(' ') - a + 1);
}

// The display columns of the code point at `*pos`, moving past it: ASCII
// and well-formed 3-byte sequences (CJK) decoded here, the rest by
// NextCodePoint (which the result always equals).
inline int ColumnsAt(std::string_view text, size_t* pos) {
  const size_t i = *pos;
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    *pos = i + 1;
    return 1;
  }
  if ((b0 & 0xF0) == 0xE0 && i + 3 <= text.size()) {
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    const auto b2 = static_cast<unsigned char>(text[i + 2]);
    const char32_t cp = (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | (b2 & 0x3Fu);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
      *pos = i + 3;
      return IsWide(cp) ? 2 : 1;
    }
  }
  return IsWide(NextCodePoint(text, pos)) ? 2 : 1;
}

// Where a left context of `width` columns can start at the latest: cut
// there, the text before `begin` still has more than `width` columns once
// trimmed, so fitting it keeps what fitting the whole turn's would. False
// if all the text before `begin` has no more (then *at is 0): a window of
// a turn may hold too little.
bool ContextStart(std::string_view text, size_t begin, int width, size_t* at) {
  size_t i = begin;
  int columns = 0;
  bool nonblank = false;  // trailing blanks are trimmed, not counted
  while (i > 0) {
    const size_t unit_end = i;
    --i;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    if (IsSpace(text[i])) {
      columns += nonblank ? 1 : 0;
      continue;
    }
    nonblank = true;
    size_t next = i;
    const int w = ColumnsAt(text, &next);
    // Where the bytes are not one well-formed code point, at least one
    // column (FitLine decodes them as one or more).
    columns += next == unit_end ? w : 1;
    if (columns > width) {
      *at = i;
      return true;
    }
  }
  *at = 0;
  return false;
}

// The same for a right context starting at `end`: cut at *at, the text
// after `end` still has more than `width` columns once trimmed.
bool ContextEnd(std::string_view text, size_t end, int width, size_t* at) {
  size_t i = end;
  int columns = 0;
  bool nonblank = false;  // leading blanks are trimmed, not counted
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      columns += nonblank ? 1 : 0;
      ++i;
      continue;
    }
    nonblank = true;
    columns += ColumnsAt(text, &i);
    if (columns > width) {
      *at = i;
      return true;
    }
  }
  *at = text.size();
  return false;
}

// FitWidth(OneLine(text), width, keep_end) without the two intermediate
// strings and the table of code points: a frequent word has tens of
// thousands of lines, two contexts each.
std::string FitLine(std::string_view text, int width, bool keep_end) {
  auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
  size_t a = 0, b = text.size();
  while (a < b && blank(text[a])) ++a;
  while (b > a && blank(text[b - 1])) --b;
  text = text.substr(a, b - a);
  size_t from = 0, to = text.size();
  int used = 0;
  // ASCII (most English contexts): a column per byte.
  size_t k = 0;
  while (k < text.size() && static_cast<unsigned char>(text[k]) < 0x80) ++k;
  if (k == text.size()) {
    const size_t w = static_cast<size_t>(std::max(width, 0));
    if (keep_end) {
      from = text.size() > w ? text.size() - w : 0;
    } else {
      to = std::min(text.size(), w);
    }
  } else if (keep_end) {
    // The longest suffix that fits: drop code points from the front while
    // the rest is too wide.
    int total = 0;
    for (size_t pos = 0; pos < text.size();) total += ColumnsAt(text, &pos);
    size_t pos = 0;
    while (total > width && pos < text.size()) {
      total -= ColumnsAt(text, &pos);
      from = pos;
    }
  } else {
    size_t pos = 0;
    while (pos < text.size()) {
      const size_t at = pos;
      const int w = ColumnsAt(text, &pos);
      if (used + w > width) {
        to = at;
        break;
      }
      used += w;
    }
  }
  std::string out(text.substr(from, to - from));
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

}  // namespace

bool CutLine(std::string_view text, size_t begin, size_t end, int width, bool sentence,
             bool from_start, bool to_end, std::string* left, std::string* match,
             std::string* right) {
  // Only the last / first `width` columns of each context are kept: cut
  // long turns to a window before the whitespace handling and width
  // fitting, which would otherwise walk the whole turn.
  size_t context_from, context_to;
  if (!ContextStart(text, begin, width, &context_from) && !from_start) return false;
  if (!ContextEnd(text, end, width, &context_to) && !to_end) return false;
  // In a window, a sentence mark not found before its start (or after its
  // end) lies beyond the context found within it, and a mark at the
  // window's very end (taken as final there) beyond the context's end.
  size_t from = 0, to = text.size();
  if (sentence) std::tie(from, to) = SentenceAround(text, begin, end);
  from = std::max(from, context_from);
  to = std::min(to, context_to);
  *match = OneLine(text.substr(begin, end - begin));
  *left = FitLine(text.substr(from, begin - from), width, true);
  *right = FitLine(text.substr(end, to - end), width, false);
  return true;
}

int TextWidth(std::string_view text) {
  int width = 0;
  size_t pos = 0;
  while (pos < text.size()) width += IsWide(NextCodePoint(text, &pos)) ? 2 : 1;
  return width;
}

std::string FitWidth(std::string_view text, int width, bool keep_end) {
  std::vector<std::pair<size_t, int>> cps;  // (byte offset, columns)
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    cps.emplace_back(at, IsWide(NextCodePoint(text, &pos)) ? 2 : 1);
  }
  int used = 0;
  if (keep_end) {
    size_t i = cps.size();
    while (i > 0 && used + cps[i - 1].second <= width) used += cps[--i].second;
    return std::string(text.substr(i < cps.size() ? cps[i].first : text.size()));
  }
  size_t i = 0;
  while (i < cps.size() && used + cps[i].second <= width) used += cps[i++].second;
  return std::string(text.substr(0, i < cps.size() ? cps[i].first : text.size()));
}

}  // namespace lectern
