#include "stakeholders/concordance.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>

#include "math/portable_math.hpp"

namespace gapscore {
namespace detail {
namespace {

// A strict total order on doubles with NaN below every number and NaNs equal to each other,
// so sorting never meets the undefined behaviour of comparing NaN.
bool less_total(double a, double b) {
  if (std::isnan(a)) return !std::isnan(b);
  if (std::isnan(b)) return false;
  return a < b;
}

bool same(double a, double b) { return !less_total(a, b) && !less_total(b, a); }

// Average ranks of `values` (1 = best) into `ranks`; returns sum over tie groups of t^3 - t.
double rank_with_ties(const std::vector<double>& values, bool higher_is_better,
                      std::vector<double>& ranks) {
  const std::size_t n = values.size();
  // Sort (key, index) pairs, key = the value negated when higher is better, so "better" is
  // simply "smaller"; the index makes the order total. NaNs go last, in index order.
  std::vector<std::pair<double, std::size_t>> order;
  order.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    if (!std::isnan(values[i])) order.emplace_back(higher_is_better ? -values[i] : values[i], i);
  std::sort(order.begin(), order.end());
  const std::size_t numbers = order.size();
  for (std::size_t i = 0; i < n; ++i)
    if (std::isnan(values[i])) order.emplace_back(0.0, i);

  ranks.assign(n, 0.0);
  double tie_term = 0.0;
  for (std::size_t start = 0; start < n;) {
    std::size_t end = start + 1;
    if (start < numbers) {
      while (end < numbers && order[end].first == order[start].first) ++end;
    } else {
      end = n; // all NaNs tie with each other
    }
    // Positions start+1 .. end (1-based) share their mean rank.
    const double rank = 0.5 * static_cast<double>(start + 1 + end);
    for (std::size_t k = start; k < end; ++k) ranks[order[k].second] = rank;
    const double t = static_cast<double>(end - start);
    tie_term += t * t * t - t;
    start = end;
  }
  return tie_term;
}

// Sum over runs of equal values in a sorted sequence of t (t - 1) / 2: the pairs tied there.
template <class Equal>
std::int64_t tied_pairs(std::size_t n, Equal equal) {
  std::int64_t pairs = 0;
  std::int64_t run = 1;
  for (std::size_t i = 1; i <= n; ++i) {
    if (i < n && equal(i - 1, i)) {
      ++run;
    } else {
      pairs += run * (run - 1) / 2;
      run = 1;
    }
  }
  return pairs;
}

// Sorts v ascending (less_total) by a bottom-up merge sort and returns the number of swaps an
// exchange sort would need: the pairs i < j with v[i] > v[j] strictly.
std::int64_t sort_counting_inversions(std::vector<double>& v) {
  const std::size_t n = v.size();
  std::vector<double> buffer(n);
  std::int64_t inversions = 0;
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      std::size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        if (less_total(v[j], v[i])) {
          inversions += static_cast<std::int64_t>(mid - i); // v[j] jumps all of v[i..mid)
          buffer[k++] = v[j++];
        } else {
          buffer[k++] = v[i++];
        }
      }
      while (i < mid) buffer[k++] = v[i++];
      while (j < hi) buffer[k++] = v[j++];
    }
    v.swap(buffer);
  }
  return inversions;
}

} // namespace
} // namespace detail

std::vector<double> average_ranks(const std::vector<double>& values, bool higher_is_better) {
  std::vector<double> ranks;
  detail::rank_with_ties(values, higher_is_better, ranks);
  return ranks;
}

ConcordanceResult kendall_w(const std::vector<std::vector<double>>& ratings) {
  ConcordanceResult r{};
  r.p_value = 1.0;
  const std::size_t m = ratings.size();
  const std::size_t n = m == 0 ? 0 : ratings[0].size();
  for (const auto& row : ratings) {
    if (row.size() != n) return r;
    for (double v : row)
      if (!std::isfinite(v)) return r;
  }
  r.df = n == 0 ? 0 : static_cast<int>(n - 1);

  r.rank_sums.assign(n, 0.0);
  std::vector<std::vector<double>> ranks(m);
  double tie_sum = 0.0;
  for (std::size_t j = 0; j < m; ++j) {
    tie_sum += detail::rank_with_ties(ratings[j], true, ranks[j]);
    for (std::size_t i = 0; i < n; ++i) r.rank_sums[i] += ranks[j][i];
  }

  const double md = static_cast<double>(m), nd = static_cast<double>(n);
  r.mean_rank.assign(n, 0.0);
  r.rank_sd.assign(n, 0.0);
  for (std::size_t i = 0; i < n && m > 0; ++i) {
    const double mean = r.rank_sums[i] / md;
    double squares = 0.0;
    for (std::size_t j = 0; j < m; ++j) squares += (ranks[j][i] - mean) * (ranks[j][i] - mean);
    r.mean_rank[i] = mean;
    r.rank_sd[i] = std::sqrt(squares / md);
  }

  const double expected = md * (nd + 1.0) / 2.0; // mean rank sum under any ranking
  double s = 0.0;
  for (double rs : r.rank_sums) s += (rs - expected) * (rs - expected);
  const double denominator = md * md * (nd * nd * nd - nd) - md * tie_sum;
  r.defined = m >= 2 && n >= 2 && denominator > 0.0;
  if (!r.defined) return r;

  r.w = std::min(1.0, std::max(0.0, 12.0 * s / denominator));
  r.chi_square = md * (nd - 1.0) * r.w;
  r.p_value = chi_square_sf(r.chi_square, static_cast<double>(r.df));
  return r;
}

double kendall_tau_b(const std::vector<double>& x, const std::vector<double>& y) {
  using detail::less_total;
  using detail::same;
  const std::size_t n = x.size();
  if (n != y.size() || n < 2) return 0.0;

  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    if (!same(x[i], x[j])) return less_total(x[i], x[j]);
    if (!same(y[i], y[j])) return less_total(y[i], y[j]);
    return i < j;
  });
  std::vector<double> ys(n);
  for (std::size_t k = 0; k < n; ++k) ys[k] = y[order[k]];

  const auto at = [&](std::size_t k) { return order[k]; };
  const std::int64_t x_ties = detail::tied_pairs(
      n, [&](std::size_t a, std::size_t b) { return same(x[at(a)], x[at(b)]); });
  const std::int64_t joint_ties = detail::tied_pairs(n, [&](std::size_t a, std::size_t b) {
    return same(x[at(a)], x[at(b)]) && same(y[at(a)], y[at(b)]);
  });
  // Sorted by x then y, an inversion in y is exactly a pair with x strictly increasing and y
  // strictly decreasing: a discordant pair.
  const std::int64_t discordant = detail::sort_counting_inversions(ys);
  const std::int64_t y_ties =
      detail::tied_pairs(n, [&](std::size_t a, std::size_t b) { return same(ys[a], ys[b]); });

  const std::int64_t pairs = static_cast<std::int64_t>(n) * static_cast<std::int64_t>(n - 1) / 2;
  const std::int64_t not_tied_x = pairs - x_ties, not_tied_y = pairs - y_ties;
  if (not_tied_x == 0 || not_tied_y == 0) return 0.0;
  // C - D = pairs - x_ties - y_ties + joint_ties - 2 D (pairs tied in x or y count in neither).
  const std::int64_t c_minus_d = pairs - x_ties - y_ties + joint_ties - 2 * discordant;
  const double tau = static_cast<double>(c_minus_d) / std::sqrt(static_cast<double>(not_tied_x)) /
                     std::sqrt(static_cast<double>(not_tied_y));
  return std::min(1.0, std::max(-1.0, tau));
}

} // namespace gapscore
