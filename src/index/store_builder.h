// StoreBuilder: the stored turns of a segment being built (format.h:
// kStore, kBlocks, kStoreDictionary).
//
// Turns are kept uncompressed until the segment is written, so that the
// dictionary can be trained on samples spread over the whole segment (a
// segment often holds several languages and institutions, one after the
// other); then every block is compressed with it. Deterministic: the same
// turns give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace lectern {

class StoreBuilder {
 public:
  StoreBuilder();
  ~StoreBuilder();
  StoreBuilder(const StoreBuilder&) = delete;
  StoreBuilder& operator=(const StoreBuilder&) = delete;

  // Adds the record of turn `doc`; documents must come in order, from 0.
  void Add(uint32_t doc, std::string_view text, std::string_view label);

  // Uncompressed bytes held (for deciding when to flush a segment).
  size_t bytes() const { return raw_.size(); }

  // Trains the dictionary (empty when there is too little text, or zstd
  // cannot find one) and compresses every block. Call once, before the
  // accessors below.
  Status Finish();

  const std::string& dictionary() const { return dictionary_; }
  const std::string& compressed() const { return compressed_; }
  // The kBlocks section (format.h).
  std::string BlocksSection() const;

 private:
  std::string raw_;                                      // records, block after block
  std::vector<std::pair<uint32_t, size_t>> raw_blocks_;  // first turn, offset in raw_
  std::string dictionary_, compressed_;
  std::vector<uint64_t> offsets_;  // of each block in compressed_
};

}  // namespace lectern
