// StoreBlockCache: the turn texts of recently read store blocks, kept
// decompressed between calls up to a byte budget (least recently used out
// first).
//
// A frequent word's KWIC reads thousands of 4 KB blocks, and decompressing
// them is half its time; a server answering concordances over the same
// archive again and again pays that once. A block is kept as it was
// decompressed (StoreReader::TakeBlock), its turns found in place: filling
// the cache copies nothing. One-shot commands (the CLI) do without.
//
// Entries are found again only for the same Segment object (compared by
// ownership, so a segment freed and another allocated at its address never
// match): a new commit's segments start cold, and an old commit's entries
// age out. Thread-safe; blocks are immutable and shared with readers.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "index/segment.h"
#include "index/store_reader.h"

namespace lectern {

class StoreBlockCache {
 public:
  struct Block {
    uint32_t first_turn = 0;
    std::unique_ptr<char[]> bytes;  // the block as decompressed (StoreReader::TakeBlock)
    size_t size = 0;
    std::vector<std::pair<uint32_t, uint32_t>> texts;  // turn first_turn + i: (offset, size)
    bool holds(uint32_t doc) const { return doc >= first_turn && doc - first_turn < texts.size(); }
    std::string_view turn(uint32_t doc) const {
      const auto [offset, length] = texts[doc - first_turn];
      return std::string_view(bytes.get() + offset, length);
    }
  };

  explicit StoreBlockCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  // The block holding turn `doc` of `segment`, read with `reader` (a
  // StoreReader of that segment, used by one thread) when not cached.
  // Errors: the store's (corruption).
  Result<std::shared_ptr<const Block>> Get(const std::shared_ptr<const Segment>& segment,
                                           uint32_t doc, StoreReader& reader);

  void Clear();
  size_t bytes() const;
  uint64_t misses() const;

 private:
  struct Key {
    const Segment* segment;
    uint32_t block;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return std::hash<const void*>()(k.segment) * 31 + k.block;
    }
  };
  struct Entry {
    Key key;
    std::weak_ptr<const Segment> owner;
    std::shared_ptr<const Block> block;
  };
  static size_t Size(const Block& b) { return b.size + b.texts.size() * 8 + 64; }

  const size_t max_bytes_;
  mutable std::mutex mu_;  // guards everything below
  std::list<Entry> lru_;   // most recently used first
  std::unordered_map<Key, std::list<Entry>::iterator, KeyHash> map_;
  size_t bytes_ = 0;
  uint64_t misses_ = 0;
};

}  // namespace lectern
