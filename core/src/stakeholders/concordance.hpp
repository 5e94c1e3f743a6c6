#pragma once
/// Stakeholder agreement: Kendall's coefficient of concordance W over several raters'
/// rankings (with the correction for ties), and Kendall's tau-b between two score vectors.
///
/// References: M. G. Kendall & B. Babington Smith, "The problem of m rankings", Annals of
/// Mathematical Statistics 10 (1939) 275-287; S. Siegel & N. J. Castellan, Nonparametric
/// Statistics for the Behavioral Sciences, 2nd ed., McGraw-Hill, 1988, section 9.4 (W with tie
/// correction); M. G. Kendall, "The treatment of ties in ranking problems", Biometrika 33
/// (1945) 239-251 (tau-b); W. R. Knight, "A computer method for calculating Kendall's tau with
/// ungrouped data", JASA 61 (1966) 436-439.
#include <vector>

namespace gapscore {

/// Ranks with ties given the average rank (1 = best). higher_is_better: the largest value gets
/// rank 1; otherwise the smallest does. Values that compare equal (including -0.0 and +0.0)
/// share the mean of the ranks they span, e.g. {5, 3, 3, 1} -> {1, 2.5, 2.5, 4}.
/// Never undefined behaviour: NaN values (not expected; the caller validates) are ranked after
/// every number, tied with each other.
std::vector<double> average_ranks(const std::vector<double>& values, bool higher_is_better);

struct ConcordanceResult {
  double w;          ///< Kendall's W with tie correction, in [0, 1]
  double chi_square; ///< m (n - 1) W: approximately chi-square with n - 1 df under "no agreement"
  int df;            ///< n - 1 (0 when n < 1)
  double p_value;    ///< chi_square_sf(chi_square, df): large-sample approximation
  std::vector<double> rank_sums; ///< per item: R_i, the sum of the ranks the m raters gave it
  std::vector<double> mean_rank; ///< per item: R_i / m (1 = everyone put it first)
  /// Per item: population standard deviation of the m ranks it received. The disagreement
  /// ("dispersion") about that item: 0 means every rater put it in the same place.
  std::vector<double> rank_sd;
  /// False when W is undefined (m < 2, n < 2, or every rater tied every item); then w = 0,
  /// chi_square = 0 and p_value = 1. Also false, with empty per-item vectors, when the input is
  /// not complete: rows of different lengths or a non-finite rating.
  bool defined;
};

/// Kendall's W. ratings: m raters (rows) x n items (columns), complete; a higher rating means
/// more important and is ranked 1 (average ranks for ties). With the correction for ties
///   W = 12 S / (m^2 (n^3 - n) - m sum_j T_j),  T_j = sum over rater j's tie groups of (t^3 - t),
///   S = sum_i (R_i - m (n + 1) / 2)^2.
/// W = 1: every rater gave the same ranking; W = 0: no agreement beyond chance.
/// The p-value uses the chi-square approximation, adequate for n > 7 (Siegel & Castellan);
/// for fewer items treat it as indicative. Never throws, never NaN.
ConcordanceResult kendall_w(const std::vector<std::vector<double>>& ratings);

/// Kendall's tau-b between two score vectors of the same length (ties allowed):
///   tau_b = (C - D) / sqrt((n0 - n1) (n0 - n2)),
/// C and D the concordant and discordant pairs, n0 = n (n - 1) / 2, n1 and n2 the pairs tied in
/// x and in y. In [-1, 1]; 1 = same order. Returns 0, never NaN, when it is undefined: fewer
/// than 2 values, a constant vector, or lengths that differ. NaN scores are treated as ties
/// below every number (as in average_ranks).
/// O(n log n) time and O(n) memory for every n (Knight's algorithm: sort by x then y, count
/// discordant pairs as the swaps of a merge sort on y), so 200000 items take milliseconds.
double kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y);

} // namespace gapscore
