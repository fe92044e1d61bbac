// N-grams: runs of n consecutive index tokens within a turn, counted over a
// subcorpus (occurrences, and briefings holding them). Punctuation is not
// indexed, so an n-gram may run across a sentence end; it never crosses
// turns. Chinese is indexed by character, so its n-grams are of characters
// (written without spaces).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/subcorpus.h"
#include "base/status.h"
#include "index/index.h"

namespace lectern {

struct NgramStat {
  uint64_t count = 0;
  uint64_t briefings = 0;
};

// Counts every n-gram of the subcorpus (n in 1..6). With `drop_stopwords`,
// n-grams that begin or end with a stopword are not counted.
std::unordered_map<std::string, NgramStat> CountNgrams(const Index& index, const Subcorpus& sub,
                                                       int n, bool drop_stopwords,
                                                       size_t threads = 0);

struct NgramsOptions {
  std::string filter;
  int min_n = 2, max_n = 2;  // 1..6
  uint64_t min_freq = 2;
  bool by_briefing = false;  // rank by briefings holding the n-gram
  size_t limit = 50;
  bool drop_stopwords = false;
  size_t threads = 0;
};

struct Ngram {
  std::string text;
  int n = 0;
  uint64_t count = 0, briefings = 0;
};

struct NgramsResult {
  uint64_t corpus_tokens = 0;
  uint64_t corpus_briefings = 0;
  std::vector<Ngram> ngrams;  // by count (or briefings), highest first
};

Result<NgramsResult> Ngrams(const Index& index, const NgramsOptions& options);

}  // namespace lectern
