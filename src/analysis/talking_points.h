// Talking points: passages a spokesperson reuses across briefings, verbatim
// or with small variations, grouped into one point per formulation.
//
// Algorithm (every step is linear in the corpus or in the repeated text):
//  1. Tokens (token_corpus.h): the selected turns as word tokens, Chinese as
//     characters, briefings ordered by (date, id).
//  2. Seeds (frequent_shingles.h): every window of k tokens (k = min(6,
//     min_words) words, min(8, min_chars) characters) is fingerprinted; the
//     windows found in >= min_briefings briefings are kept, exactly counted.
//  3. Runs: in each turn, maximal stretches of consecutive frequent windows,
//     [first window, last window + k). A run is text that is repeated
//     somewhere; identical runs are grouped ("run types"), each with the
//     number of briefings it occurs in.
//  4. Points: run types in order of spread (most briefings first, then
//     shorter, then by content) are matched against the points found so far
//     (passage_matcher.h). The parts of a run that no point covers at the
//     similarity threshold, when at least min_words long, become new points,
//     their text the run's wording. So the commonest wording is the
//     canonical text, a variant used less often (another country's name, an
//     inserted clause, another tense) is covered by it and adds no point, a
//     run that strings two points together adds at most its uncovered rest,
//     and a near miss (similarity below the threshold, e.g. two passages
//     that share only half their words) stays a point of its own.
//     A wording is trimmed of connectives at its start and function words
//     at its end (wording_bounds.h).
//  5. Occurrences: every turn's runs are matched against all points; each
//     match at the threshold is an occurrence (verbatim or a variant). The
//     threshold is stricter for passages under 12 words (VariantThreshold
//     in sequence_similarity.h), or any 6-word piece of an 8-word point
//     would count as a use of it.
//  6. Fragments: points whose texts share a stretch of at least k words
//     making up 0.6 of the shorter text are pieces of one formulation
//     (fragment_merging.h) and become one, under the most widespread; the
//     others' uses join it as variants.
//  7. Statistics per point; points used in fewer than min_briefings
//     briefings by a spokesperson (answers and statements) are dropped.
//     The text of each kept point is cut to the words at least half of its
//     uses hold (SharedCore in wording_bounds.h: a slot's commonest filler
//     is not part of the formulation), then trimmed at sentence ends and
//     hyphenated words in its printed source (source_facts.h: a closing
//     "China." of the previous sentence goes, and so does "China" of
//     "China-US"); a use is verbatim when it holds the trimmed text word
//     for word.
// Questions: an occurrence in a question counts apart, and is marked as
// quoting when a spokesperson used the point earlier (by date, or earlier in
// the same briefing). Spread, counts and ranking are the spokespersons'.
//
// Boilerplate (greetings, "Thank you", the opening and closing lines) is
// flagged, and left out unless asked for, when a point either occurs in more
// than max_share of the selected briefings, or has fewer than three content
// words (boilerplate.h: function words and numbers do not count). Q:/A:
// labels never reach the text: the parser strips them into roles.
//
// Deterministic: the same live briefings give the same points, ids and
// counts, in any ingest order and any number of threads. Nothing is cached
// in the index; each call reads the selected briefings again.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/passage_text.h"
#include "base/status.h"
#include "index/index.h"
#include "model/briefing.h"

namespace lectern {

struct TalkingPointOptions {
  std::string filter;        // search-language query selecting turns; empty: all
  size_t min_words = 8;      // minimum passage length in words
  size_t min_chars = 12;     // ... in characters, for Chinese (and Japanese, Korean)
  size_t min_briefings = 3;  // used in at least this many briefings
  double similarity = 0.7;   // variants: LCS / longer length at least this
  double max_share = 0.5;    // boilerplate above this share of the selected briefings
  bool include_boilerplate = false;
  enum class Sort { kSpread, kFirstUse, kLastUse, kCount } sort = Sort::kSpread;
  size_t limit = 0;    // 0: every point
  size_t threads = 0;  // 0: every core
  // 32-bit token ids whatever the vocabulary (token_corpus.h; for tests:
  // both widths give the same report).
  bool wide_tokens = false;
  // Progress, on the calling thread: (stage, done, total).
  std::function<void(std::string_view, size_t, size_t)> progress;
};

struct TalkingPointUse {
  std::string briefing_id;
  std::optional<std::string> date;
  std::optional<std::string> speaker;  // the spokesperson; null for questions
  Role role = Role::kAnswer;
  uint32_t turn = 0;  // index into the briefing's turns
};

struct TalkingPointOccurrence {
  TalkingPointUse use;
  uint32_t token_begin = 0, token_end = 0;  // passage tokens of the turn
  double similarity = 1;                    // to the canonical text
  bool verbatim = true;
  bool quotes_earlier_answer = false;  // a question repeating an earlier use
};

struct TalkingPoint {
  std::string id;     // "tp-" + 12 hex digits of a hash of the canonical tokens
  std::string text;   // canonical wording, as printed where it was first seen
  PassageRef source;  // where `text` was taken from
  size_t length = 0;  // tokens (words, or characters for Chinese)
  std::string language;
  // Spokespersons' uses (answers and statements).
  size_t briefings = 0, occurrences = 0;
  size_t variant_occurrences = 0;  // not verbatim
  size_t variants = 0;             // distinct non-verbatim wordings
  // Uses in questions, and how many repeated an earlier spokesperson's use.
  size_t question_briefings = 0, question_occurrences = 0, quoting_questions = 0;
  TalkingPointUse first_use, last_use;                   // over every use, questions included
  std::vector<std::pair<std::string, size_t>> speakers;  // by uses, most first
  std::map<int, size_t> briefings_per_year;
  std::optional<std::string> boilerplate;    // why, when flagged
  std::vector<TalkingPointOccurrence> uses;  // every occurrence, in date order
};

struct TalkingPointsReport {
  size_t briefings = 0, turns = 0, tokens = 0;  // what was analysed
  size_t points = 0;                            // found, boilerplate excluded
  size_t boilerplate = 0;                       // flagged (listed only if asked for)
  std::vector<TalkingPoint> talking_points;     // sorted, at most `limit`
  TalkingPointOptions options;
};

// Errors: kInvalidArgument for a malformed filter or option, or the index's
// error when a stored briefing cannot be read.
Result<TalkingPointsReport> FindTalkingPoints(const std::shared_ptr<const Index>& index,
                                              const TalkingPointOptions& options);

// One point by id, with the same options it was listed with; kNotFound
// when the analysis does not produce it.
Result<TalkingPoint> FindTalkingPoint(const std::shared_ptr<const Index>& index,
                                      const TalkingPointOptions& options, std::string_view id);

}  // namespace lectern
