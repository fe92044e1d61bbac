// The middle stages of the talking-point analysis (talking_points.h numbers
// them): from the frequent shingles to runs of repeated text, points grown
// from the runs, every point's uses, and fragments of one formulation
// merged. Internal to talking_points.cc; apart so that each file stays
// about one step of the algorithm.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/frequent_shingles.h"
#include "analysis/passage_matcher.h"
#include "analysis/source_facts.h"
#include "analysis/talking_points.h"
#include "analysis/token_corpus.h"

namespace lectern::point_stages {

// A maximal stretch of frequent windows in a turn.
struct Run {
  uint32_t turn, begin, end;  // token range in the turn
};

// A use of point `point`: a token range of corpus turn `turn`.
struct RawUse {
  uint32_t point, turn, begin, end;
  float similarity;
};

// Where a point's canonical wording was taken from.
using PointSource = WordingSource;

// A hash of a token sequence (its terms' hashes, in order).
uint64_t SequenceHash(std::span<const uint32_t> tokens, const std::vector<uint64_t>& term_hashes);

// Answers and statements are the spokespersons'; questions are not.
bool SpokespersonRole(Role role);

// Stage 3: maximal stretches of frequent windows, per turn, in turn order.
std::vector<Run> FindRuns(const TokenCorpus& corpus, const FrequentShingles& frequent,
                          const ShingleLengths& lengths, size_t threads);

// Stage 4: points from run types (identical runs), most widespread first:
// the part of a run that no point found so far covers becomes a point of
// `matcher`, with its source appended to `sources`.
void BuildPoints(const TokenCorpus& corpus, const std::vector<Run>& runs,
                 const ShingleLengths& lengths, const TalkingPointOptions& options,
                 PassageMatcher* matcher, std::vector<PointSource>* sources);

// Stage 5: every turn with runs, matched against every point; sorted by
// (point, turn, begin).
std::vector<RawUse> FindUses(const TokenCorpus& corpus, const std::vector<Run>& runs,
                             const ShingleLengths& lengths, const PassageMatcher& matcher,
                             size_t threads);

// Stage 5b: points that are fragments of one formulation
// (fragment_merging.h) become one, under the most widespread; the others'
// uses join it, scored against its text, except where they overlap one of
// its own uses in the same turn. Uses come sorted by (point, turn, begin)
// and leave so; points used in fewer than min_briefings spokesperson
// briefings are left out.
std::vector<RawUse> MergeFragmentUses(const TokenCorpus& corpus, const PassageMatcher& matcher,
                                      const ShingleLengths& lengths,
                                      const TalkingPointOptions& options, std::vector<RawUse> uses);

}  // namespace lectern::point_stages
