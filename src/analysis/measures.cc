#include "analysis/measures.h"

#include <algorithm>
#include <cmath>

namespace lectern {
namespace {

// O ln(O/E), with its limit 0 for O = 0.
double OLogOE(double o, double e) { return o > 0 && e > 0 ? o * std::log(o / e) : 0.0; }

}  // namespace

Contingency Contingency::FromMargins(double o11, double r1, double c1, double n) {
  Contingency t;
  t.o11 = o11;
  t.o12 = r1 - o11;
  t.o21 = c1 - o11;
  t.o22 = n - r1 - c1 + o11;
  return t;
}

double LogLikelihood(const Contingency& t) {
  const double n = t.n();
  if (n <= 0) return 0;
  const double r1 = t.r1(), r2 = t.r2(), c1 = t.c1(), c2 = t.c2();
  const double g2 = 2 * (OLogOE(t.o11, r1 * c1 / n) + OLogOE(t.o12, r1 * c2 / n) +
                         OLogOE(t.o21, r2 * c1 / n) + OLogOE(t.o22, r2 * c2 / n));
  return g2 < 0 ? 0 : g2;  // rounding may give -1e-12
}

double KeynessLogLikelihood(double a, double b, double c, double d) {
  if (c + d <= 0) return 0;
  const double e1 = c * (a + b) / (c + d);
  const double e2 = d * (a + b) / (c + d);
  return 2 * (OLogOE(a, e1) + OLogOE(b, e2));
}

double ChiSquared(const Contingency& t) {
  const double denominator = t.r1() * t.r2() * t.c1() * t.c2();
  if (denominator <= 0) return 0;
  const double cross = t.o11 * t.o22 - t.o12 * t.o21;
  return t.n() * cross * cross / denominator;
}

double LogRatio(double a, double b, double c, double d) {
  if (c <= 0 || d <= 0) return 0;
  return std::log2((std::max(a, 0.5) / c) / (std::max(b, 0.5) / d));
}

double MutualInformation(double o11, double e11) {
  return o11 > 0 && e11 > 0 ? std::log2(o11 / e11) : 0;
}

double TScore(double o11, double e11) { return o11 > 0 ? (o11 - e11) / std::sqrt(o11) : 0; }

double Dice(double fxy, double fx, double fy) { return fx + fy > 0 ? 2 * fxy / (fx + fy) : 0; }

double LogDice(double fxy, double fx, double fy) {
  const double dice = Dice(fxy, fx, fy);
  return dice > 0 ? 14 + std::log2(dice) : 0;
}

double ChiSquaredPValue1(double x) {
  // For one degree of freedom, P(X >= x) = erfc(sqrt(x / 2)).
  return x <= 0 ? 1.0 : std::erfc(std::sqrt(x / 2));
}

}  // namespace lectern
