// Helpers for the analysis tests: an index built from briefings in a temp
// directory, and brute-force readings of the parsed text to check against.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "index/index.h"
#include "model/briefing.h"

namespace lectern::testing {

// Indexes `briefings` into `dir` over `commits` commits (so that the index
// has several segments); fails the test on any error.
std::shared_ptr<const Index> BuildIndex(const std::string& dir,
                                        const std::vector<Briefing>& briefings, size_t commits = 1);

// Positions (as the index numbers them) where the analysed `phrase` occurs
// in the analysed `text`, found by scanning the text's word tokens.
std::vector<uint32_t> BruteForcePhrase(const std::string& text, const std::string& phrase);

// Brute-force occurrences of `phrase` per month ("YYYY-MM") over every turn
// of the dated briefings.
std::map<std::string, uint64_t> CountByMonth(const std::vector<Briefing>& briefings,
                                             const std::string& phrase);

}  // namespace lectern::testing
