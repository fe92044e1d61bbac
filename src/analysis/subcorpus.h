// Subcorpus: the live turns a filter chooses, segment by segment, and
// what the analyses count over them (tokens, term frequencies).
//
// A filter is any query of the search language; in practice field filters
// (`speaker:"Wang Wenbin" date:2020.. role:answer`). The empty filter is
// the whole index. Tokens are index positions: words, and in Chinese text
// characters (turn_length).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/index.h"

namespace lectern {

struct Subcorpus {
  std::vector<std::vector<uint32_t>> docs;  // per segment, ascending
  uint64_t turns = 0;
  uint64_t tokens = 0;
};

// Errors: kInvalidArgument "col N: ..." for a malformed filter.
Result<Subcorpus> SelectTurns(const Index& index, std::string_view filter);

// The live turns of the index not in `s`.
Subcorpus Complement(const Index& index, const Subcorpus& s);

// `query` restricted to `filter`: "(query) filter", so that the filter's
// fields stay direct conditions of the top-level AND.
std::string CombineQuery(std::string_view query, std::string_view filter);

// Per segment, each term ordinal's total frequency in the subcorpus's
// turns (postings scanned on `threads` threads, 0: every core).
std::vector<std::vector<uint64_t>> TermFrequencies(const Index& index, const Subcorpus& s,
                                                   size_t threads = 0);

}  // namespace lectern
