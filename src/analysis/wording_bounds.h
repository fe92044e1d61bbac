// Wording bounds: where a talking point's canonical text should start and
// end so that it reads as a formulation, not a window cut out of one.
//
// Runs of repeated text stop where the wording around a formulation varies,
// which is often just after a connective ("... mutual respect and") or just
// inside the previous sentence ("China. I would like to reiterate that").
// A wording is trimmed of an opening or closing piece of another sentence
// that carries fewer than kMinContentTokens content words, then of
// connectives at its start and of function words and numbers at its end.
// What remains may be shorter than the minimum passage length: the caller
// then drops the wording (an 8-word "relations on the basis of mutual
// respect and" is a 6-word phrase in varying company, not an 8-word point).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace lectern {

// A word a wording should not end on: a connective, an article or
// determiner, a subject pronoun or a number ("the three" of "the three
// joint communiques").
bool EndsBadly(const std::string& term);

// [begin, end) of `tokens` (ids into `terms`) to keep; empty when nothing
// is. `sentence_start`, when not empty, has one flag per token: a sentence
// or clause (after . ? ! ; :) begins at it.
std::pair<size_t, size_t> TrimWording(std::span<const uint32_t> tokens,
                                      const std::vector<std::string>& terms,
                                      const std::vector<bool>& sentence_start);

}  // namespace lectern
