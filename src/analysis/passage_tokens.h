// Passage tokens: the units talking points are counted in.
//
// The index's tokens (Analyzer::AnalyzeForIndex): words (NFKC, case folded,
// possessives dropped), ideographs one by one, token i at position i, so a
// turn's passage tokens can be read back from the positional postings
// (token_corpus.h) and re-derived from its stored text (passage_text.h).
// Chinese passages are therefore measured in characters (talking_points.h
// has a separate, larger minimum for them).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace lectern {

// Replaces `*tokens` with the passage tokens of `text`; `term` is the
// normalised word or the single ideograph (without the index's marker
// byte), `begin`/`end` its bytes in `text`.
void PassageTokens(Analyzer& analyzer, std::string_view text, std::vector<Token>* tokens);

// True when `term` is one ideograph (a token PassageTokens split off).
bool IsIdeographToken(std::string_view term);

// A well-mixed 64-bit hash of a term (FNV-1a, then a 64-bit finaliser);
// stable across runs and machines, so ids derived from it are too.
uint64_t TermHash(std::string_view term);

// The splitmix64 finaliser: spreads the bits of `x`.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

}  // namespace lectern
