#include "analysis/passage_tokens.h"

#include <string>

#include "base/utf8.h"

namespace lectern {
namespace {

bool IsIdeograph(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}

// Byte ranges of the code points of `s` when all are ideographs, else empty.
std::vector<std::pair<uint32_t, uint32_t>> IdeographRanges(std::string_view s) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    if (!IsIdeograph(NextCodePoint(s, &i))) return {};
    out.emplace_back(static_cast<uint32_t>(start), static_cast<uint32_t>(i));
  }
  return out;
}

}  // namespace

bool IsIdeographToken(std::string_view term) {
  if (term.empty()) return false;
  size_t i = 0;
  return IsIdeograph(NextCodePoint(term, &i)) && i == term.size();
}

void PassageTokens(Analyzer& analyzer, std::string_view text, std::vector<Token>* tokens) {
  analyzer.Analyze(text, tokens);
  bool any_ideographic = false;
  for (const Token& t : *tokens) {
    if (t.span > 1 || IsIdeographToken(t.term)) {
      any_ideographic = true;
      break;
    }
  }
  if (!any_ideographic) return;
  std::vector<Token> out;
  out.reserve(tokens->size() * 2);
  for (Token& word : *tokens) {
    std::vector<std::pair<uint32_t, uint32_t>> chars = IdeographRanges(word.term);
    if (chars.size() <= 1) {
      out.push_back(std::move(word));
      continue;
    }
    // NFKC keeps (nearly) every ideograph one code point of the same length;
    // when the source differs, each character takes the word's whole range.
    std::vector<std::pair<uint32_t, uint32_t>> source =
        IdeographRanges(text.substr(word.begin, word.end - word.begin));
    for (size_t c = 0; c < chars.size(); ++c) {
      Token t;
      t.term = word.term.substr(chars[c].first, chars[c].second - chars[c].first);
      t.position = word.position + static_cast<uint32_t>(c);
      t.span = 1;
      const bool aligned = source.size() == chars.size();
      t.begin = aligned ? word.begin + source[c].first : word.begin;
      t.end = aligned ? word.begin + source[c].second : word.end;
      out.push_back(std::move(t));
    }
  }
  *tokens = std::move(out);
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
