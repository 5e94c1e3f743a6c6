#include "math/portable_math.hpp"

#include <cmath>
#include <limits>

// Only IEEE-exact operations below (+ - * / sqrt frexp ldexp, comparisons, int <-> double
// conversions of small integers). No <cmath> transcendental is called: their last bits differ
// between glibc and musl, and the whole point of this file is identical bits everywhere.

namespace gapscore {
namespace detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEps = std::numeric_limits<double>::epsilon();

// ln 2 split so that k * kLn2Hi is exact for |k| < 2^20 (kLn2Hi has 20 trailing zero bits):
// the range reductions then lose nothing to rounding.
constexpr double kLn2Hi = 0x1.62e42fee00000p-1;
constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;
constexpr double kInvLn2 = 0x1.71547652b82fep0;
constexpr double kSqrtHalf = 0x1.6a09e667f3bcdp-1;
constexpr double kHalfLog2Pi = 0.91893853320467274178; // ln(2 pi) / 2
constexpr double kLogMax = 709.782712893383973096;      // ln(DBL_MAX)
constexpr double kLogMinSubnormal = -745.2;             // below: e^x < 2^-1075, rounds to 0

// Stirling threshold: from 12 on, the truncation error of the series below is < 1e-19.
constexpr double kStirlingMin = 12.0;
// Series and continued fraction give up after this many terms; they need about
// 9 * sqrt(a) terms near x = a, so this covers a up to ~1e8 (far beyond any degrees of
// freedom).
constexpr int kMaxTerms = 100000;

// 1/k! for the Taylor series of e^r, |r| <= ln(2)/2: the first omitted term, r^14/14!, is
// below 5e-18 relative.
constexpr double kInvFact[] = {
    1.0,           1.0,           1.0 / 2,        1.0 / 6,         1.0 / 24,
    1.0 / 120,     1.0 / 720,     1.0 / 5040,     1.0 / 40320,     1.0 / 362880,
    1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800.0};

// B_2k / (2k (2k-1)) for k = 1..8: the Stirling correction terms of ln Gamma.
constexpr double kStirling[] = {1.0 / 12,   -1.0 / 360,       1.0 / 1260,  -1.0 / 1680,
                                1.0 / 1188, -691.0 / 360360, 1.0 / 156,   -3617.0 / 122400};

// ln Gamma(y) - [(y - 1/2) ln y - y + ln(2 pi)/2], y >= 12.
double stirling_correction(double y) {
  const double r = 1.0 / y;
  const double r2 = r * r;
  double s = kStirling[7];
  for (int k = 6; k >= 0; --k) s = s * r2 + kStirling[k];
  return s * r;
}

// ln(1 + t) - t for t > -1, without the cancellation of computing both terms.
// With s = t / (2 + t): ln(1+t) = 2 (s + s^3/3 + s^5/5 + ...) and t = 2s / (1 - s), so
// ln(1+t) - t = -2 s^2 / (1 - s) + 2 s^3 (1/3 + s^2/5 + ...): no large terms cancel.
double log1p_minus_x(double t, double one_plus_t) {
  if (t < -2.0 / 3 || t > 2.0) return portable_log(one_plus_t) - t; // little cancellation
  const double s = t / (2.0 + t);
  const double s2 = s * s;
  double sum = 0.0;
  double power = 1.0; // s^(2k)
  for (int k = 0; k < 60; ++k) {
    const double term = power / (2 * k + 3);
    sum += term;
    if (term < kEps * 0.25 * sum) break;
    power *= s2;
  }
  return -2.0 * s2 / (1.0 - s) + 2.0 * s * s2 * sum;
}

// ln(x^a e^-x / Gamma(a)), a > 0, x > 0: the common prefactor of P(a, x) and Q(a, x).
double log_gamma_prefix(double a, double x) {
  if (a < kStirlingMin) return a * portable_log(x) - x - portable_lgamma(a);
  // With ln Gamma(a) = (a - 1/2) ln a - a + ln(2 pi)/2 + c(a) and t = (x - a) / a:
  // a ln x - x - ln Gamma(a) = a (ln(1+t) - t) + ln(a / (2 pi)) / 2 - c(a).
  // The large terms a ln x, x and ln Gamma(a) cancel analytically instead of numerically.
  const double t = (x - a) / a;
  return a * log1p_minus_x(t, x / a) + 0.5 * portable_log(a) - kHalfLog2Pi -
         stirling_correction(a);
}

double clamp01(double v) { return v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v); }

} // namespace
} // namespace detail

double portable_exp(double x) {
  using namespace detail;
  if (x != x) return x;
  if (x > kLogMax) return kInf;
  if (x < kLogMinSubnormal) return 0.0;
  // x = k ln2 + r, |r| <= ln2/2 (+ rounding); e^x = 2^k e^r.
  const double kd = x * kInvLn2;
  const int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5); // |kd| < 1076: no overflow
  const double r_hi = x - k * kLn2Hi; // exact: k * kLn2Hi is exact and close to x
  const double r = r_hi - k * kLn2Lo;
  double p = kInvFact[13];
  for (int i = 12; i >= 1; --i) p = p * r + kInvFact[i];
  p = p * r + 1.0;
  return std::ldexp(p, k); // exact in the normal range; one correct rounding if subnormal
}

double portable_log(double x) {
  using namespace detail;
  if (x != x) return x;
  if (x < 0) return kNaN;
  if (x == 0) return -kInf;
  if (x == kInf) return kInf;
  int e = 0;
  double m = std::frexp(x, &e); // x = m 2^e, m in [0.5, 1), exact (subnormals too)
  if (m < kSqrtHalf) {
    m *= 2; // exact
    --e;
  }
  // m in [sqrt(1/2), sqrt(2)): ln m = ln(1+f) with f = m - 1 exact (Sterbenz).
  // With s = f / (2 + f): ln(1+f) = 2s + 2s (s^2/3 + s^4/5 + ...) = f - s (f - 2 z R(z)),
  // z = s^2; the form keeps the exact f as the leading term. |s| < 0.172, so z^12 < 5e-19.
  const double f = m - 1.0;
  const double s = f / (2.0 + f);
  const double z = s * s;
  double poly = 1.0 / 25;
  for (int k = 11; k >= 1; --k) poly = poly * z + 1.0 / (2 * k + 1);
  const double log_m = f - s * (f - 2.0 * z * poly);
  const double ed = static_cast<double>(e);
  return ed * kLn2Hi + (log_m + ed * kLn2Lo);
}

double portable_lgamma(double x) {
  using namespace detail;
  if (x != x) return x;
  if (x <= 0 || x == kInf) return kInf;
  // Below the Stirling range use Gamma(x) = Gamma(x + n) / (x (x+1) ... (x+n-1)); the product
  // of at most 12 factors carries a few ulps, so one log of it costs less than n logs.
  double shift = 0.0;
  double y = x;
  if (x < kStirlingMin) {
    double product = x;
    int n = 1;
    for (; x + n < kStirlingMin; ++n) product *= x + n;
    y = x + n;
    shift = portable_log(product);
  }
  const double stirling = (y - 0.5) * portable_log(y) - y;
  return stirling + (kHalfLog2Pi + stirling_correction(y)) - shift;
}

double gamma_q(double a, double x) {
  using namespace detail;
  if (!(a > 0) || a == kInf) return 1.0; // also catches NaN
  if (!(x > 0)) return 1.0;
  if (x == kInf) return 0.0;

  if (x - a < 1.0) { // x < a + 1, written so that it still holds when a + 1 rounds to a
    // P(a, x) = x^a e^-x / Gamma(a + 1) * sum_{n >= 0} x^n / ((a+1)...(a+n)); Q = 1 - P.
    // Here Q > 0.08 for every a >= 0.5, so 1 - P loses no relative accuracy that matters.
    const double log_front = a < kStirlingMin ? a * portable_log(x) - x - portable_lgamma(a + 1.0)
                                              : log_gamma_prefix(a, x) - portable_log(a);
    double term = 1.0;
    double sum = 1.0;
    for (int n = 1; n <= kMaxTerms; ++n) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * kEps) break;
    }
    return clamp01(1.0 - clamp01(portable_exp(log_front) * sum));
  }

  // Continued fraction for Q (modified Lentz), Numerical Recipes 3rd ed. eq. 6.2.7.
  constexpr double kTiny = 1e-300;
  double b = x + 1.0 - a;
  if (b < kTiny) b = kTiny; // only when x + 1 rounds to x (a > 2^53): no 1/0
  double c = 1.0 / kTiny;
  double d = 1.0 / b;
  double h = d;
  for (int i = 1; i <= kMaxTerms; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < kEps) break;
  }
  return clamp01(portable_exp(log_gamma_prefix(a, x)) * h);
}

double chi_square_sf(double x, double df) {
  if (!(df > 0) || !(x > 0)) return 1.0; // also catches NaN
  return gamma_q(0.5 * df, 0.5 * x);
}

} // namespace gapscore
