// Collocates: the words found within a window around each occurrence of a
// node (word, phrase, prefix or NEAR group), ranked by an association
// measure (measures.h).
//
// Counting follows Evert (2008, sec. 3.1 and 5.1) for surface
// co-occurrence: O11 is the number of times the collocate occurs in the
// node's windows; R1 the total size of the windows (positions actually
// available, the node's own positions excluded); C1 the collocate's
// frequency in the subcorpus; N the subcorpus's tokens; E11 = R1 C1 / N.
// Dice and logDice use the node's frequency f(x), the collocate's
// frequency f(y) and f(x,y) = O11 (Rychlý 2008). Stopwords are kept unless
// asked; windows do not cross turns.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/index.h"

namespace lectern {

enum class AssociationMeasure { kLogLikelihood, kMutualInformation, kTScore, kDice, kLogDice };

struct CollocatesOptions {
  std::string node;
  std::string filter;  // the subcorpus; empty: the whole index
  uint32_t left = 5, right = 5;
  AssociationMeasure measure = AssociationMeasure::kLogLikelihood;
  uint64_t min_freq = 3;  // least O11
  size_t limit = 50;
  bool drop_stopwords = false;  // English function words (stopwords.h)
  size_t threads = 0;
};

struct Collocate {
  std::string term;
  uint64_t observed = 0;         // O11
  double expected = 0;           // E11
  uint64_t frequency = 0;        // C1: in the subcorpus
  uint64_t left = 0, right = 0;  // O11 split by side
  double ll = 0, mi = 0, t = 0, dice = 0, log_dice = 0;
  double score = 0;  // the chosen measure
};

struct CollocatesResult {
  uint64_t node_frequency = 0;        // f(x): occurrences of the node
  uint64_t window_tokens = 0;         // R1
  uint64_t corpus_tokens = 0;         // N
  std::vector<Collocate> collocates;  // by score, highest first
};

Result<CollocatesResult> Collocates(const Index& index, const CollocatesOptions& options);

const char* MeasureName(AssociationMeasure m);

}  // namespace lectern
