#include "index/store_reader.h"

namespace lectern {

StoreReader::StoreReader(const Segment& segment, bool release_pages)
    : segment_(&segment), release_pages_(release_pages) {}

StoreReader::~StoreReader() = default;

Status StoreReader::LoadVocabulary() {
  if (vocabulary_ != nullptr) return Status::Ok();
  Result<const StoreVocabulary*> vocabulary = segment_->store_vocabulary();
  if (!vocabulary.ok()) return vocabulary.status();
  vocabulary_ = *vocabulary;
  return Status::Ok();
}

Status StoreReader::Damaged(uint32_t block) const {
  return Status::Corruption(segment_->path() + ": damaged store block " + std::to_string(block));
}

Status StoreReader::Load(uint32_t block) {
  block_ = -1;
  LECTERN_RETURN_IF_ERROR(LoadVocabulary());
  // Grown, never shrunk nor zero-filled: every byte is written by the decoder.
  auto allocate = [this](size_t n) {
    if (n > capacity_) {
      buffer_.reset(new char[n]);
      capacity_ = n;
    }
    return buffer_.get();
  };
  size_t size;
  if (!vocabulary_->DecodeBlock(segment_->block_bytes(block), segment_->block_turn_count(block),
                                allocate, &size, &records_)) {
    return Damaged(block);
  }
  if (release_pages_ && ++loads_ % kReleaseEvery == 0) segment_->ReleaseStorePages();
  block_ = block;
  return Status::Ok();
}

Status StoreReader::Read(uint32_t doc, std::string_view* text, std::string_view* label) {
  if (doc >= segment_->turn_count()) return Status::NotFound("no such turn");
  const uint32_t block = segment_->BlockOf(doc);
  if (block_ != block) LECTERN_RETURN_IF_ERROR(Load(block));
  const StoreRecord& r = records_[doc - segment_->block_first_turn(block)];
  *text = std::string_view(buffer_.get() + r.text, r.text_size);
  if (label != nullptr) *label = std::string_view(buffer_.get() + r.label, r.label_size);
  return Status::Ok();
}

Status StoreReader::DecodeWords(uint32_t doc, uint32_t first, uint32_t last, WordsText* out) {
  if (doc >= segment_->turn_count()) return Status::NotFound("no such turn");
  LECTERN_RETURN_IF_ERROR(LoadVocabulary());
  if (doc != window_doc_) {  // a turn's windows come together: find its block once
    window_doc_ = doc;
    window_block_ = segment_->BlockOf(doc);
    window_first_turn_ = segment_->block_first_turn(window_block_);
    window_turns_ = segment_->block_turn_count(window_block_);
  }
  if (!vocabulary_->DecodeWords(segment_->block_bytes(window_block_), window_turns_,
                                doc - window_first_turn_, first, last, out)) {
    return Damaged(window_block_);
  }
  return Status::Ok();
}

Status StoreReader::ReadTerms(uint32_t doc, std::span<const uint32_t>* terms) {
  if (doc >= segment_->turn_count()) return Status::NotFound("no such turn");
  LECTERN_RETURN_IF_ERROR(LoadVocabulary());
  const uint32_t block = segment_->BlockOf(doc);
  const uint32_t first = segment_->block_first_turn(block);
  if (terms_block_ != block) {
    terms_block_ = -1;
    if (!vocabulary_->DecodeTerms(segment_->block_bytes(block), segment_->block_turn_count(block),
                                  &terms_, &term_starts_)) {
      return Damaged(block);
    }
    if (release_pages_ && ++loads_ % kReleaseEvery == 0) segment_->ReleaseStorePages();
    terms_block_ = block;
  }
  const uint32_t r = doc - first;
  *terms = std::span<const uint32_t>(terms_.data() + term_starts_[r],
                                     term_starts_[r + 1] - term_starts_[r]);
  return Status::Ok();
}

}  // namespace lectern
