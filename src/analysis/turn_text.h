// TurnTexts: the printed text of corpus turns (token_corpus.h), read turn by
// turn from the index's store, for the few facts the positional postings
// do not hold (how a word was capitalised, where a sentence ends).
//
// One StoreReader per segment keeps its last decoded block, so turns
// read in corpus order cost about one decoding per block. Not
// thread-safe; the index must outlive it.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "analysis/token_corpus.h"
#include "base/status.h"
#include "index/index.h"
#include "index/store_reader.h"
#include "text/analyzer.h"

namespace lectern {

class TurnTexts {
 public:
  TurnTexts(const Index& index, const TokenCorpus& corpus);
  ~TurnTexts();

  // The text of corpus turn `turn`, valid until the next call.
  Result<std::string_view> Text(uint32_t turn);

  // Per passage token of the turn, what the printed text shows and the
  // tokens do not.
  struct Shape {
    std::vector<bool> capitalized;     // printed with an initial capital A-Z
    std::vector<bool> sentence_start;  // after . ? ! ; : (and 。？！；：)
    // Joined to the token before by a hyphen and nothing else ("US" of
    // "China-US"; also U+2010, U+2011 and an en dash between words).
    std::vector<bool> hyphen_before;
  };
  Result<Shape> TokenShape(uint32_t turn);
  // The shape of tokens `first` to `last` alone (the vectors end at `last`,
  // or at the turn's last token; entries before `first` are false): the
  // turn is scanned only as far as `last`, and its words are not
  // normalised (Analyzer::IndexTokensBetween), which costs far less for a
  // passage in a long turn.
  Result<Shape> TokenShape(uint32_t turn, uint32_t first, uint32_t last);

 private:
  const Index& index_;
  const TokenCorpus& corpus_;
  std::vector<std::unique_ptr<StoreReader>> readers_;  // by segment, made on first use
  Analyzer analyzer_;
  std::vector<Token> tokens_;
  std::vector<uint32_t> begins_, ends_;  // by position (the partial shape)
};

}  // namespace lectern
