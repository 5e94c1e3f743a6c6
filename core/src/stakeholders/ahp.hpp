#pragma once
/// Analytic Hierarchy Process (Saaty): priority weights from a pairwise comparison matrix by
/// the principal right eigenvector, with the consistency index and ratio, and the judgements
/// ranked by how much each one disagrees with the derived weights.
///
/// References: T. L. Saaty, The Analytic Hierarchy Process, McGraw-Hill, 1980;
/// T. L. Saaty, "How to make a decision: The Analytic Hierarchy Process", European Journal of
/// Operational Research 48 (1990) 9-26; T. L. Saaty, "Decision making with the analytic
/// hierarchy process", Int. J. Services Sciences 1(1) (2008) 83-98.
#include <cstddef>
#include <vector>

namespace gapscore {

/// One upper-triangle judgement (a < b) compared with what the derived weights imply.
struct AhpJudgement {
  std::size_t a, b;     ///< criteria indices, a < b
  double given;         ///< matrix[a][b]: how many times more important a was judged than b
  double implied;       ///< weights[a] / weights[b]: the ratio the derived weights imply
  double inconsistency; ///< max(given / implied, implied / given): a ratio >= 1, 1 = agrees
};

struct AhpResult {
  std::vector<double> weights; ///< principal right eigenvector, normalized to sum 1
  double lambda_max;           ///< principal eigenvalue: mean over i of (A w)_i / w_i
  double ci;                   ///< (lambda_max - n) / (n - 1), clamped at 0; 0 for n <= 2
  double ri;                   ///< saaty_random_index(n)
  double cr;                   ///< ci / ri; 0 for n <= 2
  bool consistent;             ///< cr <= 0.1 (Saaty's threshold)
  /// Every upper-triangle pair a < b, most inconsistent first (inconsistencies equal to about
  /// 12 significant digits count as ties and are ordered by a, then by b). The first entries
  /// are the judgements to revisit when cr > 0.1.
  std::vector<AhpJudgement> judgements;
  int iterations;              ///< power iterations performed
  bool converged;              ///< the iteration met its stopping rule before the cap
};

/// Priority weights of an n x n positive reciprocal matrix (m[i][j] = 1 / m[j][i],
/// m[i][i] = 1; m[i][j] = how many times more important i is than j). The caller checks
/// reciprocity; the matrix is used as given.
///
/// Method: power iteration w <- A w / sum(A w) from the uniform vector, in a fixed order
/// (identical bits on every platform), until the L1 change of w is below 1e-15 (w sums to 1,
/// so this is a relative change) or after 1000 iterations (then converged = false and the
/// last iterate is returned). Perron-Frobenius guarantees a unique positive limit for a
/// positive matrix.
///
/// Never throws and never produces NaN. Input that is not a square matrix of finite entries
/// in [1e-150, 1e150] (so that no product or sum can overflow) is rejected: the result then
/// has empty weights and judgements, all numbers 0, consistent = converged = false. An empty
/// matrix gives empty weights with converged = consistent = true; n = 1 gives weights {1}.
AhpResult ahp_weights(const std::vector<std::vector<double>>& matrix);

/// Saaty's random consistency index RI(n): the mean CI of random reciprocal matrices.
/// n = 1..10: 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 (Saaty 1980; reproduced
/// in Saaty 1990, EJOR 48). n = 11..15: 1.51, 1.48, 1.56, 1.57, 1.59, the extension
/// most often quoted with that table in the AHP literature and software. (Other simulations
/// give slightly different values, e.g. Saaty 2005, Theory and Applications of the ANP,
/// p. 31, or Alonso & Lamata 2006; we keep the classic table because it is the one users
/// will check our CR against.) n = 0 returns 0; n > 15 returns the last value, 1.59, as the
/// tabulated values have levelled off.
double saaty_random_index(std::size_t n);

} // namespace gapscore
