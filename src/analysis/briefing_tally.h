// BriefingTally: sums per (briefing, group key) of one segment, for the
// trend's token totals and match counts.
//
// Without groups every key is 0, so the sums sit in a flat array by
// briefing ordinal: a turn costs an array add, not a hash update, which
// matters when the whole index (a million turns) is tallied per query.
// With groups (speaker, outlet, role) the pairs go to a hash map.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace lectern {

class BriefingTally {
 public:
  BriefingTally(uint32_t briefings, bool grouped) : grouped_(grouped) {
    if (!grouped_) {
      flat_.assign(briefings, 0);
      touched_.assign(briefings, false);
    }
  }

  void Add(uint32_t ordinal, uint32_t key, uint64_t n) {
    if (grouped_) {
      map_[(uint64_t{ordinal} << 32) | key] += n;
    } else {
      flat_[ordinal] += n;
      touched_[ordinal] = true;
    }
  }

  // f(ordinal, key, sum) for every pair added to (zero sums included: an
  // empty turn still makes its period and group appear).
  template <class F>
  void ForEach(F&& f) const {
    if (grouped_) {
      for (const auto& [k, n] : map_)
        f(static_cast<uint32_t>(k >> 32), static_cast<uint32_t>(k), n);
      return;
    }
    for (uint32_t i = 0; i < flat_.size(); ++i) {
      if (touched_[i]) f(i, 0u, flat_[i]);
    }
  }

 private:
  bool grouped_;
  std::vector<uint64_t> flat_;
  std::vector<bool> touched_;
  std::unordered_map<uint64_t, uint64_t> map_;
};

}  // namespace lectern
