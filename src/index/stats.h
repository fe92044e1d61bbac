// What an index holds, summarised from its columns (no text is read).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "index/index.h"

namespace lectern {

struct IndexStats {
  uint64_t briefings = 0, turns = 0, tokens = 0, segments = 0, bytes_on_disk = 0;
  std::optional<std::string> first_date, last_date;
  std::map<std::string, uint64_t> briefings_by_language, briefings_by_institution,
      briefings_by_kind;
  std::map<std::string, uint64_t> briefings_by_month;  // "YYYY-MM" -> dated briefings
  // Briefings in which each person answered or made a statement, most first.
  std::vector<std::pair<std::string, uint64_t>> briefings_by_spokesperson;
  // Question turns per outlet, most first (anonymous questions not counted).
  std::vector<std::pair<std::string, uint64_t>> questions_by_outlet;
  uint64_t anonymous_questions = 0;
};

IndexStats ComputeStats(const Index& index);

}  // namespace lectern
