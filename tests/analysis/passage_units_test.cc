// The talking points' building blocks on their own: exact counts from the
// memory-bounded shingle counter (frequent_shingles.h) against a plain
// count, wording bounds at hyphenated words (wording_bounds.h), and the
// bit-parallel similarity and trimming against plain tables
// (sequence_similarity.h).
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

#include "analysis/frequent_shingles.h"
#include "analysis/passage_tokens.h"
#include "analysis/sequence_similarity.h"
#include "analysis/wording_bounds.h"

namespace lectern {
namespace {

// A corpus of `briefings` briefings of a few turns each, words drawn from a
// small vocabulary (so that many shingles repeat, some within a briefing),
// the odd briefing Chinese (shingles of other lengths).
TokenCorpus RandomCorpus(uint32_t seed, size_t briefings, size_t vocabulary) {
  std::mt19937 rng(seed);
  TokenCorpus corpus;
  for (size_t t = 0; t < vocabulary; ++t) {
    corpus.terms.push_back("w" + std::to_string(t));
    corpus.term_hashes.push_back(TermHash(corpus.terms.back()));
  }
  for (size_t b = 0; b < briefings; ++b) {
    CorpusBriefing cb;
    cb.id = "b" + std::to_string(b);
    cb.cjk = b % 7 == 3;
    corpus.briefings.push_back(cb);
    for (uint32_t turn = 0; turn < 1 + rng() % 4; ++turn) {
      CorpusTurn ct;
      ct.briefing = static_cast<uint32_t>(b);
      ct.turn = turn;
      ct.begin = corpus.wide_tokens.size();
      ct.length = rng() % 40;
      for (uint32_t i = 0; i < ct.length; ++i) {
        // Skewed: low ids far more often, as in text.
        corpus.wide_tokens.push_back(static_cast<uint32_t>(rng() % (1 + rng() % vocabulary)));
      }
      corpus.turns.push_back(ct);
    }
  }
  return corpus;
}

// Briefings each shingle occurs in, counted plainly.
std::map<uint64_t, size_t> PlainCounts(const TokenCorpus& corpus, const ShingleLengths& lengths) {
  std::map<uint64_t, std::set<uint32_t>> in;
  std::vector<uint64_t> fps;
  for (size_t t = 0; t < corpus.turns.size(); ++t) {
    const CorpusTurn& ct = corpus.turns[t];
    TurnFingerprints(corpus, t, lengths.For(corpus.briefings[ct.briefing]), &fps);
    for (uint64_t fp : fps) in[fp].insert(ct.briefing);
  }
  std::map<uint64_t, size_t> out;
  for (const auto& [fp, set] : in) out[fp] = set.size();
  return out;
}

TEST(FrequentShinglesTest, CountsAreExactAndNothingFrequentIsLost) {
  ShingleLengths lengths;
  lengths.words = 3;
  lengths.characters = 4;
  // Small and large thresholds: 4-bit and 8-bit sketch counters.
  for (size_t min_briefings : {2u, 3u, 5u, 16u, 40u}) {
    for (size_t threads : {1u, 3u}) {
      for (bool narrow : {false, true}) {
        SCOPED_TRACE(testing::Message() << "min_briefings " << min_briefings << ", threads "
                                        << threads << (narrow ? ", 16-bit" : ", 32-bit"));
        TokenCorpus corpus = RandomCorpus(11, 600, 14);
        if (narrow) {
          ASSERT_TRUE(NarrowTokens(&corpus));
        }
        const FrequentShingles frequent(corpus, lengths, min_briefings, threads);
        size_t expected = 0;
        for (const auto& [fp, n] : PlainCounts(corpus, lengths)) {
          ASSERT_EQ(frequent.Briefings(fp), n >= min_briefings ? n : 0) << fp;
          expected += n >= min_briefings;
        }
        EXPECT_EQ(frequent.size(), expected);
        EXPECT_GT(expected, 10u);
        // Every window of a frequent shingle is marked as a candidate.
        std::vector<uint64_t> fps;
        for (size_t t = 0; t < corpus.turns.size(); ++t) {
          const CorpusTurn& ct = corpus.turns[t];
          TurnFingerprints(corpus, t, lengths.For(corpus.briefings[ct.briefing]), &fps);
          bool any = false;
          for (size_t p = 0; p < fps.size(); ++p) {
            if (frequent.Briefings(fps[p]) != 0) {
              ASSERT_TRUE(frequent.MayBeFrequent(ct.begin + p));
            }
            any = any || frequent.MayBeFrequent(ct.begin + p);
          }
          // ... and a turn's range of windows says whether it holds one.
          ASSERT_EQ(frequent.AnyMayBeFrequent(ct.begin, ct.begin + fps.size()), any);
          for (size_t p = 0; p < fps.size(); ++p) {
            ASSERT_EQ(frequent.AnyMayBeFrequent(ct.begin + p, ct.begin + p + 1),
                      frequent.MayBeFrequent(ct.begin + p));
          }
        }
      }
    }
  }
}

TEST(WordingBoundsTest, NeverStartsOrEndsInsideAHyphenatedWord) {
  std::vector<std::string> terms;
  std::vector<uint32_t> tokens;
  for (const char* w : {"us", "relations", "develop", "steadily", "under", "the", "guidance", "of",
                        "the", "china", "us"}) {
    terms.push_back(w);
    tokens.push_back(static_cast<uint32_t>(terms.size() - 1));
  }
  // "[China-]US relations develop steadily under the guidance of the China[-US]"
  std::vector<bool> joins(tokens.size() + 1, false);
  joins[0] = true;              // "China-" before the first token
  joins[tokens.size()] = true;  // "-US" after the last
  std::vector<uint32_t> without_last(tokens.begin(), tokens.end() - 1);
  std::vector<bool> joins_without_last(joins.begin(), joins.end() - 1);
  joins_without_last.back() = true;  // "china" joined to the "us" after it
  auto [from, to] = TrimWording(without_last, terms, {}, joins_without_last);
  // "US" goes (a piece of "China-US"), then "china" (joined to what
  // follows), then "the" and "of" (words a wording does not end on).
  EXPECT_EQ(from, 1u);
  EXPECT_EQ(to, 7u);  // "relations develop steadily under the guidance"
  // Without the flags, the tokens alone end on "china".
  std::tie(from, to) = TrimWording(without_last, terms, {});
  EXPECT_EQ(from, 0u);
  EXPECT_EQ(to, without_last.size());
  // A whole hyphenated word inside stays: "China-US" in the middle.
  std::vector<bool> inner(tokens.size() + 1, false);
  inner[10] = true;  // "china" - "us", the last two tokens, joined
  std::tie(from, to) = TrimWording(tokens, terms, {}, inner);
  EXPECT_EQ(from, 0u);
  EXPECT_EQ(to, tokens.size());
}

TEST(WordingBoundsTest, SharedCoreDropsASlotsCommonestFiller) {
  // "china stands ready to work with the new": most uses fill the slot
  // after "the" with other words.
  std::vector<std::string> terms = {"china", "stands",        "ready",    "to",
                                    "work",  "with",          "the",      "new",
                                    "us",    "international", "community"};
  const std::vector<uint32_t> wording = {0, 1, 2, 3, 4, 5, 6, 7};
  const std::vector<uint32_t> with_us = {0, 1, 2, 3, 4, 5, 6, 8};
  const std::vector<uint32_t> with_community = {0, 1, 2, 3, 4, 5, 6, 9, 10};
  std::vector<std::span<const uint32_t>> uses = {wording, with_us, with_community, with_us};
  auto [from, to] = SharedCore(wording, uses);
  EXPECT_EQ(from, 0u);
  EXPECT_EQ(to, 7u);
  // Used verbatim by half of the uses or more: whole.
  uses = {wording, with_us, wording, with_community};
  std::tie(from, to) = SharedCore(wording, uses);
  EXPECT_EQ(from, 0u);
  EXPECT_EQ(to, wording.size());
}

// LCS by the plain table.
size_t PlainLcs(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  std::vector<std::vector<size_t>> t(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = a.size(); i-- > 0;) {
    for (size_t j = b.size(); j-- > 0;)
      t[i][j] = a[i] == b[j] ? t[i + 1][j + 1] + 1 : std::max(t[i + 1][j], t[i][j + 1]);
  }
  return t[0][0];
}

// Similarity on both sides of 64 tokens (bit-parallel rows below, Myers'
// diff above) is the LCS's, and AlignedSpanOfB is where Align's same words
// fall, for sequences that share much, little or nothing.
TEST(SequenceSimilarityTest, FastPathsAgreeWithPlainTables) {
  std::mt19937 rng(5);
  for (int round = 0; round < 4000; ++round) {
    const uint32_t vocabulary = 2 + rng() % 12;
    std::vector<uint32_t> a(rng() % 90), b;
    for (uint32_t& t : a) t = rng() % vocabulary;
    if (rng() % 2) {  // a variant of a: changes, insertions, deletions
      for (uint32_t t : a) {
        if (rng() % 6 == 0) continue;
        b.push_back(rng() % 8 == 0 ? rng() % vocabulary : t);
        if (rng() % 10 == 0) b.push_back(rng() % vocabulary);
      }
    } else {
      b.resize(rng() % 90);
      for (uint32_t& t : b) t = rng() % vocabulary;
    }
    if (round % 3 == 0) {  // ids past 2^16 (a wide corpus's)
      for (uint32_t& t : a) t += 70000;
      for (uint32_t& t : b) t += 70000;
    }
    const size_t lcs = PlainLcs(a, b), longer = std::max(a.size(), b.size());
    const double expected = longer ? static_cast<double>(lcs) / longer : 1.0;
    for (double threshold : {0.0, 0.5, 0.7, 0.9, 1.0}) {
      double similarity = -1;
      const bool similar = SimilarAtLeast(a, b, threshold, &similarity);
      ASSERT_EQ(similar, expected >= threshold - 1e-9) << round;
      if (similar) {
        ASSERT_EQ(similarity, expected) << round;
      }
    }
    std::optional<std::pair<uint32_t, uint32_t>> span;
    for (const AlignStep& s : Align(a, b)) {
      if (s.kind != AlignStep::kSame) continue;
      if (!span) span.emplace(s.b, s.b);
      span->second = s.b;
    }
    ASSERT_EQ(AlignedSpanOfB(a, b), span) << round;
  }
}

// TrimWording with the terms classified beforehand (as grouping calls it)
// gives the bounds the plain call gives.
TEST(WordingBoundsTest, ClassifiedTermsTrimAlike) {
  const std::vector<std::string> terms = {"the", "and", "of", "china", "mutual",     "respect",
                                          "in",  "a",   "we", "2020",  "cooperation"};
  const TermClasses classes(terms);
  std::mt19937 rng(3);
  for (int round = 0; round < 2000; ++round) {
    std::vector<uint32_t> tokens(rng() % 12);
    for (uint32_t& t : tokens) t = rng() % terms.size();
    ASSERT_EQ(TrimWording(tokens, classes), TrimWording(tokens, terms, {})) << round;
  }
}

}  // namespace
}  // namespace lectern
