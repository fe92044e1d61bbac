// The on-disk index format, version 1.
//
// An index is a directory:
//   CURRENT              names the live manifest ("MANIFEST-000007.json\n")
//   MANIFEST-<gen>.json  format version, generation, the live segments and,
//                        per segment, the briefings deleted from it since
//   seg-<n>.lseg         immutable segments
//   LOCK                 held (flock) by the one writer at a time
//
// Commit protocol (crash safety): a writer writes new segment files and the
// new manifest under fresh names, each via temp file + fsync + rename, and
// only then replaces CURRENT the same way. A reader follows CURRENT, so it
// sees the old commit or the new one, never a mix; files no manifest names
// are garbage, removed by the next writer. Readers need no lock and keep
// their mmaps of superseded segments valid (unlinking does not unmap).
//
// Segment file:
//   header  "LECTSEG1" | u32 version | u32 reserved
//   sections, in any order, located by the footer
//   footer  N x (u32 id | u64 offset | u64 length | u32 crc32) | u32 N | "LECTEND1"
// Sections:
//   kStrings    varint n, n x string: the segment's dictionary of speakers,
//               outlets, languages, institutions, kinds; id 0 is "" (null)
//   kBriefings  varint n, n x (string id | fixed64 content hash | varint
//               first turn | varint turn count | varint date (days since
//               1970-01-01 + 1, 0 if none) | varint language, institution,
//               kind string ids | varint store offset | varint store size)
//   kStore      zstd frames, one per briefing, of its JSON (briefing_json.h)
//   kTurns      u32 n, then fixed-width columns of n entries each:
//               u32 briefing, u32 turn index, u8 role, u32 speaker,
//               u32 outlet, u32 length in tokens
//   kTerms      u32 n | n x (u32 df | u64 postings offset | u64 positions
//               offset) | (n+1) x u32 term byte offsets | term bytes, sorted
//   kPostings   per term, per document: varint doc delta | varint frequency
//   kPositions  per term, per document, frequency x varint position delta
// Integers are little-endian; strings are varint-length-prefixed UTF-8.
#pragma once

#include <cstdint>
#include <string_view>

namespace lectern {

inline constexpr uint32_t kIndexFormatVersion = 1;
inline constexpr std::string_view kSegmentMagic = "LECTSEG1";
inline constexpr std::string_view kSegmentEndMagic = "LECTEND1";
inline constexpr size_t kSegmentHeaderSize = 16;

enum SectionId : uint32_t {
  kSectionStrings = 1,
  kSectionBriefings = 2,
  kSectionStore = 3,
  kSectionTurns = 4,
  kSectionTerms = 5,
  kSectionPostings = 6,
  kSectionPositions = 7,
};

inline constexpr size_t kTermRecordSize = 20;

}  // namespace lectern
