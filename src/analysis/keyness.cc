#include "analysis/keyness.h"

#include <algorithm>
#include <unordered_map>

#include "analysis/measures.h"
#include "analysis/ngrams.h"
#include "analysis/stopwords.h"
#include "analysis/subcorpus.h"
#include "analysis/token_streams.h"

namespace lectern {
namespace {

// Word frequencies of a subcorpus by display text, over every segment.
void AddWordFrequencies(const Index& index, const Subcorpus& sub, size_t threads, bool target,
                        bool drop_stopwords,
                        std::unordered_map<std::string, std::pair<uint64_t, uint64_t>>* out) {
  const std::vector<std::vector<uint64_t>> freq = TermFrequencies(index, sub, threads);
  for (size_t seg = 0; seg < freq.size(); ++seg) {
    const Segment& segment = *index.segments()[seg].segment;
    for (uint32_t t = 0; t < freq[seg].size(); ++t) {
      if (freq[seg][t] == 0) continue;
      std::string_view term = segment.term(t);
      if (drop_stopwords && IsStopword(term)) continue;
      auto& f = (*out)[std::string(DisplayTerm(term))];
      (target ? f.first : f.second) += freq[seg][t];
    }
  }
}

}  // namespace

const char* KeynessMeasureName(KeynessMeasure m) {
  switch (m) {
    case KeynessMeasure::kLogLikelihood:
      return "ll";
    case KeynessMeasure::kChiSquared:
      return "chi2";
    case KeynessMeasure::kLogRatio:
      return "logratio";
  }
  return "";
}

Result<KeynessResult> Keyness(const Index& index, const KeynessOptions& options) {
  if (options.ngrams < 1 || options.ngrams > 6) {
    return Status::InvalidArgument("--ngrams must be between 1 and 6");
  }
  if (options.target.find_first_not_of(" \t") == std::string::npos) {
    return Status::InvalidArgument("keyness needs a target (--target FILTER)");
  }
  Result<Subcorpus> target = SelectTurns(index, options.target);
  if (!target.ok()) return target.status().WithContext("target");
  Subcorpus reference;
  if (options.reference.empty()) {
    reference = Complement(index, *target);
  } else {
    Result<Subcorpus> r = SelectTurns(index, options.reference);
    if (!r.ok()) return r.status().WithContext("reference");
    reference = std::move(r).value();
  }
  KeynessResult result;
  result.target_tokens = target->tokens;
  result.reference_tokens = reference.tokens;
  if (result.target_tokens == 0) return Status::InvalidArgument("the target has no tokens");
  if (result.reference_tokens == 0) return Status::InvalidArgument("the reference has no tokens");

  std::unordered_map<std::string, std::pair<uint64_t, uint64_t>> freq;
  if (options.ngrams == 1) {
    AddWordFrequencies(index, *target, options.threads, true, options.drop_stopwords, &freq);
    AddWordFrequencies(index, reference, options.threads, false, options.drop_stopwords, &freq);
  } else {
    for (auto& [text, s] :
         CountNgrams(index, *target, options.ngrams, options.drop_stopwords, options.threads)) {
      freq[text].first = s.count;
    }
    for (auto& [text, s] :
         CountNgrams(index, reference, options.ngrams, options.drop_stopwords, options.threads)) {
      freq[text].second = s.count;
    }
  }
  const double c = static_cast<double>(result.target_tokens);
  const double d = static_cast<double>(result.reference_tokens);
  std::vector<KeyItem> items;
  for (const auto& [text, f] : freq) {
    if (f.first + f.second < options.min_freq) continue;
    KeyItem item;
    item.text = text;
    item.target = f.first;
    item.reference = f.second;
    const double a = static_cast<double>(f.first), b = static_cast<double>(f.second);
    item.target_per_10k = a * 10000 / c;
    item.reference_per_10k = b * 10000 / d;
    const double sign = a / c >= b / d ? 1.0 : -1.0;
    item.ll = sign * KeynessLogLikelihood(a, b, c, d);
    Contingency t;
    t.o11 = a;
    t.o12 = b;
    t.o21 = c - a;
    t.o22 = d - b;
    item.chi2 = sign * ChiSquared(t);
    item.log_ratio = LogRatio(a, b, c, d);
    switch (options.measure) {
      case KeynessMeasure::kLogLikelihood:
        item.score = item.ll;
        item.p = ChiSquaredPValue1(std::abs(item.ll));
        break;
      case KeynessMeasure::kChiSquared:
        item.score = item.chi2;
        item.p = ChiSquaredPValue1(std::abs(item.chi2));
        break;
      case KeynessMeasure::kLogRatio:
        item.score = item.log_ratio;
        item.p = ChiSquaredPValue1(std::abs(item.ll));
        break;
    }
    items.push_back(std::move(item));
  }
  auto order = [](const KeyItem& x, const KeyItem& y) {
    return x.score != y.score ? x.score > y.score : x.text < y.text;
  };
  std::sort(items.begin(), items.end(), order);
  for (const KeyItem& item : items) {
    if (item.score > 0 && (options.limit == 0 || result.over.size() < options.limit)) {
      result.over.push_back(item);
    }
  }
  for (auto it = items.rbegin(); it != items.rend(); ++it) {
    if (it->score < 0 && (options.limit == 0 || result.under.size() < options.limit)) {
      result.under.push_back(*it);
    }
  }
  return result;
}

}  // namespace lectern
