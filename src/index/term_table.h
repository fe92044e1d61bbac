// TermTable: interns the terms of a segment being built, giving each
// distinct term a dense id (0, 1, 2, ... in order of first appearance).
// Open addressing with the hash kept beside the id, so a lookup compares
// strings only on a full hash match; terms live in one arena.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/hash.h"

namespace lectern {

class TermTable {
 public:
  TermTable() : slots_(1024) {}

  // The id of `term`, added if new.
  uint32_t Intern(std::string_view term) {
    const uint64_t h = HashShort(term);
    const uint32_t tag = static_cast<uint32_t>(h >> 32) | 1;  // 0 marks an empty slot
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.tag == 0) {
        if ((extents_.size() + 1) * 2 > slots_.size()) {
          Grow();
          return Intern(term);
        }
        s.tag = tag;
        s.id = static_cast<uint32_t>(extents_.size());
        extents_.push_back(
            Extent{static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(term.size())});
        arena_.append(term);
        return s.id;
      }
      if (s.tag == tag) {
        const Extent e = extents_[s.id];
        if (e.length == term.size() && BytesEqual(arena_.data() + e.offset, term.data(), e.length))
          return s.id;
      }
    }
  }

  size_t size() const { return extents_.size(); }
  std::string_view term(uint32_t id) const {
    return std::string_view(arena_.data() + extents_[id].offset, extents_[id].length);
  }

 private:
  struct Slot {
    uint32_t tag = 0;
    uint32_t id = 0;
  };

  void Grow() {
    std::vector<Slot> bigger(slots_.size() * 2);
    const size_t mask = bigger.size() - 1;
    for (uint32_t id = 0; id < extents_.size(); ++id) {
      const uint64_t h = HashShort(term(id));
      size_t i = h & mask;
      while (bigger[i].tag != 0) i = (i + 1) & mask;
      bigger[i] = Slot{static_cast<uint32_t>(h >> 32) | 1, id};
    }
    slots_ = std::move(bigger);
  }

  // Where each term lies in arena_ (one load for both).
  struct Extent {
    uint32_t offset, length;
  };

  std::vector<Slot> slots_;
  std::vector<Extent> extents_;
  std::string arena_;
};

}  // namespace lectern
