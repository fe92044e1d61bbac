// Passage text: the printed wording of token ranges found by the corpus
// analyses, and each use in its sentence with the differences from a
// reference wording marked (for `talking-points show` and `trace`).
//
// Token ranges are re-derived by tokenising the stored turn again
// (passage_tokens.h is deterministic), so the index need not store offsets.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "index/index.h"

namespace lectern {

// A token range of one turn of one briefing.
struct PassageRef {
  std::string briefing_id;
  uint32_t turn = 0;
  uint32_t begin = 0, end = 0;  // passage tokens
};

// The printed text of each range (from its first word to its last, as
// published). Each briefing is loaded once.
Result<std::vector<std::string>> PassageTexts(const Index& index,
                                              const std::vector<PassageRef>& refs);

// The reference a use is compared with: normalised terms, and the words as
// printed (for "missing" words).
struct ReferenceWording {
  std::vector<std::string> terms;
  std::vector<std::string> printed;
};
Result<ReferenceWording> WordingOf(const Index& index, const PassageRef& ref);
ReferenceWording WordingOfText(std::string_view text);

struct UseInContext {
  std::string context;        // the sentence(s) holding the use, as printed (at most ~600 bytes)
  size_t begin = 0, end = 0;  // the use's bytes in `context`
  // Words of the use that the reference lacks (added or changed), as byte
  // ranges of `context`, and the reference's words the use lacks.
  std::vector<std::pair<size_t, size_t>> differences;
  std::vector<std::string> missing;
};

Result<std::vector<UseInContext>> UsesInContext(const Index& index,
                                                const ReferenceWording& reference,
                                                const std::vector<PassageRef>& uses);

}  // namespace lectern
