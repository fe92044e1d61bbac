#include "analysis/wording_bounds.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <unordered_set>

#include "analysis/boilerplate.h"

namespace lectern {

bool EndsBadly(const std::string& term) {
  // Words that need something after them. Not every function word: "at
  // once", "oppose it", "for us" end well.
  static const std::unordered_set<std::string_view> openers = {
      "the",  "a",    "an",   "this", "these", "those", "all",  "any",  "each", "every",
      "some", "such", "no",   "my",   "your",  "we",    "i",    "they", "he",   "she",
      "very", "more", "most", "both", "not",   "than",  "into", "upon", "about"};
  return IsConnective(term) || openers.count(term) > 0 ||
         (!term.empty() && term.front() >= '0' && term.front() <= '9');
}

std::pair<size_t, size_t> TrimWording(std::span<const uint32_t> tokens,
                                      const std::vector<std::string>& terms,
                                      const std::vector<bool>& sentence_start,
                                      const std::vector<bool>& joins) {
  size_t from = 0, to = tokens.size();
  if (!sentence_start.empty()) {
    // The first sentence break inside: the piece before it is the tail of
    // another sentence, dropped when it says little.
    for (size_t i = 1; i < to; ++i) {
      if (!sentence_start[i]) continue;
      if (ContentTokens(tokens.subspan(0, i), terms) < kMinContentTokens) from = i;
      break;
    }
    // The last one: what follows it opens another sentence.
    for (size_t i = to; i-- > from + 1;) {
      if (!sentence_start[i]) continue;
      if (ContentTokens(tokens.subspan(i, to - i), terms) < kMinContentTokens) to = i;
      break;
    }
  }
  // Each trim can expose another ("COVID-19" loses "19" as a number, then
  // "covid" as a piece of a hyphenated word): until nothing changes.
  const bool hyphens = joins.size() == tokens.size() + 1;
  for (size_t before = SIZE_MAX; before != to - from;) {
    before = to - from;
    while (hyphens && to > from && joins[to]) --to;
    while (hyphens && to > from && joins[from]) ++from;
    while (to > from && EndsBadly(terms[tokens[to - 1]])) --to;
    while (to > from && IsConnective(terms[tokens[from]])) ++from;
  }
  return {from, to};
}

TermClasses::TermClasses(const std::vector<std::string>& terms) : bits_(terms.size()) {
  for (size_t t = 0; t < terms.size(); ++t) {
    bits_[t] = static_cast<uint8_t>((lectern::EndsBadly(terms[t]) ? kEndsBadly : 0) |
                                    (IsConnective(terms[t]) ? kConnective : 0));
  }
}

std::pair<size_t, size_t> TrimWording(std::span<const uint32_t> tokens,
                                      const TermClasses& classes) {
  size_t from = 0, to = tokens.size();
  for (size_t before = SIZE_MAX; before != to - from;) {
    before = to - from;
    while (to > from && classes.EndsBadly(tokens[to - 1])) --to;
    while (to > from && classes.Connective(tokens[from])) ++from;
  }
  return {from, to};
}

std::pair<size_t, size_t> SharedCore(std::span<const uint32_t> wording,
                                     const std::vector<std::span<const uint32_t>>& uses) {
  auto reproduced = [&](uint32_t token) {
    size_t n = 0;
    for (std::span<const uint32_t> use : uses)
      n += std::find(use.begin(), use.end(), token) != use.end();
    return 2 * n >= uses.size();
  };
  size_t from = 0, to = wording.size();
  while (to > from && !reproduced(wording[to - 1])) --to;
  while (to > from && !reproduced(wording[from])) ++from;
  return {from, to};
}

}  // namespace lectern
