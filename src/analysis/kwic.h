// KWIC: keyword-in-context lines for every match of a query (words,
// phrases, prefixes, NEAR groups), with the turn's date, speaker, role and
// outlet. Contexts are cut by display width (a CJK character is two
// columns), optionally at the sentence around the match.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/kwic_text.h"
#include "base/status.h"
#include "index/index.h"

namespace lectern {

struct KwicOptions {
  enum class Sort { kDate, kLeft, kRight };
  std::string query;
  std::string filter;  // the subcorpus, as search filters; empty: all
  int width = 40;      // display columns of context on each side
  Sort sort = Sort::kDate;
  size_t limit = 0;       // lines returned (0: all); totals count every match
  bool sentence = false;  // keep context within the match's sentence
  size_t threads = 0;     // 0: every core
};

struct KwicLine {
  std::string briefing_id;
  uint32_t turn = 0;
  std::optional<std::string> date;
  std::string speaker, role, outlet;  // empty when the turn has none
  std::string left, match, right;     // on one line: newlines become spaces
  uint32_t first = 0, last = 0;       // the match's token positions
};

struct KwicResult {
  uint64_t total_matches = 0;
  uint64_t total_turns = 0;
  std::vector<KwicLine> lines;
};

// Errors: a malformed query or filter (kInvalidArgument), or a stored
// briefing that cannot be read. Lines sort by (date, briefing, turn,
// position); kLeft and kRight by the words left (nearest first) or right
// of the match, then that order.
Result<KwicResult> Kwic(const Index& index, const KwicOptions& options);

}  // namespace lectern
