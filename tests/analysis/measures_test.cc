// Association and keyness measures against published worked examples and
// values worked out by hand (the arithmetic is in the comments).
#include "analysis/measures.h"

#include <gtest/gtest.h>

#include <cmath>

namespace lectern {
namespace {

// The worked example of Lancaster University's log-likelihood calculator
// (ucrel.lancs.ac.uk/llwizard.html, after Rayson & Garside 2000): a word
// occurring 52 times in corpus 1 of 50,000 tokens and 57 times in corpus 2
// of 75,000 tokens has LL = +2.65 (not significant at p < 0.05, 3.84).
TEST(Measures, KeynessLogLikelihoodMatchesTheLancasterCalculatorExample) {
  EXPECT_NEAR(KeynessLogLikelihood(52, 57, 50000, 75000), 2.65, 0.005);
  // By hand: E1 = 50000 * 109 / 125000 = 43.6, E2 = 65.4;
  // 2 * (52 ln(52/43.6) + 57 ln(57/65.4)) = 2.65171.
  EXPECT_NEAR(KeynessLogLikelihood(52, 57, 50000, 75000), 2.65171, 1e-4);
  EXPECT_GT(ChiSquaredPValue1(2.652), 0.05);
  EXPECT_NEAR(ChiSquaredPValue1(3.841459), 0.05, 1e-6);  // the 5% critical value
  EXPECT_NEAR(ChiSquaredPValue1(6.634897), 0.01, 1e-6);  // the 1% critical value
}

// Dunning's G2 on the full 2x2 table equals the entropy form
// 2 (sum O ln O - sum R ln R - sum C ln C + N ln N) (Dunning 1993, as
// quoted by Evert 2008 and by Oakes 1998, pp. 170-2).
TEST(Measures, LogLikelihoodEqualsTheEntropyForm) {
  Contingency t;
  t.o11 = 10;
  t.o12 = 40;
  t.o21 = 90;
  t.o22 = 9860;
  auto xlx = [](double x) { return x > 0 ? x * std::log(x) : 0; };
  const double g2 = 2 * (xlx(10) + xlx(40) + xlx(90) + xlx(9860) - xlx(50) - xlx(9950) - xlx(100) -
                         xlx(9900) + xlx(10000));
  EXPECT_NEAR(LogLikelihood(t), g2, 1e-9);
  // E11 = 50 * 100 / 10000 = 0.5; by hand (a calculator) G2 = 43.81371.
  EXPECT_NEAR(t.e11(), 0.5, 1e-12);
  EXPECT_NEAR(LogLikelihood(t), 43.81371, 1e-4);
  // Full-table and Rayson's two-cell keyness LL agree for keyness tables in
  // the limit of large corpora, and both are 0 at independence.
  EXPECT_NEAR(LogLikelihood(Contingency::FromMargins(5, 100, 50, 1000)), 0, 1e-12);
}

// Evert (2008, sec. 4.2): MI = log2(O/E), t = (O - E) / sqrt(O). With
// O = 10 and E = 0.5: MI = log2 20 = 4.32193, t = 9.5 / sqrt(10) = 3.00416.
TEST(Measures, MutualInformationAndTScoreByHand) {
  EXPECT_NEAR(MutualInformation(10, 0.5), 4.321928, 1e-6);
  EXPECT_NEAR(TScore(10, 0.5), 3.004164, 1e-6);
  // The Collins Wordbanks example (wordbanks.harpercollins.co.uk,
  // "statistics"): "sour" and "puss" co-occur 3 times, a tiny expected
  // count, and the t-score is 1.73 (= 3 / sqrt 3 as E -> 0).
  EXPECT_NEAR(TScore(3, 0.0001), 1.73, 0.005);
}

// Rychlý (2008): logDice = 14 + log2(2 f(x,y) / (f(x) + f(y))), 14 at most
// (x and y always together). By hand: f(x,y) = 30, f(x) = 100, f(y) = 200:
// Dice = 60 / 300 = 0.2, logDice = 14 + log2 0.2 = 11.678072.
TEST(Measures, DiceAndLogDiceByHand) {
  EXPECT_NEAR(Dice(30, 100, 200), 0.2, 1e-12);
  EXPECT_NEAR(LogDice(30, 100, 200), 11.678072, 1e-6);
  EXPECT_NEAR(LogDice(50, 50, 50), 14.0, 1e-12);
}

// Hardie (2014) Log Ratio: log2 of the ratio of relative frequencies; each
// point is a doubling. The Lancaster example: (52/50000) / (57/75000) =
// 1.368421, log2 = 0.452512. A zero count is taken as 0.5.
TEST(Measures, LogRatioByHand) {
  EXPECT_NEAR(LogRatio(52, 57, 50000, 75000), 0.452512, 1e-6);
  EXPECT_NEAR(LogRatio(40, 10, 1000, 1000), 2.0, 1e-12);
  EXPECT_NEAR(LogRatio(10, 0, 1000, 1000), std::log2(10 / 0.5), 1e-12);
}

// Pearson's chi-squared on the 2x2 table: for [[10, 40], [90, 9860]],
// N (ad - bc)^2 / (R1 R2 C1 C2) = 10000 * (98600 - 3600)^2 /
// (50 * 9950 * 100 * 9900) = 183.23943.
TEST(Measures, ChiSquaredByHand) {
  Contingency t;
  t.o11 = 10;
  t.o12 = 40;
  t.o21 = 90;
  t.o22 = 9860;
  EXPECT_NEAR(ChiSquared(t), 10000.0 * 95000.0 * 95000.0 / (50.0 * 9950 * 100 * 9900), 1e-9);
  EXPECT_NEAR(ChiSquared(t), 183.23943, 1e-4);
}

}  // namespace
}  // namespace lectern
