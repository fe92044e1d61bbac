#include "analysis/passage_tokens.h"

#include <string>

#include "base/utf8.h"

namespace lectern {
namespace {

bool IsIdeograph(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}

}  // namespace

bool IsIdeographToken(std::string_view term) {
  if (term.empty()) return false;
  size_t i = 0;
  return IsIdeograph(NextCodePoint(term, &i)) && i == term.size();
}

void PassageTokens(Analyzer& analyzer, std::string_view text, std::vector<Token>* tokens) {
  // Ideographs become tokens here, one per character, without the ICU
  // dictionary segmentation Analyze would spend on them (the words it finds
  // would be split into characters anyway); the text between them goes
  // through Analyze. Compatibility ideographs (U+F900..) are kept as printed.
  tokens->clear();
  std::vector<Token> part;
  size_t i = 0, other = 0;
  auto flush_other = [&](size_t to) {
    if (to <= other) return;
    analyzer.Analyze(text.substr(other, to - other), &part);
    for (Token& t : part) {
      t.begin += static_cast<uint32_t>(other);
      t.end += static_cast<uint32_t>(other);
      tokens->push_back(std::move(t));
    }
  };
  while (i < text.size()) {
    const size_t start = i;
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead < 0xE3) {  // ASCII, Latin, ...: no ideograph starts below E3
      i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 3;
      if (i > text.size()) i = text.size();
      continue;
    }
    const char32_t cp = NextCodePoint(text, &i);
    if (!IsIdeograph(cp)) continue;
    flush_other(start);
    Token t;
    t.term = std::string(text.substr(start, i - start));
    t.begin = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(i);
    tokens->push_back(std::move(t));
    other = i;
  }
  flush_other(text.size());
}

uint64_t TermHash(std::string_view term) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : term) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return Mix64(h);
}

}  // namespace lectern
