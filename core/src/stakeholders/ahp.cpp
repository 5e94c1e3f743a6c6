#include "stakeholders/ahp.hpp"

#include <algorithm>
#include <cmath>

namespace gapscore {
namespace detail {
namespace {

constexpr int kMaxIterations = 1000;
constexpr double kTolerance = 1e-15;
// Entries are kept within 1e-150..1e150 so that A w (at most n * 1e150) cannot overflow and
// no weight (at least 1e-300 / n) can underflow to 0.
constexpr double kMinEntry = 1e-150;
constexpr double kMaxEntry = 1e150;

bool valid_matrix(const std::vector<std::vector<double>>& m) {
  for (const auto& row : m) {
    if (row.size() != m.size()) return false;
    for (double v : row)
      if (!(v >= kMinEntry && v <= kMaxEntry)) return false; // also rejects NaN
  }
  return true;
}

// y = A w, summed left to right (fixed order: identical bits on every platform).
void multiply(const std::vector<std::vector<double>>& m, const std::vector<double>& w,
              std::vector<double>& y) {
  for (std::size_t i = 0; i < m.size(); ++i) {
    double s = 0.0;
    for (std::size_t j = 0; j < m.size(); ++j) s += m[i][j] * w[j];
    y[i] = s;
  }
}

// The inconsistency ratio as compared for ordering: rounded to 40 significant bits (about 12
// digits), so judgements that differ only by rounding noise count as ties and fall back to
// the (a, b) order instead of an order decided by the last bits. Exact operations only.
double tie_key(double v) {
  int exponent = 0;
  const double mantissa = std::frexp(v, &exponent);
  return std::ldexp(std::floor(std::ldexp(mantissa, 40) + 0.5), exponent - 40);
}

double sum(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s;
}

} // namespace
} // namespace detail

double saaty_random_index(std::size_t n) {
  static constexpr double kTable[] = {0.0,  0.0,  0.0,  0.58, 0.90, 1.12, 1.24, 1.32,
                                      1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
  constexpr std::size_t kLast = sizeof(kTable) / sizeof(kTable[0]) - 1; // n = 15
  return kTable[n < kLast ? n : kLast];
}

AhpResult ahp_weights(const std::vector<std::vector<double>>& matrix) {
  using namespace detail;
  AhpResult r{};
  const std::size_t n = matrix.size();
  if (!valid_matrix(matrix)) return r; // documented rejection: empty weights, all zero
  r.ri = saaty_random_index(n);
  r.converged = true;
  r.consistent = true;
  if (n == 0) return r;

  std::vector<double> w(n, 1.0 / static_cast<double>(n));
  std::vector<double> y(n);
  r.converged = false;
  while (r.iterations < kMaxIterations) {
    multiply(matrix, w, y);
    const double total = sum(y);
    double change = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      y[i] /= total;
      change += std::fabs(y[i] - w[i]);
    }
    w.swap(y);
    ++r.iterations;
    if (change < kTolerance) {
      r.converged = true;
      break;
    }
  }
  r.weights = w;

  // lambda_max as the mean of (A w)_i / w_i: equal to the eigenvalue at convergence, and the
  // usual AHP estimate when the iteration was cut short.
  multiply(matrix, w, y);
  double lambda = 0.0;
  for (std::size_t i = 0; i < n; ++i) lambda += y[i] / w[i];
  r.lambda_max = lambda / static_cast<double>(n);
  if (n > 2) {
    // For a reciprocal matrix lambda_max >= n exactly; rounding can leave it 1 ulp below.
    r.ci = std::max(0.0, (r.lambda_max - static_cast<double>(n)) / static_cast<double>(n - 1));
    r.cr = r.ci / r.ri;
  }
  r.consistent = r.cr <= 0.1;

  r.judgements.reserve(n * (n - 1) / 2);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b) {
      const double given = matrix[a][b];
      const double implied = w[a] / w[b];
      r.judgements.push_back({a, b, given, implied, std::max(given / implied, implied / given)});
    }
  // Strict total order (pairs are unique), so std::sort gives the same result in libstdc++
  // and libc++.
  std::sort(r.judgements.begin(), r.judgements.end(),
            [](const AhpJudgement& x, const AhpJudgement& z) {
              const double kx = tie_key(x.inconsistency), kz = tie_key(z.inconsistency);
              if (kx != kz) return kx > kz;
              if (x.a != z.a) return x.a < z.a;
              return x.b < z.b;
            });
  return r;
}

} // namespace gapscore
