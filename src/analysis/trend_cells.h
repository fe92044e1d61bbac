// TrendCells: one segment's token totals per trend cell (period, group),
// and the cell each (briefing, group) falls in, so that a trend counts its
// matches with an array lookup and adds them to totals it need not recompute.
//
// Without a filter the totals depend only on the segment, its deletions and
// (by, per), so TrendCellCache keeps them between calls: a trend over the
// whole index then pays for its postings only, not for summing a million
// turn lengths (5 ms of the 10x corpus, per call) again.
//
// Thread safety: SegmentCells is immutable once built; TrendCellCache is
// safe to use from any number of threads (the server's requests share it).
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/trend.h"
#include "index/index.h"

namespace lectern {

struct SegmentCells {
  static constexpr uint32_t kNoCell = UINT32_MAX;
  struct Cell {
    std::string period, group;
    uint64_t tokens = 0;
  };
  std::vector<Cell> cells;  // every (period, group) with a dated turn, even of 0 tokens
  uint64_t undated_tokens = 0;
  int32_t first_day = INT32_MAX, last_day = INT32_MIN;  // of the dated turns
  bool grouped = false;
  std::vector<uint32_t> briefing_cell;               // without groups, by briefing ordinal
  std::unordered_map<uint64_t, uint32_t> pair_cell;  // with groups: (ordinal << 32 | key)

  // The cell of a turn of briefing `ordinal` whose group key (GroupKey) is
  // `key`, or kNoCell when the briefing is undated or had no turn counted.
  uint32_t CellOf(uint32_t ordinal, uint32_t key) const {
    if (!grouped) return briefing_cell[ordinal];
    auto it = pair_cell.find((uint64_t{ordinal} << 32) | key);
    return it == pair_cell.end() ? kNoCell : it->second;
  }
};

// A turn's group as a raw column value (string id or role): 0 without
// groups. Its display name, once per distinct value.
uint32_t GroupKey(const Segment& s, uint32_t doc, TrendOptions::Per per);
std::string GroupName(const Segment& s, uint32_t key, TrendOptions::Per per);

// The cells of `docs` (ascending turns of the segment), or of every live
// turn of `view` when `docs` is null.
SegmentCells BuildSegmentCells(const SegmentView& view, const std::vector<uint32_t>* docs,
                               TrendOptions::By by, TrendOptions::Per per);

// The cells of whole segments, kept for the last `capacity` (segment,
// deletions, by, per) asked for. An entry is found again only for the same
// Segment object (compared by ownership, so a segment freed and another
// allocated at its address never match) with the same deleted turns.
class TrendCellCache {
 public:
  explicit TrendCellCache(size_t capacity = 64) : capacity_(capacity) {}

  // The process's cache, used by Trend.
  static TrendCellCache& Shared();

  std::shared_ptr<const SegmentCells> Get(const SegmentView& view, TrendOptions::By by,
                                          TrendOptions::Per per);
  void Clear();
  // Builds since creation (for tests: a hit builds nothing).
  uint64_t builds() const;

 private:
  struct Entry {
    std::weak_ptr<const Segment> segment;
    uint32_t live_turns;
    size_t deleted_hash;
    TrendOptions::By by;
    TrendOptions::Per per;
    std::shared_ptr<const SegmentCells> cells;
  };

  const size_t capacity_;
  mutable std::mutex mu_;     // guards entries_ and builds_
  std::list<Entry> entries_;  // most recently used first
  uint64_t builds_ = 0;
};

}  // namespace lectern
