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
  };

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

 private:
  struct Entry {
    uint32_t offset;
    uint32_t size : 30;
    uint32_t cls : 2;
  };
  bool Decode(const unsigned char* p, const unsigned char* end, char* out, size_t size,
              uint32_t turns, std::vector<StoreRecord>* records) const;

  DenseCode code_;
  std::vector<Entry> entries_;
  std::string bytes_;
};

template <typename Allocate>
bool StoreVocabulary::DecodeBlock(std::string_view block, uint32_t turns, Allocate&& allocate,
                                  size_t* size, std::vector<StoreRecord>* records) const {
  const auto* p = reinterpret_cast<const unsigned char*>(block.data());
  const auto* end = p + block.size();
  // The header: varint decoded size.
  uint64_t decoded = 0;
  for (int shift = 0;; shift += 7) {
    if (p == end || shift > 28) return false;
    decoded |= uint64_t{*p & 0x7Fu} << shift;
    if (*p++ < 0x80) break;
  }
  if (decoded > (uint64_t{1} << 31)) return false;
  *size = decoded;
  return Decode(p, end, allocate(decoded), decoded, turns, records);
}

}  // namespace lectern
