// Wording bounds: where a talking point's canonical text should start and
// end so that it reads as a formulation, not a window cut out of one.
//
// Runs of repeated text stop where the wording around a formulation varies,
// which is often just after a connective ("... mutual respect and") or just
// inside the previous sentence ("China. I would like to reiterate that").
// A wording is trimmed of an opening or closing piece of another sentence
// that carries fewer than kMinContentTokens content words, then of pieces
// of hyphenated words cut at its ends, connectives at its start and
// function words and numbers at its end.
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
// or clause (after . ? ! ; :) begins at it. `joins`, when not empty, has
// tokens.size() + 1 flags: joins[i] when tokens i - 1 and i were printed as
// one hyphenated word ("China-US"), joins[0] and joins[size] for the tokens
// just outside. The tokens do not show hyphens, so without these a wording
// could end on "the China" of "the China-US relationship": a wording never
// starts or ends inside such a word; a piece of one at either end goes.
std::pair<size_t, size_t> TrimWording(std::span<const uint32_t> tokens,
                                      const std::vector<std::string>& terms,
                                      const std::vector<bool>& sentence_start,
                                      const std::vector<bool>& joins = {});

// What TrimWording asks of each term (EndsBadly, IsConnective), worked out
// once per token id: grouping trims a wording per run type.
class TermClasses {
 public:
  explicit TermClasses(const std::vector<std::string>& terms);
  bool EndsBadly(uint32_t token) const { return bits_[token] & kEndsBadly; }
  bool Connective(uint32_t token) const { return bits_[token] & kConnective; }

 private:
  static constexpr uint8_t kEndsBadly = 1, kConnective = 2;
  std::vector<uint8_t> bits_;
};

// TrimWording without sentence starts nor joins, the terms classified
// beforehand (the same bounds).
std::pair<size_t, size_t> TrimWording(std::span<const uint32_t> tokens, const TermClasses& classes);

// The part of a wording that most of its uses reproduce: words at either
// end found in fewer than half of `uses` (each use's tokens) are dropped.
// "China stands ready to work with the new", whose uses mostly go on "the
// international community", "the US", ..., is a formulation with a slot
// at its end, and the slot's commonest filler is not part of it.
std::pair<size_t, size_t> SharedCore(std::span<const uint32_t> wording,
                                     const std::vector<std::span<const uint32_t>>& uses);

}  // namespace lectern
