#pragma once
/// Portable transcendental functions: exp, log, log-gamma, the regularized upper incomplete
/// gamma function and the chi-square survival function.
///
/// Why this exists: glibc and musl (used by the WebAssembly build) round exp/log/pow/lgamma
/// differently in the last bits, so results printed natively and in the browser would differ.
/// Everything here is computed only with IEEE-754 operations whose results are exactly
/// specified (+ - * / sqrt, frexp, ldexp, comparisons), in a fixed order, so every platform
/// produces the same bits. Requirements on the build: IEEE double arithmetic with
/// round-to-nearest and no contraction of a*b+c into FMA (compile with -ffp-contract=off;
/// x86-64 SSE2 and wasm32 both qualify).
///
/// Special inputs never crash and never invoke undefined behaviour; each function states what
/// it returns for them.

namespace gapscore {

/// e^x. Relative error below 2e-16 (about 1 ulp; measured against 50-digit mpmath) for x in
/// [-708, 709]. x > 709.78 returns +infinity, x < -745.2 returns 0 (results in between that
/// are below 2^-1022 are subnormal and carry at most an absolute error of 2^-1074).
/// NaN returns NaN.
double portable_exp(double x);

/// Natural logarithm, x > 0. Relative error below 2e-16 (about 1 ulp; measured against
/// 50-digit mpmath) for every positive finite x, subnormals included. x == 0 returns
/// -infinity, x < 0 and NaN return NaN, +infinity returns +infinity.
double portable_log(double x);

/// ln(Gamma(x)) for x > 0. Relative error below 2e-14 wherever |ln Gamma(x)| >= 0.5 (below
/// 1e-15 for x >= 12); near the zeros at x = 1 and x = 2, where a relative bound is
/// meaningless, the absolute error is below 1e-14. x <= 0 returns +infinity (the function is
/// only provided for x > 0); NaN returns NaN; +infinity returns +infinity.
double portable_lgamma(double x);

/// Regularized upper incomplete gamma Q(a, x) = Gamma(a, x) / Gamma(a), a > 0, x >= 0.
/// Uses the power series of P = 1 - Q for x < a + 1 and a continued fraction for Q otherwise
/// (Numerical Recipes, 3rd ed., section 6.2); for a >= 12 the prefactor x^a e^-x / Gamma(a)
/// is formed from Stirling's series and log(1+t) - t (as in DiDonato & Morris 1986) so it
/// does not lose digits to cancellation when a and x are large.
/// Accuracy, measured against 50-digit mpmath for a in [0.5, 1e5]: relative error below 2e-14
/// for Q > 1e-10, below 1e-13 for Q > 1e-100, below 3e-13 for Q > 1e-300. (The error grows
/// with |ln Q| because the exponent of the prefactor, about ln Q, is itself rounded.) That a
/// covers chi-square tests with 1 to 200000 degrees of freedom (the item limit). The result
/// is always in [0, 1].
/// Out-of-domain arguments return a defined value, never NaN: x <= 0 or NaN -> 1;
/// a <= 0, a NaN or a = +infinity -> 1; x = +infinity (with valid a) -> 0.
double gamma_q(double a, double x);

/// Chi-square survival function P(X >= x) for df degrees of freedom: gamma_q(df/2, x/2).
/// Accuracy as for gamma_q. Never NaN: x <= 0 or NaN, or df <= 0 or NaN, returns 1 (the
/// p-value of "no evidence").
double chi_square_sf(double x, double df);

} // namespace gapscore
