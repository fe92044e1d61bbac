#include "index/index_writer.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_map>

#include "index/fs.h"
#include "index/index.h"
#include "index/manifest.h"
#include "index/segment.h"
#include "index/segment_builder.h"

namespace lectern {
namespace fs = std::filesystem;

struct IndexWriter::Impl {
  std::string dir;
  WriterOptions options;
  FileLock lock;
  Manifest manifest;  // the last commit, plus deletions and segments staged since
  // Where each live briefing is: segment file and ordinal, and its hash.
  struct Location {
    std::string file;
    uint32_t ordinal;
    uint64_t hash;
  };
  std::unordered_map<std::string, Location> live;
  std::unique_ptr<SegmentBuilder> builder;
  std::string builder_file;
  bool dirty = false;

  ManifestSegment* FindSegment(const std::string& file) {
    for (ManifestSegment& s : manifest.segments) {
      if (s.file == file) return &s;
    }
    return nullptr;
  }

  Status Load() {
    Result<std::shared_ptr<const Index>> index = Index::Open(dir);
    if (!index.ok()) {
      if (index.status().code() != Status::Code::kNotFound) return index.status();
      manifest = Manifest{};
      return Status::Ok();
    }
    manifest = (*index)->manifest();
    for (size_t s = 0; s < (*index)->segments().size(); ++s) {
      const SegmentView& view = (*index)->segments()[s];
      for (uint32_t b = 0; b < view.segment->briefing_count(); ++b) {
        if (view.deleted_briefings[b]) continue;
        const BriefingMeta& meta = view.segment->briefing(b);
        live[std::string(meta.id)] = Location{manifest.segments[s].file, b, meta.hash};
      }
    }
    return Status::Ok();
  }

  // Removes files that no committed manifest names: leftovers of a crash
  // and segments merged away.
  void CollectGarbage() {
    std::set<std::string> keep = {"CURRENT", "LOCK", ManifestFileName(manifest.generation)};
    for (const ManifestSegment& s : manifest.segments) keep.insert(s.file);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      const bool ours = name.rfind("seg-", 0) == 0 || name.rfind("MANIFEST-", 0) == 0 ||
                        (name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0);
      if (ours && !keep.count(name)) fs::remove(entry.path(), ec);
    }
  }

  Status FlushBuilder() {
    if (!builder || builder->briefing_count() == 0) return Status::Ok();
    LECTERN_RETURN_IF_ERROR(builder->Write(dir + "/" + builder_file));
    builder.reset();
    return Status::Ok();
  }

  SegmentBuilder& CurrentBuilder() {
    if (!builder) {
      builder = std::make_unique<SegmentBuilder>();
      builder_file = SegmentFileName(manifest.next_segment++);
      manifest.segments.push_back(ManifestSegment{builder_file, {}});
    }
    return *builder;
  }

  void Delete(const Location& where) {
    ManifestSegment* s = FindSegment(where.file);
    if (s == nullptr) return;
    s->deleted.insert(std::lower_bound(s->deleted.begin(), s->deleted.end(), where.ordinal),
                      where.ordinal);
  }

  Status CommitStaged() {
    LECTERN_RETURN_IF_ERROR(FlushBuilder());
    // A staged segment whose every briefing was replaced within the batch is
    // still committed (with deletions); merging tidies it later.
    ++manifest.generation;
    LECTERN_RETURN_IF_ERROR(CommitManifest(dir, manifest));
    dirty = false;
    CollectGarbage();
    return Status::Ok();
  }

  // Rewrites every live briefing into one new segment and commits it.
  Status MergeAll() {
    Result<std::shared_ptr<const Index>> index = Index::Open(dir);
    if (!index.ok()) return index.status();
    SegmentBuilder merged;
    const std::string file = SegmentFileName(manifest.next_segment++);
    std::unordered_map<std::string, Location> relocated;
    for (const SegmentView& view : (*index)->segments()) {
      for (uint32_t b = 0; b < view.segment->briefing_count(); ++b) {
        if (view.deleted_briefings[b]) continue;
        Result<Briefing> briefing = view.segment->LoadBriefing(b);
        if (!briefing.ok()) return briefing.status();
        const uint64_t hash = view.segment->briefing(b).hash;
        relocated[briefing->id] =
            Location{file, static_cast<uint32_t>(merged.briefing_count()), hash};
        merged.Add(*briefing, hash);
      }
    }
    manifest.segments.clear();
    if (merged.briefing_count() > 0) {
      LECTERN_RETURN_IF_ERROR(merged.Write(dir + "/" + file));
      manifest.segments.push_back(ManifestSegment{file, {}});
    }
    live = std::move(relocated);
    return CommitStaged();
  }
};

IndexWriter::IndexWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IndexWriter::~IndexWriter() = default;

Result<std::unique_ptr<IndexWriter>> IndexWriter::Open(const std::string& dir,
                                                       const WriterOptions& options) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IOError(dir + ": cannot create the index directory: " + ec.message());
  auto impl = std::make_unique<Impl>();
  impl->dir = dir;
  impl->options = options;
  Result<FileLock> lock = FileLock::Acquire(dir + "/LOCK");
  if (!lock.ok()) return lock.status();
  impl->lock = std::move(lock).value();
  LECTERN_RETURN_IF_ERROR(impl->Load());
  impl->CollectGarbage();
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(impl)));
}

Result<AddOutcome> IndexWriter::Add(const Briefing& briefing) {
  Impl& m = *impl_;
  const uint64_t hash = BriefingContentHash(briefing);
  AddOutcome outcome = AddOutcome::kAdded;
  auto it = m.live.find(briefing.id);
  if (it != m.live.end()) {
    if (it->second.hash == hash) return AddOutcome::kUnchanged;
    m.Delete(it->second);
    outcome = AddOutcome::kReplaced;
  }
  SegmentBuilder& builder = m.CurrentBuilder();
  m.live[briefing.id] =
      Impl::Location{m.builder_file, static_cast<uint32_t>(builder.briefing_count()), hash};
  builder.Add(briefing, hash);
  m.dirty = true;
  if (builder.approximate_bytes() > m.options.flush_bytes)
    LECTERN_RETURN_IF_ERROR(m.FlushBuilder());
  return outcome;
}

Status IndexWriter::Commit() {
  Impl& m = *impl_;
  // An index that was never committed gets its first (possibly empty) commit,
  // so that readers find an index rather than none.
  if (!m.dirty && m.manifest.generation > 0) return Status::Ok();
  LECTERN_RETURN_IF_ERROR(m.CommitStaged());
  if (m.manifest.segments.size() > m.options.max_segments) return m.MergeAll();
  return Status::Ok();
}

Status IndexWriter::Optimize() {
  Impl& m = *impl_;
  LECTERN_RETURN_IF_ERROR(Commit());
  bool has_deletions = false;
  for (const ManifestSegment& s : m.manifest.segments) has_deletions |= !s.deleted.empty();
  if (m.manifest.segments.size() <= 1 && !has_deletions) return Status::Ok();
  return m.MergeAll();
}

}  // namespace lectern
