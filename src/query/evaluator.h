// Evaluator: a parsed query compiled once (terms analysed) and evaluated
// over one segment: the live matching turns (documents), and for any one of
// them the token spans of the query's positive parts.
//
// This is the query engine's core, shared by the Searcher (ranking, hits)
// and the Matcher (analyses: KWIC, trends). Its interface is documents in
// ascending order and spans on demand, so that its internals (skipping,
// scoring) can change without touching either caller.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "index/index.h"
#include "query/ast.h"
#include "text/analyzer.h"

namespace lectern {

using DocList = std::vector<uint32_t>;

// Positions of one match in a turn, inclusive.
struct Span {
  uint32_t start, end;
};

// A term, phrase or prefix, analysed once per query.
struct Leaf {
  enum class Kind { kTerms, kPrefix } kind = Kind::kTerms;
  std::vector<std::string> terms;  // kTerms: one word or a phrase's words, in order
  std::vector<uint32_t> offsets;   // kTerms: each word's position within the phrase
  std::string prefix;              // kPrefix: normalised prefix
};

// One positive unit of a query whose spans are reported: a word, phrase or
// prefix outside NOT and NEAR, or a whole NEAR group (its spans run from
// the first word of one side to the last of the other).
struct MatchUnit {
  const QueryNode* node = nullptr;
  std::string text;  // as typed ("Cold War mentality", "Huawei NEAR/3 Meng")
};

// Everything about a parsed query that does not depend on the segment.
struct CompiledQuery {
  std::unique_ptr<QueryNode> root;  // null: the empty query, every live turn
  std::unordered_map<const QueryNode*, Leaf> leaves;
  std::vector<const Leaf*> scored;  // leaves outside NOT, for ranking and highlights
  std::vector<MatchUnit> units;     // in query order
};

// Parses and analyses `text`. Errors: kInvalidArgument "col N: ..." for a
// malformed query or a query word with nothing searchable in it. With
// `allow_empty`, blank text compiles to the query of every live turn.
Result<CompiledQuery> CompileQuery(std::string_view text, Analyzer& analyzer,
                                   bool allow_empty = false);

// Evaluates a compiled query over one segment. Not thread-safe; cheap to
// create, one per (query, segment, thread).
class SegmentEvaluator {
 public:
  SegmentEvaluator(const CompiledQuery& q, const SegmentView& view);
  ~SegmentEvaluator();

  // The live matching documents, ascending. Errors: an over-wide prefix.
  Result<DocList> Matches();

  // The spans of `q.units[u]` in `doc`, ascending by start, for documents
  // passed in ascending order (each unit keeps its own cursor). Empty when
  // the unit does not occur in the document (a branch of an OR that did not
  // match, or a filters-only query).
  Status UnitSpans(size_t u, uint32_t doc, std::vector<Span>* spans);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lectern
