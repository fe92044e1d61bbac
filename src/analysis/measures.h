// Association and keyness statistics on 2x2 contingency tables, with the
// notation of Evert (2008), "Corpora and collocations":
//
//            | collocate / corpus A | other / corpus B |
//   node     |        O11           |       O12        |  R1
//   other    |        O21           |       O22        |  R2
//            |        C1            |       C2         |  N
//
// Expected frequencies under independence: Eij = Ri * Cj / N.
// Each function's comment gives its formula and reference; the README
// repeats them. All are pure; undefined cases (zero margins) return 0.
#pragma once

namespace lectern {

struct Contingency {
  double o11 = 0, o12 = 0, o21 = 0, o22 = 0;

  double r1() const { return o11 + o12; }
  double r2() const { return o21 + o22; }
  double c1() const { return o11 + o21; }
  double c2() const { return o12 + o22; }
  double n() const { return o11 + o12 + o21 + o22; }
  double e11() const { return n() > 0 ? r1() * c1() / n() : 0; }

  // From the margins: O11, R1, C1, N.
  static Contingency FromMargins(double o11, double r1, double c1, double n);
};

// Log-likelihood ratio G2 = 2 * sum Oij * ln(Oij / Eij), over the four
// cells (Dunning 1993; Evert 2008 sec. 5.2). Always >= 0.
double LogLikelihood(const Contingency& t);

// Keyness log-likelihood as in Rayson & Garside (2000) and the Lancaster
// LL calculator: a, b the item's frequencies in corpora of c and d tokens;
// E1 = c (a+b) / (c+d), E2 = d (a+b) / (c+d); LL = 2 (a ln(a/E1) + b ln(b/E2)).
double KeynessLogLikelihood(double a, double b, double c, double d);

// Pearson's chi-squared without continuity correction:
// N (O11 O22 - O12 O21)^2 / (R1 R2 C1 C2) (Evert 2008 sec. 5.2).
double ChiSquared(const Contingency& t);

// Hardie (2014) Log Ratio: log2 of the ratio of relative frequencies,
// log2((a/c) / (b/d)); a zero frequency is taken as 0.5 so that the value
// stays finite.
double LogRatio(double a, double b, double c, double d);

// Pointwise mutual information log2(O11 / E11) (Church & Hanks 1990; Evert 2008).
double MutualInformation(double o11, double e11);

// t-score (O11 - E11) / sqrt(O11) (Church et al. 1991; Evert 2008).
double TScore(double o11, double e11);

// Dice coefficient 2 f(x,y) / (f(x) + f(y)) (Smadja et al. 1996; Evert 2008).
double Dice(double fxy, double fx, double fy);

// logDice = 14 + log2(Dice) (Rychlý 2008): at most 14, one point less per
// halving of the Dice coefficient.
double LogDice(double fxy, double fx, double fy);

// The chi-squared distribution's upper tail for one degree of freedom,
// P(X >= x): the significance of a G2 or chi-squared value.
double ChiSquaredPValue1(double x);

}  // namespace lectern
