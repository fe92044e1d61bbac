// The manifest: which segments make up a commit, and which of their
// briefings have since been deleted (replaced). See format.h for the commit
// protocol around it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace lectern {

struct ManifestSegment {
  std::string file;               // "seg-000003.lseg", relative to the index directory
  std::vector<uint32_t> deleted;  // briefing ordinals, ascending
};

struct Manifest {
  uint64_t generation = 0;  // 0: the empty index before any commit
  uint64_t next_segment = 1;
  std::vector<ManifestSegment> segments;
};

// The manifest CURRENT names in `dir`. kNotFound when there is no index;
// kCorruption (naming the file) when a file is damaged.
Result<Manifest> ReadCurrentManifest(const std::string& dir);

// Writes MANIFEST-<generation>.json, then points CURRENT at it, each
// atomically. The caller has made every segment it names durable.
Status CommitManifest(const std::string& dir, const Manifest& manifest);

std::string ManifestFileName(uint64_t generation);
std::string SegmentFileName(uint64_t number);

}  // namespace lectern
