// Position counting without tokens, for KWIC's partial scans
// (Analyzer::IndexTokensBetween).
//
// KWIC needs the byte offsets of a few positions of a turn. The word
// scanner (word_scanner.h) works a chunk (text between ASCII white space)
// at a time and must see all of a chunk before it knows whether the fast
// path applies; a Chinese paragraph has no ASCII space and is one chunk, so
// the offsets of one of its positions cost a scan of the whole paragraph,
// token by token. SkipChunk goes over a chunk once, cheaply (an ideograph is
// one position, recognised from its lead byte), counting positions exactly
// as ScanChunk with ideographs as characters would, and tells where a token
// scan may start and stop to give the positions a caller wants: at an
// ideograph no rule reaches across, so that ScanChunk over that window gives
// the tokens of the whole chunk's scan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace lectern::text_internal {

struct ChunkSkip {
  size_t end = 0;          // where the chunk ends (ASCII white space or the end)
  uint32_t positions = 0;  // positions the chunk holds
  // ScanChunk(text, restart, cut, true, ...) from position
  // `restart_position` gives the chunk's tokens at positions `first`
  // through `last` (asked of SkipChunk), no fewer, at the same offsets.
  size_t restart = 0;
  uint32_t restart_position = 0;
  size_t cut = 0;
};

// Counts the positions of the chunk at `begin` (not white space; `end`
// bounds the text), whose first position is `position`, as ScanChunk
// (ideographs as characters) would. Returns false, with `*out` undefined,
// when ScanChunk would hand the chunk to ICU, or in a case this function
// does not model (the caller then scans the chunk as before).
// `known_end`, if greater than `begin`, is where the chunk ends, known from
// an earlier call to have been accepted: the count then stops once it has
// passed `last` (positions is then short, and more than first - position).
bool SkipChunk(std::string_view text, size_t begin, size_t end, uint32_t position, uint32_t first,
               uint32_t last, size_t known_end, ChunkSkip* out);

// Moves `*offset` (a chunk start or white space) and `*position` past the
// whole chunks of ASCII text that hold only positions before `first`,
// counting their words as ScanChunk would; stops at white space or a chunk
// start, before the first chunk that holds `first` or any non-ASCII byte.
// English turns are mostly such chunks: one tight loop instead of a
// ScanChunk per word.
void SkipAsciiChunks(std::string_view text, size_t* offset, uint32_t* position, uint32_t first);

}  // namespace lectern::text_internal
