// Trace: where a passage (pasted from anywhere) and its close variants were
// used, in date order.
//
// The passage is tokenised as the corpus is (passage_tokens.h) and matched
// against every selected turn with the talking points' matcher
// (passage_matcher.h), using shingles of a third of its length (3 to 8
// words, 4 to 12 Chinese characters) so that variants with a changed word
// every few words are still found; a use must be similar to the passage at
// the threshold (sequence_similarity.h). A question repeating an earlier
// spokesperson's use is marked as quoting it.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/talking_points.h"
#include "base/status.h"
#include "index/index.h"

namespace lectern {

struct TraceOptions {
  std::string filter;  // search-language query selecting turns; empty: all
  double similarity = 0.7;
  size_t threads = 0;  // 0: every core
  std::function<void(std::string_view, size_t, size_t)> progress;
};

struct TraceReport {
  std::string text;   // as given
  size_t length = 0;  // its tokens
  size_t briefings_searched = 0;
  size_t briefings = 0;                      // with a spokesperson's use
  size_t verbatim = 0;                       // uses identical to the passage
  std::vector<TalkingPointOccurrence> uses;  // date order
};

// Errors: kInvalidArgument for an empty or too short passage (fewer than 3
// words or 4 characters) or a malformed filter.
Result<TraceReport> Trace(const std::shared_ptr<const Index>& index, std::string_view text,
                          const TraceOptions& options);

}  // namespace lectern
