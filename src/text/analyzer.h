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
// ideographs occupies n positions. For the index, each ideograph is also a
// token of its own (CharacterTerm), so that a query for any string of
// ideographs is a phrase of characters and matches wherever the string
// occurs, however ICU happened to segment the text ("天问一号" is split
// "天|问|一号" by ICU, yet the phrase of its four characters still matches).
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

// Not thread-safe: each thread uses its own Analyzer (it owns an ICU break
// iterator, which is costly to create and cheap to reuse).
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Replaces `*tokens` with the word tokens of `text` (UTF-8).
  void Analyze(std::string_view text, std::vector<Token>* tokens);

  // The tokens the index stores: the words, and after each ideographic word
  // one CharacterTerm token per ideograph, at that ideograph's position.
  void AnalyzeForIndex(std::string_view text, std::vector<Token>* tokens);

  // The tokens a query looks up: words, except that ideographic words are
  // replaced by their CharacterTerm tokens (a phrase of characters).
  void AnalyzeForQuery(std::string_view text, std::vector<Token>* tokens);

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
