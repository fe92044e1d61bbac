// The analyzer's fast path: the word rules of Unicode's word segmentation
// (UAX #29, as ICU implements them) for the characters briefings are mostly
// made of, without ICU.
//
// Text is cut into chunks at ASCII white space, which no word rule crosses.
// A chunk of ASCII letters, digits and punctuation, ideographs (U+3400..4DBF,
// U+4E00..9FFF) and common CJK and typographic punctuation is scanned here;
// a chunk with anything else (accented letters, combining marks, kana,
// a curly apostrophe inside a word, ...) is left to ICU, so results are
// exactly ICU's (tests/text/word_scanner_test.cc checks that on random text
// and on the shared corpus). Ideographs are only scanned when the caller
// wants them as single characters (the index's view); ICU's dictionary is
// what splits them into words.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace lectern::text_internal {

inline bool IsAsciiSpace(char c) {
  // A bit set of ' ', '\t', '\n', '\v', '\f', '\r': one shift and test per byte.
  constexpr uint64_t kSpaces = (1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\v') |
                               (1ull << '\f') | (1ull << '\r');
  const auto b = static_cast<unsigned char>(c);
  return b <= ' ' && ((kSpaces >> b) & 1) != 0;
}

// Scans the chunk at `begin` (text up to ASCII white space), appending
// its tokens, positions from `*position` on, and advancing `*position`.
// Word terms are normalised (lower case, possessive "'s" dropped);
// ideographs become CharacterTerm tokens if `ideographs_as_characters`.
// Without `with_terms` terms are left empty (positions and offsets only).
// Tokens at positions outside [first_position, last_position] are not
// appended, but the chunk is still scanned to its end: whether it needs ICU
// depends on all of it.
// Returns false, and appends nothing, when the chunk needs ICU.
// The chunk ends at the first ASCII white space at or after `begin`, or at
// `end`; on success `*chunk_end` is set there, so that the caller need not
// find it first (one pass over the bytes instead of two).
bool ScanChunk(std::string_view text, size_t begin, size_t end, bool ideographs_as_characters,
               bool with_terms, uint32_t first_position, uint32_t last_position, uint32_t* position,
               std::vector<Token>* tokens, size_t* chunk_end);

// A token of the fast path as bytes of the text, for the index builder,
// which normalises it itself (Analyzer::AnalyzeForIndex with a sink): a
// word is ASCII letters, digits and joiners, and U+2019 where `kind` says
// so; an ideograph is one 3-byte character.
struct WordSpan {
  enum Kind : uint8_t { kWord, kWordWithWideApostrophe, kIdeograph };
  uint32_t begin, end, position;
  Kind kind;
};

// ScanChunk with ideographs as characters, every position, and spans
// instead of tokens (no strings).
bool ScanChunkSpans(std::string_view text, size_t begin, size_t end, uint32_t* position,
                    std::vector<WordSpan>* spans, size_t* chunk_end);

// Replaces each U+2019 (’) of a word with "'", as Normalize does (NFKC keeps
// ’, which then reads as '). Out of line, off the hot path.
[[gnu::noinline]] void AsciiApostrophes(std::string* term);

// Whether a normalised word ending in "'s" is a contraction of "is" or "us"
// ("what's", "let's"), not a possessive.
bool IsContraction(std::string_view term);

// Drops an English possessive "'s" from a normalised word, keeping
// contractions of "is"/"us" ("what's", "let's").
void StripPossessive(std::string* term);

}  // namespace lectern::text_internal
