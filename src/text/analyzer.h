// The analyzer: text to the tokens the index stores and queries look up.
//
// Words are found by ICU's word break iterator (so Chinese and Japanese are
// split by ICU's dictionary, not into characters), then normalised with
// NFKC and case folding. English possessives lose their "'s" ("China's"
// is indexed as "china"), typographic apostrophes become ASCII ones
// ("don’t" == "don't"), and hyphens separate words ("US-China" is "us",
// "china" at consecutive positions, so the phrase and each part match).
// Punctuation and white space produce no tokens.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

struct Token {
  std::string term;       // normalised form
  uint32_t position = 0;  // ordinal word number in the analysed text, from 0
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

  // Replaces `*tokens` with the tokens of `text` (UTF-8).
  void Analyze(std::string_view text, std::vector<Token>* tokens);

  // Normalises one word as Analyze would (for prefixes and field values).
  std::string NormalizeWord(std::string_view word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lectern
