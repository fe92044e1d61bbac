// StoreBuilder: the stored turns of a segment being built (format.h:
// kStore, kBlocks, kStoreVocabulary; the coding is store_vocabulary.h's).
//
// The indexer hands over each turn's text with the words its analyzer
// found in it, so the store need not find them again; a word written
// exactly as its index term (most lower-case words, every ideograph) is
// known by the term's id, without hashing it again. Tokens are kept as ids
// until the segment is written, when the vocabulary is ranked by frequency
// and every block coded. Deterministic: the same calls give the same bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/format.h"
#include "index/store_vocabulary.h"
#include "index/term_table.h"

namespace lectern {

class StoreBuilder {
 public:
  static constexpr uint32_t kNoTerm = UINT32_MAX;

  StoreBuilder();
  ~StoreBuilder();
  StoreBuilder(const StoreBuilder&) = delete;
  StoreBuilder& operator=(const StoreBuilder&) = delete;

  // Starts the record of turn `doc` (documents in order, from 0) whose text
  // is `text`, valid until EndTurn. Then come its words, in order of
  // position, and EndTurn.
  void BeginTurn(uint32_t doc, std::string_view text);
  // A word at [begin, end) of the text, at `position`, indexed as term
  // `term` (id, or kNoTerm, and bytes, as Finish's `term_bytes` gives
  // them). A word written as its term, or as it with a capital first
  // letter, is stored by the term's id; others by their bytes. A word that
  // overlaps one before it adds nothing: its bytes are stored.
  void Word(uint32_t begin, uint32_t end, uint32_t position, uint32_t term,
            std::string_view term_bytes);
  // An ideograph below U+10000, 3 bytes of UTF-8 at `begin`, at `position`
  // (indexed as its CharacterTerm: Finish's `ideograph_term`).
  void Ideograph(uint32_t begin, uint32_t position, char16_t ideograph);
  // Ends the turn (what follows its last word is stored as it is) and
  // stores its label. Returns whether the turn's stored words are its
  // `positions` positions, with their terms: the k-th word or ideograph of
  // the stored text is the one at position k, for every k, and its
  // vocabulary entry names its term (false when a word overlapped another,
  // positions were skipped, or a word's bytes were indexed as another term
  // elsewhere). Readers then find a position's word by counting stored
  // words (StoreVocabulary::DecodeWords), and the turn's terms without the
  // postings (StoreVocabulary::DecodeTerms).
  bool EndTurn(std::string_view label, uint32_t positions);

  // Memory held (for deciding when to flush a segment).
  size_t bytes() const;

  // Ranks the vocabulary and codes every block. `term_bytes` gives the
  // bytes of the term ids passed to Word, `ideograph_term` the term id of
  // an ideograph passed to Ideograph, and `term_ordinal` a term id's place
  // in the segment's sorted terms (format.h: kTerms). Call once, before
  // the accessors.
  Status Finish(const std::function<std::string_view(uint32_t)>& term_bytes,
                const std::function<uint32_t(uint32_t)>& term_ordinal,
                const std::function<uint32_t(char16_t)>& ideograph_term);

  const std::string& vocabulary() const { return vocabulary_; }
  const std::string& store() const { return store_; }
  // The kBlocks section (format.h).
  std::string BlocksSection() const;

 private:
  // A token as kept until Finish: kind in the top 3 bits, id below.
  enum Kind : uint32_t {
    kTerm,
    kCapitalizedTerm,
    kLiteralWord,
    kSeparator,
    kIdeograph,
    kEnd,
    kKinds
  };
  static constexpr uint32_t kIdBits = 29;
  void Push(Kind kind, uint32_t id);
  // Stores the text between the last token and `begin` unless it is what
  // the decoder implies before a token of class `next`.
  void Gap(uint32_t begin, StoreVocabulary::Class next);
  void Separator(std::string_view bytes);
  // A word stored by its bytes, indexed as `term`.
  void Literal(std::string_view word, uint32_t term);
  // Counts the word about to be pushed, noting it if it is a checkpoint.
  void NoteWord() {
    if (words_ % kStoreWordCheckpoint == 0 && words_ > 0) [[unlikely]] {
      checkpoint_tokens_.push_back(token_count_);
    }
    ++words_;
  }

  struct Block {
    uint32_t first_turn;
    size_t first_token;     // in tokens_
    uint64_t decoded_size;  // text and label bytes of its turns
  };

  uint32_t Token(size_t i) const { return chunks_[i / kChunk][i % kChunk]; }

  // Tokens in chunks: growing copies nothing.
  static constexpr size_t kChunk = size_t{1} << 16;
  std::vector<std::unique_ptr<uint32_t[]>> chunks_;
  size_t token_count_ = 0;
  std::vector<uint32_t> counts_[kKinds];  // by kind, by id
  TermTable literal_words_, separators_;
  // The term of each literal word (by id), plus one; kConflict for one
  // indexed as no term.
  static constexpr uint32_t kConflict = UINT32_MAX;
  std::vector<uint32_t> literal_terms_;
  // Separators of one or two bytes (most of them), id + 1 by their bytes.
  std::vector<uint32_t> short_separators_ = std::vector<uint32_t>(1 + 256 + 256 * 257);
  std::vector<Block> blocks_;
  // The tokens (indexes in the chunks) of the words that are checkpoints:
  // word j x kStoreWordCheckpoint of its turn's text, j >= 1 (format.h).
  std::vector<size_t> checkpoint_tokens_;
  // The turn being added.
  std::string_view text_;
  uint32_t covered_ = 0;  // bytes of text_ stored so far
  uint32_t words_ = 0;    // words and ideographs stored
  bool words_are_positions_ = true;
  StoreVocabulary::Class previous_ = StoreVocabulary::kSeparator;

  std::string vocabulary_, store_;
  std::vector<uint64_t> offsets_;  // of each block in store_
};

}  // namespace lectern
