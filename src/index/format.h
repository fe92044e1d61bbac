// The on-disk index format, version 5.
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
//               outlets, languages, institutions, kinds, spokespersons;
//               id 0 is "" (null)
//   kBriefings  one zstd frame of: varint n, n x (string id | fixed64
//               content hash | varint turn count | varint date (days since
//               1970-01-01 + 1, 0 if none) | varint language, institution,
//               kind string ids | string title | string source | varint k,
//               k x spokesperson string id | varint e, e x (varint q, q x
//               varint turn | varint a, a x varint turn)); a briefing's
//               turns follow the previous briefing's
//   kTurns      u32 n | u8 widths of the briefing, string and length columns
//               | u8 0, then columns of n entries each: u8 role (low two
//               bits; bit 2 = follow-up; bit 3 = the stored text's words are
//               the turn's positions, StoreBuilder::EndTurn), briefing
//               ordinal, speaker and outlet string ids, length in positions
//               (1, 2 or 4 bytes each)
//   kStore      blocks of consecutive turn records, a new block once one
//               holds kStoreBlockBytes of text: varint decoded size | varint
//               c, c bytes of checkpoints | the (s,c)-dense codewords of its
//               tokens' ranks in kStoreVocabulary; a record is the tokens of
//               the text, an end token, those of the label, an end token
//               (store_vocabulary.h). Checkpoints, per record: varint
//               offset of its first codeword (after the checkpoints) - the
//               previous record's | varint k | k x varint offset of the
//               codeword of word j x kStoreWordCheckpoint of its text (j = 1
//               to k; words and ideographs, not separators) - the previous
//               offset (the record's for j = 1)
//   kStoreVocabulary  one zstd frame of: varint s | varint n | n x (u8
//               class | string bytes | varint t), the tokens by rank; t is
//               a word's term ordinal in kTerms + 1, 0 for none (and for
//               separators)
//   kBlocks     varint m, m x (varint first turn - previous block's first
//               turn | varint offset in kStore - previous block's offset)
//   kTerms      u32 n | n x (u32 df | u40 postings offset | u40 positions
//               offset) | (n+1) x u32 term byte offsets | term bytes, sorted
//   kPostings   per term: if df > kSkipInterval, varint length of the skip
//               entries, then (df - 1) / kSkipInterval of them, entry k for
//               the start of block k + 1 (documents from kSkipInterval x
//               (k + 1) on), each three varints, deltas from the entry
//               before (from 0 for the first): last document of block k |
//               offset of the block in the postings after the entries |
//               offset of its first position in the term's positions; then
//               per document: varint (doc delta << 1 | freq == 1), then
//               varint frequency unless it is 1
//   kPositions  per term, per document, frequency x varint position delta
// Integers are little-endian; strings are varint-length-prefixed UTF-8.
#pragma once

#include <cstdint>
#include <string_view>

namespace lectern {

inline constexpr uint32_t kIndexFormatVersion = 5;
// The oldest format this version reads (segments and manifests); older
// indexes are refused with a message to ingest again.
inline constexpr uint32_t kOldestReadableFormatVersion = 5;
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
  kSectionBlocks = 8,
  // 9 was version 3's zstd dictionary of the store.
  kSectionStoreVocabulary = 10,
};

inline constexpr size_t kTermRecordSize = 14;

// Postings are skippable in blocks of this many documents.
inline constexpr uint32_t kSkipInterval = 128;

// Store blocks: small, so that showing one hit decodes little; a block
// costs about 5 bytes of headers and kBlocks entry.
inline constexpr size_t kStoreBlockBytes = 512;
// A record's words are located from a checkpoint every so many words: a
// KWIC line in a long answer decodes about this many more words than its
// window, for about a byte of checkpoint per this many words.
inline constexpr uint32_t kStoreWordCheckpoint = 32;

inline constexpr unsigned kRoleMask = 0x3, kFollowUpBit = 0x4, kWordsArePositionsBit = 0x8;

}  // namespace lectern
