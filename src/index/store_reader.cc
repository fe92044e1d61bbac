#include "index/store_reader.h"

#include <zstd.h>

#include "index/coding.h"

namespace lectern {

StoreReader::StoreReader(const Segment& segment, bool release_pages)
    : segment_(&segment), dctx_(ZSTD_createDCtx()), release_pages_(release_pages) {}

StoreReader::~StoreReader() { ZSTD_freeDCtx(static_cast<ZSTD_DCtx*>(dctx_)); }

Status StoreReader::Decompress(uint32_t block, const std::function<char*(size_t)>& buffer,
                               const char** data, size_t* size) {
  // Made only when needed: building the message for every block read costs
  // two allocations (and, freed, a consolidation of malloc's small bins).
  auto bad = [&] {
    return Status::Corruption(segment_->path() + ": damaged store block " + std::to_string(block));
  };
  const std::string_view frame = segment_->block_bytes(block);
  const unsigned long long content = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (content == ZSTD_CONTENTSIZE_ERROR || content == ZSTD_CONTENTSIZE_UNKNOWN ||
      content > (1ull << 31)) {
    return bad();
  }
  char* out = buffer(content);
  auto* dctx = static_cast<ZSTD_DCtx*>(dctx_);
  const ZSTD_DDict* dictionary = segment_->store_dictionary();
  const size_t got =
      dictionary
          ? ZSTD_decompress_usingDDict(dctx, out, content, frame.data(), frame.size(), dictionary)
          : ZSTD_decompressDCtx(dctx, out, content, frame.data(), frame.size());
  if (ZSTD_isError(got) || got != content) return bad();
  if (release_pages_ && ++loads_ % kReleaseEvery == 0) segment_->ReleaseStorePages();
  records_.clear();
  const char *p = out, *end = out + content;
  std::string_view text, label;
  while (p < end) {
    records_.push_back(static_cast<uint32_t>(p - out));
    if (!GetString(&p, end, &text) || !GetString(&p, end, &label)) return bad();
  }
  const uint32_t first = segment_->block_first_turn(block);
  const uint32_t next = block + 1 < segment_->block_count() ? segment_->block_first_turn(block + 1)
                                                            : segment_->turn_count();
  if (records_.size() != next - first) return bad();
  *data = out;
  *size = content;
  return Status::Ok();
}

Status StoreReader::Load(uint32_t block) {
  block_ = -1;
  const char* data;
  size_t size;
  LECTERN_RETURN_IF_ERROR(Decompress(
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
  const char* p = buffer_.data() + records_[doc - segment_->block_first_turn(block)];
  const char* end = buffer_.data() + buffer_.size();
  std::string_view t, l;
  GetString(&p, end, &t);  // checked by Load
  GetString(&p, end, &l);
  *text = t;
  if (label != nullptr) *label = l;
  return Status::Ok();
}

Status StoreReader::TakeBlock(uint32_t block, std::unique_ptr<char[]>* bytes, size_t* size,
                              std::vector<std::pair<uint32_t, uint32_t>>* texts) {
  if (block >= segment_->block_count()) return Status::NotFound("no such block");
  block_ = -1;  // records_ is about to describe the block handed over
  const char* data;
  // A buffer of its own, not zero-filled first (a string's resize would).
  LECTERN_RETURN_IF_ERROR(Decompress(
      block,
      [&](size_t n) {
        bytes->reset(new char[std::max<size_t>(n, 1)]);
        return bytes->get();
      },
      &data, size));
  texts->clear();
  texts->reserve(records_.size());
  const char* end = data + *size;
  for (uint32_t r : records_) {
    const char* p = data + r;
    std::string_view t;
    GetString(&p, end, &t);  // checked by Decompress
    texts->emplace_back(static_cast<uint32_t>(t.data() - data), static_cast<uint32_t>(t.size()));
  }
  return Status::Ok();
}

}  // namespace lectern
