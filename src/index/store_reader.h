// StoreReader: the stored turns of a segment (format.h: kStore, kBlocks,
// kStoreVocabulary), decoded a block at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "index/segment.h"

namespace lectern {

// Reads stored turns, keeping the last block it decoded, so that the
// turns of one exchange or briefing cost one decoding. Not
// thread-safe: one per thread or request. The segment must outlive it.
class StoreReader {
 public:
  // With `release_pages`, the store's pages are given back
  // (Segment::ReleaseStorePages) after every kReleaseEvery blocks read: for
  // a reader that visits blocks once across much of the store, such as an
  // analysis describing its results, which would otherwise leave them
  // resident until the index is closed.
  explicit StoreReader(const Segment& segment, bool release_pages = false);
  static constexpr uint32_t kReleaseEvery = 64;
  ~StoreReader();
  StoreReader(const StoreReader&) = delete;
  StoreReader& operator=(const StoreReader&) = delete;

  // The text and label of turn `doc`, valid until the next Read of another
  // block. Corruption (naming the segment) if the store is damaged.
  Status Read(uint32_t doc, std::string_view* text, std::string_view* label = nullptr);

  // Words `first` to `last` of turn `doc` and what surrounds them
  // (StoreVocabulary::DecodeWords), for reading windows of a long turn
  // without decoding all of it (KWIC). In a turn whose words are its
  // positions (Segment::turn_words_are_positions), word k is the one at
  // position k.
  Status DecodeWords(uint32_t doc, uint32_t first, uint32_t last, WordsText* out);

  // The term ordinals (format.h: kTerms) of turn `doc`'s words, in order
  // (StoreVocabulary::DecodeTerms): in a turn whose words are its
  // positions, the term at each position. Valid until the next ReadTerms
  // of another block.
  Status ReadTerms(uint32_t doc, std::span<const uint32_t>* terms);

 private:
  // Decodes `block` into buffer_, its records into records_.
  Status Load(uint32_t block);
  Status LoadVocabulary();
  Status Damaged(uint32_t block) const;

  const Segment* segment_;
  const StoreVocabulary* vocabulary_ = nullptr;  // the segment's, once read
  int64_t block_ = -1;
  bool release_pages_;
  uint32_t loads_ = 0;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  std::vector<StoreRecord> records_;  // the block's turns, in buffer_
  // DecodeWords's last turn: its block, the block's first turn and turns.
  uint32_t window_doc_ = UINT32_MAX, window_block_ = 0, window_first_turn_ = 0, window_turns_ = 0;
  // ReadTerms's block and its records' terms.
  int64_t terms_block_ = -1;
  std::vector<uint32_t> terms_, term_starts_;
};

}  // namespace lectern
