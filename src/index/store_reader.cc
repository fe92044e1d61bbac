#include "index/store_reader.h"

#include "index/coding.h"

namespace lectern {

StoreReader::StoreReader(const Segment& segment, bool release_pages)
    : segment_(&segment), release_pages_(release_pages) {}

StoreReader::~StoreReader() = default;

Status StoreReader::Decode(uint32_t block, const std::function<char*(size_t)>& buffer,
                           const char** data, size_t* size) {
  if (vocabulary_ == nullptr) {
    Result<const StoreVocabulary*> vocabulary = segment_->store_vocabulary();
    if (!vocabulary.ok()) return vocabulary.status();
    vocabulary_ = *vocabulary;
  }
  const uint32_t first = segment_->block_first_turn(block);
  const uint32_t next = block + 1 < segment_->block_count() ? segment_->block_first_turn(block + 1)
                                                            : segment_->turn_count();
  char* out = nullptr;
  if (!vocabulary_->DecodeBlock(
          segment_->block_bytes(block), next - first, [&](size_t n) { return out = buffer(n); },
          size, &records_)) {
    return Status::Corruption(segment_->path() + ": damaged store block " + std::to_string(block));
  }
  if (release_pages_ && ++loads_ % kReleaseEvery == 0) segment_->ReleaseStorePages();
  *data = out;
  return Status::Ok();
}

Status StoreReader::Load(uint32_t block) {
  block_ = -1;
  const char* data;
  size_t size;
  LECTERN_RETURN_IF_ERROR(Decode(
      block,
      [&](size_t n) {
        buffer_.resize(n);
        return buffer_.data();
      },
      &data, &size));
  block_ = block;
  return Status::Ok();
}

Status StoreReader::Read(uint32_t doc, std::string_view* text, std::string_view* label) {
  if (doc >= segment_->turn_count()) return Status::NotFound("no such turn");
  const uint32_t block = segment_->BlockOf(doc);
  if (block_ != block) LECTERN_RETURN_IF_ERROR(Load(block));
  const StoreRecord& r = records_[doc - segment_->block_first_turn(block)];
  *text = std::string_view(buffer_).substr(r.text, r.text_size);
  if (label != nullptr) *label = std::string_view(buffer_).substr(r.label, r.label_size);
  return Status::Ok();
}

Status StoreReader::TakeBlock(uint32_t block, std::unique_ptr<char[]>* bytes, size_t* size,
                              std::vector<std::pair<uint32_t, uint32_t>>* texts) {
  if (block >= segment_->block_count()) return Status::NotFound("no such block");
  block_ = -1;  // records_ is about to describe the block handed over
  const char* data;
  // A buffer of its own, not zero-filled first (a string's resize would).
  LECTERN_RETURN_IF_ERROR(Decode(
      block,
      [&](size_t n) {
        bytes->reset(new char[std::max<size_t>(n, 1)]);
        return bytes->get();
      },
      &data, size));
  texts->clear();
  texts->reserve(records_.size());
  for (const StoreRecord& r : records_) texts->emplace_back(r.text, r.text_size);
  return Status::Ok();
}

}  // namespace lectern
