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
  // Exactly the index's tokens (one per position), so that token i of a
  // turn is position i of its postings; character terms lose their marker.
  analyzer.AnalyzeForIndex(text, tokens);
  for (Token& t : *tokens) {
    if (IsCharacterTerm(t.term)) t.term.erase(0, 1);
  }
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
