// Helpers shared by the tests: fixture files and the optional real corpus.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/briefing.h"

namespace lectern::testing {

// Path of a file under tests/fixtures/.
std::string FixturePath(const std::string& relative);

// The briefing a fixture parses to (`format` as for ParseOptions); a
// refusal fails the test and gives an empty briefing.
Briefing MustParse(const std::string& fixture, const std::string& format = "auto");

// Contents of a fixture file; fails the test if it cannot be read.
std::string ReadFixture(const std::string& relative);

// The real corpus (../shared/corpus beside the project, or $LECTERN_CORPUS),
// or nullopt when it is not there: tests that need it GTEST_SKIP.
std::optional<std::string> CorpusDir();

// Words: runs of ASCII letters and digits, lower-cased, and each CJK
// character (kana, ideographs, hangul) on its own; punctuation is no word.
std::vector<std::string> Words(const std::string& text);

// The turns as (speaker, role, outlet, text) strings, for whole-list comparisons.
std::vector<std::string> TurnSignatures(const Briefing& briefing);

}  // namespace lectern::testing
