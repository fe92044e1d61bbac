// Index: a consistent, read-only view of one commit of an index directory:
// its segments with their deletions applied. Opening never blocks on, or
// is disturbed by, a writer; the view stays valid while a writer commits.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/manifest.h"
#include "index/segment.h"

namespace lectern {

struct SegmentView {
  std::shared_ptr<const Segment> segment;
  std::vector<bool> deleted_briefings;
  std::vector<bool> deleted_turns;
  uint32_t live_turns = 0;
  uint32_t live_briefings = 0;
  uint64_t live_tokens = 0;

  bool live(uint32_t doc) const { return !deleted_turns[doc]; }
};

class Index {
 public:
  // kNotFound when `dir` holds no index yet.
  static Result<std::shared_ptr<const Index>> Open(const std::string& dir);

  const std::string& dir() const { return dir_; }
  uint64_t generation() const { return manifest_.generation; }
  const Manifest& manifest() const { return manifest_; }
  const std::vector<SegmentView>& segments() const { return segments_; }

  uint64_t live_turns() const { return live_turns_; }
  uint64_t live_briefings() const { return live_briefings_; }
  uint64_t live_tokens() const { return live_tokens_; }
  double average_turn_length() const {
    return live_turns_ == 0 ? 0.0 : static_cast<double>(live_tokens_) / live_turns_;
  }

  struct Location {
    size_t segment;
    uint32_t ordinal;
  };
  std::optional<Location> FindBriefing(std::string_view id) const;
  Result<Briefing> LoadBriefing(std::string_view id) const;

 private:
  std::string dir_;
  Manifest manifest_;
  std::vector<SegmentView> segments_;
  uint64_t live_turns_ = 0, live_briefings_ = 0, live_tokens_ = 0;
};

}  // namespace lectern
