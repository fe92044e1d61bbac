// Searcher: runs queries (parser.h) against an Index: matching turns, BM25
// ranking, snippets, and each hit's exchange.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/index.h"
#include "model/briefing.h"
#include "query/snippet.h"

namespace lectern {

struct SearchOptions {
  enum class Sort { kRelevance, kDate };
  size_t limit = 10;
  size_t offset = 0;
  Sort sort = Sort::kRelevance;
  // A search still running at this moment stops with kDeadlineExceeded
  // (checked between segments and while scoring; a server sets it so that
  // no typed query can hold a thread for long).
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// Limits that keep one query's cost bounded, whatever is typed.
inline constexpr size_t kMaxResultWindow = 10000;    // offset + limit
inline constexpr size_t kMaxPrefixExpansion = 4096;  // words a prefix may stand for

struct Hit {
  std::string briefing_id;
  uint32_t turn = 0;  // index into the briefing's turns
  double score = 0;
  std::optional<std::string> date;
  std::string title;
  Turn matched;                          // the matching turn
  Snippet snippet;                       // of the matching turn
  std::vector<Turn> exchange;            // its exchange (question and answer turns), in order;
  std::vector<uint32_t> exchange_turns;  // their indexes; empty for turns outside exchanges
};

struct SearchResults {
  uint64_t total_turns = 0;      // every matching turn, not only those returned
  uint64_t total_briefings = 0;  // briefings with at least one matching turn
  std::vector<Hit> hits;
};

struct TurnRef {
  std::string briefing_id;
  uint32_t turn = 0;
  bool operator==(const TurnRef&) const = default;
  bool operator<(const TurnRef& o) const {
    return briefing_id != o.briefing_id ? briefing_id < o.briefing_id : turn < o.turn;
  }
};

class Searcher {
 public:
  explicit Searcher(std::shared_ptr<const Index> index);
  ~Searcher();

  // Errors: kInvalidArgument with "col N: ..." for a malformed query, or a
  // message for an over-wide prefix or result window.
  Result<SearchResults> Search(std::string_view query, const SearchOptions& options);

  // Every matching turn, sorted by (briefing id, turn) (for tests and benchmarks).
  Result<std::vector<TurnRef>> MatchAll(std::string_view query);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lectern
