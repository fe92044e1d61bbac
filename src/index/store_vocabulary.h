// StoreVocabulary: the tokens a segment's store codes its turns with, and
// the decoder of a store block (format.h: kStore, kStoreVocabulary).
//
// A turn's text is stored as the sequence of its tokens: the words the
// analyzer found (as written), single ideographs, and the separators
// between them (white space, punctuation, anything no word covers). Each
// token is coded by its rank in the segment's vocabulary, most frequent
// first, with a (s,c)-dense code (dense_code.h). A separator of exactly one
// space between two words is implied, not coded: most of English text's
// separators cost nothing. Lossless for any bytes: whatever is not a
// word is a separator.
//
// Compared with compressing 4 KB blocks with zstd and a trained
// dictionary (format version 3), this is smaller on the shared corpus,
// several times cheaper to write (the words are already found and interned
// by the indexer) and to read (a block decodes with one table lookup and
// one small copy per token).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/dense_code.h"

namespace lectern {

// A turn's text and label, as offsets in a decoded block.
struct StoreRecord {
  uint32_t text = 0, text_size = 0, label = 0, label_size = 0;
};

// Text decoded from some words of a record (StoreVocabulary::DecodeWords).
// Reused from one window to the next, it keeps its room.
class WordsText {
 public:
  std::string_view text() const { return std::string_view(buffer_.data(), size_); }
  std::vector<uint32_t> begin, end;  // each decoded word's bytes in text()
  bool from_start = false;           // text() starts where the record's text does
  bool to_end = false;               // and ends where it does

 private:
  friend class StoreVocabulary;
  std::string buffer_;  // text(), then room the decoder may write past it
  size_t size_ = 0;
};

class StoreVocabulary {
 public:
  enum Class : uint8_t {
    kWord = 0,       // two words in a row have one space between them
    kIdeograph = 1,  // ideographs and words follow each other with nothing between
    kSeparator = 2,
    kEnd = 3,  // ends a turn's text, then its label
  };
  struct Token {
    Class cls;
    std::string_view bytes;
    uint32_t term = 0;  // a word's term ordinal (format.h: kTerms) + 1; 0: none
  };
  static constexpr uint32_t kNoTerm = UINT32_MAX;

  StoreVocabulary() : code_(128) {}

  // The kStoreVocabulary section for `ranked` tokens, most frequent first,
  // coded with `stoppers` (DenseCode).
  static std::string Encode(unsigned stoppers, const std::vector<Token>& ranked);
  // Reads a kStoreVocabulary section.
  static Result<StoreVocabulary> Parse(std::string_view section);

  const DenseCode& code() const { return code_; }
  size_t size() const { return entries_.size(); }

  // Decodes a store block holding `turns` records: its decoded size (the
  // block's header) is passed to `allocate`, which returns where to write
  // it; `records` gets each turn's text and label. False if the block is
  // damaged (a rank outside the vocabulary, sizes that disagree, too few or
  // too many records).
  template <typename Allocate>
  bool DecodeBlock(std::string_view block, uint32_t turns, Allocate&& allocate, size_t* size,
                   std::vector<StoreRecord>* records) const;

  // The term ordinals (format.h: kTerms) of the words of the text of each
  // record of a block holding `turns` records, in order, without decoding
  // their bytes: record r's are (*terms)[(*starts)[r]] up to
  // (*starts)[r + 1] (`terms` may hold more, unused: it is reused without
  // being cleared); kNoTerm for a word whose entry names no term. False if
  // the block is damaged.
  bool DecodeTerms(std::string_view block, uint32_t turns, std::vector<uint32_t>* terms,
                   std::vector<uint32_t>* starts) const;

  // Decodes words `first` to `last` of the text of record `record` of a
  // block holding `turns` records (words and ideographs, counted from 0;
  // not separators), starting from the block's checkpoint nearest before
  // `first`, not from its start: from word `first` (from the text's start
  // if `first` is 0) through the separators after the last word decoded,
  // up to the next word or the text's end. A text of
  // fewer words gives fewer (out->begin's size says how many). False if
  // the block is damaged.
  bool DecodeWords(std::string_view block, uint32_t turns, uint32_t record, uint32_t first,
                   uint32_t last, WordsText* out) const;

 private:
  // Reads the codeword at `*p` (which is before `end`), moving past it;
  // false if it is truncated or too long.
  bool NextRank(const unsigned char** p, const unsigned char* end, uint64_t* rank) const {
    const unsigned s = code_.stoppers();
    const unsigned b0 = (*p)[0];
    const unsigned b1 = *p + 1 < end ? (*p)[1] : 0;
    if (b0 >= s && (b1 >= s || *p + 1 == end)) return code_.Next(p, end, rank);  // 3+ bytes
    const bool two = b0 >= s;
    *rank = two ? s + uint64_t{b0 - s} * s + b1 : b0;
    *p += 1 + two;
    return true;
  }

  struct Entry {
    uint32_t offset;
    uint32_t size : 30;
    uint32_t cls : 2;
  };
  bool Decode(const unsigned char* p, const unsigned char* end, char* out, size_t size,
              uint32_t turns, std::vector<StoreRecord>* records) const;

  // A block's header (decoded size, checkpoints' size), checkpoints and
  // codewords; false if the header is damaged.
  struct BlockParts {
    size_t decoded_size = 0;
    const char* checkpoints = nullptr;  // up to `codes`
    const unsigned char* codes = nullptr;
    const unsigned char* end = nullptr;
  };
  static bool SplitBlock(std::string_view block, BlockParts* parts);

  DenseCode code_;
  std::vector<Entry> entries_;
  // By rank, for DecodeTerms: a word's term ordinal + 2 (1: none), 0 for a
  // separator, kEndToken for the end.
  static constexpr uint32_t kEndToken = UINT32_MAX;
  std::vector<uint32_t> token_terms_;
  std::string bytes_;
};

template <typename Allocate>
bool StoreVocabulary::DecodeBlock(std::string_view block, uint32_t turns, Allocate&& allocate,
                                  size_t* size, std::vector<StoreRecord>* records) const {
  BlockParts parts;
  if (!SplitBlock(block, &parts)) return false;
  *size = parts.decoded_size;
  return Decode(parts.codes, parts.end, allocate(parts.decoded_size), parts.decoded_size, turns,
                records);
}

}  // namespace lectern
