// SourceFacts: what the printed source turns of talking points tell about
// their wordings, which the positional postings do not: where sentences
// end and words are joined by hyphens (so TrimWording can cut a wording
// there), and which words are capitalised (names and titles).
//
// The turns are read in store order (about one block decoding per
// store block rather than one per point) on `threads` threads, each with
// its own readers (turn_text.h).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/token_corpus.h"
#include "base/status.h"
#include "index/index.h"

namespace lectern {

// Where a wording was taken from: a corpus turn and a token range of it.
struct WordingSource {
  uint32_t turn = 0, begin = 0, end = 0;
};

struct WordingFacts {
  uint32_t from = 0, to = 0;  // the part of the wording to keep (TrimWording)
  bool names = false;         // its content words mostly capitalised (CapitalizedShare)
};

// One WordingFacts per wording; wordings[i] holds the tokens of sources[i].
// Errors: the index's, when a stored turn cannot be read.
Result<std::vector<WordingFacts>> SourceFacts(
    const Index& index, const TokenCorpus& corpus, const std::vector<WordingSource>& sources,
    const std::vector<std::span<const uint32_t>>& wordings, size_t threads);

}  // namespace lectern
