// Keyness: words (or n-grams) used more or less in a target subcorpus than
// in a reference (default: the rest of the index), with significance and
// effect size (measures.h):
//   LL    Rayson & Garside (2000) log-likelihood, signed (+ over-used);
//   chi2  Pearson's chi-squared on the 2x2 table, signed;
//   Log Ratio (Hardie 2014), the binary log of the ratio of relative
//   frequencies: the effect size, whatever measure ranks.
// p is the chi-squared(1) upper tail of LL (or chi2). Items below
// `min_freq` in target and reference together are left out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "index/index.h"

namespace lectern {

enum class KeynessMeasure { kLogLikelihood, kChiSquared, kLogRatio };

struct KeynessOptions {
  std::string target;
  std::string reference;  // empty: every live turn not in the target
  KeynessMeasure measure = KeynessMeasure::kLogLikelihood;
  int ngrams = 1;  // 1: words
  uint64_t min_freq = 5;
  size_t limit = 30;  // of each side (over- and under-used)
  bool drop_stopwords = false;
  size_t threads = 0;
};

struct KeyItem {
  std::string text;
  uint64_t target = 0, reference = 0;  // frequencies
  double target_per_10k = 0, reference_per_10k = 0;
  double ll = 0, chi2 = 0, log_ratio = 0;  // ll, chi2 signed: + over-used in the target
  double p = 1;
  double score = 0;  // the chosen measure (signed)
};

struct KeynessResult {
  uint64_t target_tokens = 0, reference_tokens = 0;
  std::vector<KeyItem> over;   // most over-used first
  std::vector<KeyItem> under;  // most under-used first
};

Result<KeynessResult> Keyness(const Index& index, const KeynessOptions& options);

const char* KeynessMeasureName(KeynessMeasure m);

}  // namespace lectern
