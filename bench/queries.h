// queries: a fixed, seeded set of benchmark queries drawn from a corpus, in
// a small engine-neutral form that index_bench renders for lectern, Xapian
// and SQLite FTS5.
//
// Words, phrases and NEAR pairs come from real turns (so each query has at
// least one match in lectern's view of the text); single words are drawn from
// three frequency bands of lectern's term dictionary and typed as their most
// frequent surface form ("China", "U.S"); phrases are typed exactly as a
// stretch of a turn reads ("China's position", "U.S.-China trade"), as a user
// pasting them would. The same seed and corpus give the same queries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/briefing.h"

namespace lectern_bench {

struct Node {
  enum class Kind { kWord, kPhrase, kPrefix, kAnd, kOr, kAndNot, kNear };
  Kind kind = Kind::kWord;
  std::string text;            // kWord, kPhrase: as typed; kPrefix: the stem before '*'
  std::vector<Node> children;  // kAnd, kOr: two or more; kAndNot: {positive, negated}; kNear: two
  int distance = 10;           // kNear: most words between the two, either order
  bool plain_near = false;     // kNear: typed as plain NEAR (lectern's default distance 10)
};

// Metadata filters, ANDed with the text query. Empty vectors / date_text mean
// no filter on that field; alternatives within one field are ORed.
struct Filter {
  std::vector<std::string> roles;     // "answer", "question", "statement"
  std::vector<std::string> speakers;  // as stored ("Geng Shuang")
  std::vector<std::string> outlets;   // canonical names as stored ("Reuters")
  std::string date_text;              // as typed after "date:" ("2019-01..2019-06")
  std::string date_from, date_to;     // the same, resolved: YYYY-MM-DD, inclusive

  bool empty() const {
    return roles.empty() && speakers.empty() && outlets.empty() && date_text.empty();
  }
  bool Matches(const lectern::Briefing& b, const lectern::Turn& t) const;
};

struct BenchQuery {
  std::string category;  // "word-high", "phrase", "and", ..., "filter/role+phrase"
  Node root;
  Filter filter;
  std::string lectern;     // lectern's query language
  std::string fts5_match;  // the FTS5 MATCH expression
  std::string fts5_where;  // SQL conditions on the metadata columns ("" or " AND ...")
};

// At least `count` queries (rounded up to whole groups), deterministic for a
// given corpus (in the given order) and seed.
std::vector<BenchQuery> GenerateQueries(const std::vector<lectern::Briefing>& corpus, uint64_t seed,
                                        size_t count);

// ASCII lower case (for the speaker and outlet filter keys every engine stores).
std::string AsciiLowerCopy(const std::string& s);

}  // namespace lectern_bench
