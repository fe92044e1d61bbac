// SegmentBuilder: briefings in, one immutable segment file out.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/briefing.h"
#include "text/analyzer.h"

namespace lectern {

// A briefing's identity for incremental ingest: a 64-bit hash of every field
// but `source`, so the same page read from another path is unchanged.
uint64_t BriefingContentHash(const Briefing& briefing);

class SegmentBuilder {
 public:
  SegmentBuilder();
  ~SegmentBuilder();

  // Analyses and adds one briefing; its turns become documents.
  void Add(const Briefing& briefing, uint64_t content_hash);

  size_t briefing_count() const;
  size_t turn_count() const;
  // Rough memory held, for deciding when to flush a segment.
  size_t approximate_bytes() const;

  // Writes the segment to `path` (temp file, fsync, rename).
  Status Write(const std::string& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lectern
