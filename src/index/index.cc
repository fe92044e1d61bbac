#include "index/index.h"

namespace lectern {
namespace {

// One attempt at opening the commit CURRENT names. kNotFound for a file
// means a writer replaced the commit under us: the caller retries.
Result<std::shared_ptr<Index>> OpenOnce(const std::string& dir, Manifest manifest,
                                        std::shared_ptr<Index> index,
                                        std::vector<SegmentView>* segments) {
  for (const ManifestSegment& ms : manifest.segments) {
    Result<std::shared_ptr<const Segment>> segment = Segment::Open(dir + "/" + ms.file);
    if (!segment.ok()) return segment.status();
    SegmentView view;
    view.segment = *segment;
    const Segment& s = **segment;
    view.deleted_briefings.assign(s.briefing_count(), false);
    view.deleted_turns.assign(s.turn_count(), false);
    for (uint32_t b : ms.deleted) {
      if (b >= s.briefing_count()) {
        return Status::Corruption(dir + ": manifest deletes a briefing " + ms.file + " lacks");
      }
      view.deleted_briefings[b] = true;
      const BriefingMeta& meta = s.briefing(b);
      for (uint32_t t = 0; t < meta.turn_count; ++t) view.deleted_turns[meta.first_turn + t] = true;
    }
    for (uint32_t doc = 0; doc < s.turn_count(); ++doc) {
      if (view.deleted_turns[doc]) continue;
      ++view.live_turns;
      view.live_tokens += s.turn_length(doc);
    }
    view.live_briefings = s.briefing_count() - static_cast<uint32_t>(ms.deleted.size());
    segments->push_back(std::move(view));
  }
  return index;
}

}  // namespace

Result<std::shared_ptr<const Index>> Index::Open(const std::string& dir) {
  Status last;
  for (int attempt = 0; attempt < 10; ++attempt) {
    Result<Manifest> manifest = ReadCurrentManifest(dir);
    if (!manifest.ok()) {
      if (manifest.status().code() == Status::Code::kNotFound && attempt > 0) {
        last = manifest.status();
        continue;  // CURRENT moved on while we read it
      }
      return manifest.status();
    }
    auto index = std::make_shared<Index>();
    index->dir_ = dir;
    index->manifest_ = *manifest;
    std::vector<SegmentView> segments;
    Result<std::shared_ptr<Index>> opened = OpenOnce(dir, *manifest, index, &segments);
    if (!opened.ok()) {
      last = opened.status();
      if (last.code() == Status::Code::kNotFound) continue;
      return last;
    }
    index->segments_ = std::move(segments);
    for (const SegmentView& v : index->segments_) {
      index->live_turns_ += v.live_turns;
      index->live_briefings_ += v.live_briefings;
      index->live_tokens_ += v.live_tokens;
    }
    return std::shared_ptr<const Index>(std::move(index));
  }
  return last;
}

std::optional<Index::Location> Index::FindBriefing(std::string_view id) const {
  for (size_t s = 0; s < segments_.size(); ++s) {
    const Segment& segment = *segments_[s].segment;
    for (uint32_t b = 0; b < segment.briefing_count(); ++b) {
      if (!segments_[s].deleted_briefings[b] && segment.briefing(b).id == id) return Location{s, b};
    }
  }
  return std::nullopt;
}

Result<Briefing> Index::LoadBriefing(std::string_view id) const {
  std::optional<Location> at = FindBriefing(id);
  if (!at) return Status::NotFound("no briefing '" + std::string(id) + "' in the index");
  return segments_[at->segment].segment->LoadBriefing(at->ordinal);
}

}  // namespace lectern
