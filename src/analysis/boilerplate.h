// What makes a repeated passage boilerplate rather than a talking point.
//
// A passage of mostly function words ("I don't have anything to add to what
// I said") says nothing of substance however often it is repeated; neither
// does one that opens or closes most briefings. talking_points.h flags a
// passage with fewer than kMinContentTokens content tokens (or, in Chinese,
// fewer than kMinContentCharacters content characters), or one found in more
// than the caller's share of the briefings, or one that is mostly names and
// titles ("Member of the Political Bureau of the CPC Central Committee":
// more than kMaxCapitalizedShare of its content words capitalised).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

inline constexpr size_t kMinContentTokens = 3;
inline constexpr size_t kMinContentCharacters = 6;
inline constexpr double kMaxCapitalizedShare = 0.7;

// English function words (articles, pronouns, auxiliaries, prepositions,
// conjunctions, a few discourse words such as "yes" and "thank") and
// Chinese function characters (的 了 是 我 们 ...), as normalised terms.
bool IsFunctionWord(std::string_view term);

// Conjunctions, prepositions and auxiliaries that a wording should not
// start or end on ("and", "of", "will"; 和, 的): the ends of a repeated
// passage are trimmed of them.
bool IsConnective(std::string_view term);

// Tokens of `tokens` (ids into `terms`) that are neither function words
// nor numbers.
size_t ContentTokens(std::span<const uint32_t> tokens, const std::vector<std::string>& terms);

// The share of the content tokens printed capitalised (`capitalized`, one
// flag per token of `tokens`, from `first` on).
double CapitalizedShare(std::span<const uint32_t> tokens, const std::vector<std::string>& terms,
                        const std::vector<bool>& capitalized, size_t first);

}  // namespace lectern
