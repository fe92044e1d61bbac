// The analyzer: text to the tokens the index stores and queries look up.
//
// Words are found by ICU's word break iterator (so Chinese and Japanese are
// split by ICU's dictionary, not into characters), then normalised with
// NFKC and case folding. English possessives lose their "'s" ("China's"
// is indexed as "china"), typographic apostrophes become ASCII ones
// ("don’t" == "don't"), and hyphens separate words ("US-China" is "us",
// "china" at consecutive positions, so the phrase and each part match).
// Punctuation and white space produce no tokens.
//
// Chinese and Japanese ideographs are counted by character: a word of n
// ideographs occupies n positions. The index stores each ideograph as a
// token of its own (CharacterTerm) instead of ICU's words, and a query for
// a string of ideographs is a phrase of characters: it matches wherever the
// string occurs, however ICU would have segmented the text ("天问一号" is
// split "天|问|一号" by ICU, yet the phrase of its four characters matches).
// ICU's words remain what Analyze() gives, for the analyses that count words.
//
// Most text never reaches ICU: word_scanner.h implements ICU's word rules
// for ASCII and ideographic text exactly, and hands ICU only the rest.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct Token {
  std::string term;       // normalised form
  uint32_t position = 0;  // ordinal word number in the analysed text, from 0 (see above for CJK)
  uint32_t span = 1;      // positions the token covers (characters of an ideographic word)
  uint32_t begin = 0;     // byte offsets of the word in the analysed text
  uint32_t end = 0;
};

// Receives AnalyzeForIndex's tokens one by one, in order, without a Token
// (and its string) per word: the index builder's way in, where a token
// costs about as much as the rest of indexing it.
class IndexTermSink {
 public:
  virtual ~IndexTermSink() = default;
  // A token whose term is `term` (valid for the call only), the word at
  // [begin, end) of the text. Tokens come in order of position; the words
  // of some overlap (the characters of a word NFKC changes in length).
  virtual void Term(std::string_view term, uint32_t position, uint32_t begin, uint32_t end) = 0;
  // A token whose term is CharacterTerm of `ideograph`, a code point below
  // U+10000 written in 3 bytes at `begin` (others come through Term).
  virtual void Ideograph(char16_t ideograph, uint32_t position, uint32_t begin) = 0;
};

// Not thread-safe: each thread uses its own Analyzer (it owns an ICU break
// iterator, which is costly to create and cheap to reuse).
class Analyzer {
 public:
  // `fast_path` false sends all text through ICU (the reference the fast
  // path is tested against).
  explicit Analyzer(bool fast_path = true);
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Replaces `*tokens` with the word tokens of `text` (UTF-8).
  void Analyze(std::string_view text, std::vector<Token>* tokens);

  // The tokens the index stores and queries look up: the words, except that
  // a word made only of ideographs is one CharacterTerm token per ideograph,
  // at that ideograph's position.
  void AnalyzeForIndex(std::string_view text, std::vector<Token>* tokens);
  // The same tokens (terms and positions), handed to `sink`; returns the
  // number of positions the text covers (the last token's position + span).
  uint32_t AnalyzeForIndex(std::string_view text, IndexTermSink* sink);

  void AnalyzeForQuery(std::string_view text, std::vector<Token>* tokens) {
    AnalyzeForIndex(text, tokens);
  }

  // AnalyzeForIndex's tokens of `text` at positions `first` to `last`
  // (and perhaps some others), with the same positions and offsets: the
  // fast path makes no token outside them, and the scan stops after the
  // chunk (run of non-space bytes) that reaches `last`. Without
  // `with_terms`, tokens of the fast path have empty terms: KWIC needs the
  // offsets of a few positions, not the whole turn normalised.
  //
  // With `resume`, the scan starts where it says (a place with a position
  // no greater than `first`, left there by an earlier call on the same text,
  // or the start of a fresh ScanResume) and leaves it where a later call
  // with a `first` no smaller may start: the lines of one turn, in order of
  // position, each cost a scan from the previous one, not from the start.
  struct ScanResume {
    size_t offset = 0;
    uint32_t position = 0;
    size_t chunk_end = 0;  // when > offset: the end of a chunk the fast path takes
  };
  void IndexTokensBetween(std::string_view text, uint32_t first, uint32_t last, bool with_terms,
                          std::vector<Token>* tokens, ScanResume* resume = nullptr);

  // Normalises one word as Analyze would (for prefixes and field values).
  std::string NormalizeWord(std::string_view word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The index term of one ideograph: a marker byte no word contains, then the
// character, so that character terms never collide with word terms.
std::string CharacterTerm(std::string_view character);
bool IsCharacterTerm(std::string_view term);

}  // namespace lectern
