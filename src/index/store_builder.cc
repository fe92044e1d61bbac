#include "index/store_builder.h"

#include <zstd.h>
#define ZDICT_STATIC_LINKING_ONLY  // for the fastCover trainer
#include <zdict.h>

#include <memory>

#include "index/coding.h"
#include "index/format.h"

namespace lectern {
namespace {

struct CCtxDeleter {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct CDictDeleter {
  void operator()(ZSTD_CDict* d) const { ZSTD_freeCDict(d); }
};

}  // namespace

StoreBuilder::StoreBuilder() = default;
StoreBuilder::~StoreBuilder() = default;

void StoreBuilder::Add(uint32_t doc, std::string_view text, std::string_view label) {
  if (raw_blocks_.empty() || raw_.size() - raw_blocks_.back().second >= kStoreBlockBytes) {
    raw_blocks_.emplace_back(doc, raw_.size());
  }
  PutString(&raw_, text);
  PutString(&raw_, label);
}

Status StoreBuilder::Finish() {
  auto block = [&](size_t i) -> std::string_view {
    const size_t begin = raw_blocks_[i].second;
    const size_t end = i + 1 < raw_blocks_.size() ? raw_blocks_[i + 1].second : raw_.size();
    return std::string_view(raw_).substr(begin, end - begin);
  };

  // Train on whole blocks taken evenly from the segment, about
  // kStoreSampleBytes of them. fastCover without parameter search (steps
  // = 0) takes tens of milliseconds and is deterministic.
  if (raw_.size() >= kStoreMinTrainingBytes) {
    const size_t stride = (raw_.size() + kStoreSampleBytes - 1) / kStoreSampleBytes;
    std::string samples;
    std::vector<size_t> sizes;
    for (size_t i = 0; i < raw_blocks_.size(); i += stride) {
      samples += block(i);
      sizes.push_back(block(i).size());
    }
    dictionary_.resize(kStoreDictionaryBytes);
    ZDICT_fastCover_params_t params{};
    params.k = 200;
    params.d = 8;
    params.steps = 0;
    params.accel = 4;
    params.zParams.compressionLevel = kStoreCompressionLevel;
    const size_t n =
        ZDICT_trainFromBuffer_fastCover(dictionary_.data(), dictionary_.size(), samples.data(),
                                        sizes.data(), static_cast<unsigned>(sizes.size()), params);
    dictionary_.resize(ZDICT_isError(n) ? 0 : n);
  }

  std::unique_ptr<ZSTD_CCtx, CCtxDeleter> cctx(ZSTD_createCCtx());
  std::unique_ptr<ZSTD_CDict, CDictDeleter> cdict;
  if (!dictionary_.empty()) {
    cdict.reset(ZSTD_createCDict(dictionary_.data(), dictionary_.size(), kStoreCompressionLevel));
  }
  if (!cctx || (!dictionary_.empty() && !cdict)) {
    return Status::IOError("cannot set up zstd compression (out of memory?)");
  }
  // A frame need not name its dictionary: a segment has one, and the reader
  // passes it (4 bytes less per block). A level for frames without one.
  size_t set = ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_dictIDFlag, 0);
  if (!ZSTD_isError(set)) {
    set = ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, kStoreCompressionLevel);
  }
  if (!ZSTD_isError(set) && cdict) set = ZSTD_CCtx_refCDict(cctx.get(), cdict.get());
  if (ZSTD_isError(set)) return Status::IOError(std::string("zstd: ") + ZSTD_getErrorName(set));
  compressed_.clear();
  offsets_.clear();
  for (size_t i = 0; i < raw_blocks_.size(); ++i) {
    const std::string_view in = block(i);
    offsets_.push_back(compressed_.size());
    const size_t at = compressed_.size();
    compressed_.resize(at + ZSTD_compressBound(in.size()));
    char* out = compressed_.data() + at;
    const size_t room = compressed_.size() - at;
    const size_t n = ZSTD_compress2(cctx.get(), out, room, in.data(), in.size());
    if (ZSTD_isError(n)) return Status::IOError(std::string("zstd: ") + ZSTD_getErrorName(n));
    compressed_.resize(at + n);
  }
  std::string().swap(raw_);
  return Status::Ok();
}

std::string StoreBuilder::BlocksSection() const {
  std::string out;
  PutVarint(&out, raw_blocks_.size());
  for (size_t i = 0; i < raw_blocks_.size(); ++i) {
    PutVarint(&out, raw_blocks_[i].first - (i > 0 ? raw_blocks_[i - 1].first : 0));
    PutVarint(&out, offsets_[i] - (i > 0 ? offsets_[i - 1] : 0));
  }
  return out;
}

}  // namespace lectern
