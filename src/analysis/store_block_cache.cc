#include "analysis/store_block_cache.h"

namespace lectern {
namespace {

bool SameOwner(const std::weak_ptr<const Segment>& a, const std::shared_ptr<const Segment>& b) {
  return !a.owner_before(b) && !b.owner_before(a);
}

}  // namespace

Result<std::shared_ptr<const StoreBlockCache::Block>> StoreBlockCache::Get(
    const std::shared_ptr<const Segment>& segment, uint32_t doc, StoreReader& reader) {
  const uint32_t block = segment->BlockOf(doc);
  const Key key{segment.get(), block};
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = map_.find(key);
    if (it != map_.end()) {
      if (SameOwner(it->second->owner, segment)) {
        lru_.splice(lru_.begin(), lru_, it->second);
        return it->second->block;
      }
      bytes_ -= Size(*it->second->block);  // another segment, since freed, had this address
      lru_.erase(it->second);
      map_.erase(it);
    }
  }
  // Read outside the lock: one decompression for all its turns, kept as
  // decompressed (no copy).
  auto b = std::make_shared<Block>();
  b->first_turn = segment->block_first_turn(block);
  LECTERN_RETURN_IF_ERROR(reader.TakeBlock(block, &b->bytes, &b->size, &b->texts));
  std::lock_guard<std::mutex> lock(mu_);
  ++misses_;
  // One hash lookup: the slot is found or made at once.
  auto [it, inserted] = map_.try_emplace(key, lru_.end());
  if (!inserted) {
    if (SameOwner(it->second->owner, segment)) return it->second->block;  // another thread's
    bytes_ -= Size(*it->second->block);  // another segment, since freed, had this address
    lru_.erase(it->second);
  }
  const size_t size = Size(*b);
  if (size > max_bytes_) {
    map_.erase(it);
    return std::shared_ptr<const Block>(std::move(b));
  }
  lru_.push_front(Entry{key, segment, b});
  it->second = lru_.begin();
  bytes_ += size;
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    bytes_ -= Size(*lru_.back().block);
    map_.erase(lru_.back().key);
    lru_.pop_back();
  }
  return std::shared_ptr<const Block>(std::move(b));
}

void StoreBlockCache::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  lru_.clear();
  map_.clear();
  bytes_ = 0;
}

size_t StoreBlockCache::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return bytes_;
}

uint64_t StoreBlockCache::misses() const {
  std::lock_guard<std::mutex> lock(mu_);
  return misses_;
}

}  // namespace lectern
