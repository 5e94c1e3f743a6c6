// Normalization, weight shares and the combinations the criteria models share.
#include "scoring/criteria.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace gapscore {
namespace {

double scale_low(const Criterion& c, const std::vector<double>& x) {
  return c.has_scale() ? c.scale_min : *std::min_element(x.begin(), x.end());
}
double scale_high(const Criterion& c, const std::vector<double>& x) {
  return c.has_scale() ? c.scale_max : *std::max_element(x.begin(), x.end());
}

} // namespace

std::vector<double> vector_normalized(const std::vector<double>& x) {
  double sq = 0, largest = 0;
  for (double v : x) {
    sq += v * v;
    largest = std::max(largest, std::fabs(v));
  }
  std::vector<double> r(x.size(), 0.0);
  if (largest == 0) return r;
  // Squares beyond about 1e154 overflow and below about 1e-154 vanish (or lose digits as
  // subnormals): then every value is divided by the largest first, as hypot does, so scores
  // of 1e155 and 3e155 still give 0.316 and 0.949 instead of zeros and a false tie. Inputs
  // with ordinary squares keep the direct formula, bit for bit.
  if (!std::isfinite(sq) || sq < std::numeric_limits<double>::min()) {
    double scaled = 0;
    for (double v : x) scaled += (v / largest) * (v / largest);
    const double norm = std::sqrt(scaled);
    for (std::size_t i = 0; i < x.size(); ++i) r[i] = x[i] / largest / norm;
    return r;
  }
  const double norm = std::sqrt(sq);
  for (std::size_t i = 0; i < x.size(); ++i) r[i] = x[i] / norm;
  return r;
}

std::vector<double> weight_shares(const std::vector<Criterion>& criteria) {
  double total = 0;
  for (const auto& c : criteria) total += c.weight;
  std::vector<double> shares(criteria.size(), 0.0);
  if (total > 0)
    for (std::size_t c = 0; c < criteria.size(); ++c) shares[c] = criteria[c].weight / total;
  return shares;
}

std::vector<double> normalize_criterion(const Scenario& s, std::size_t ci) {
  const Criterion& c = s.criteria[ci];
  const std::vector<double>& x = s.criterion_values(ci);
  std::vector<double> out(x.size(), 0.0);
  if (x.empty()) return out;
  const bool cost = c.direction == Direction::cost;
  switch (s.normalization) {
  case Normalization::minmax: {
    const double lo = scale_low(c, x), hi = scale_high(c, x);
    for (std::size_t i = 0; i < x.size(); ++i)
      out[i] = hi == lo ? 1.0 : (cost ? (hi - x[i]) / (hi - lo) : (x[i] - lo) / (hi - lo));
    break;
  }
  case Normalization::max: {
    double m = 0;
    if (c.has_scale()) m = std::max(std::fabs(c.scale_min), std::fabs(c.scale_max));
    else for (double v : x) m = std::max(m, std::fabs(v));
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double r = m == 0 ? 0.0 : x[i] / m;
      out[i] = cost ? 1.0 - r : r;
    }
    break;
  }
  case Normalization::vector: {
    out = vector_normalized(x);
    if (cost)
      for (double& v : out) v = 1.0 - v;
    break;
  }
  case Normalization::none:
    for (std::size_t i = 0; i < x.size(); ++i) out[i] = cost ? -x[i] : x[i];
    break;
  }
  return out;
}

void combine_weighted(ScoreTable& t) {
  std::fill(t.score.begin(), t.score.end(), 0.0);
  t.part_names = t.term_names;
  t.parts.resize(t.terms.size());
  for (std::size_t c = 0; c < t.terms.size(); ++c) {
    const double w = t.term_weights[c];
    const auto& col = t.terms[c];
    auto& part = t.parts[c];
    part.resize(col.size());
    for (std::size_t i = 0; i < col.size(); ++i) {
      part[i] = w * col[i];
      t.score[i] += part[i];
    }
  }
  t.value = t.score;
}

void topsis_closeness(const Scenario& s, const std::vector<std::vector<double>>& normalized,
                      const std::vector<double>& shares, std::vector<double>& score) {
  const std::size_t n = score.size();
  std::vector<double> dplus(n, 0.0), dminus(n, 0.0);
  for (std::size_t c = 0; c < normalized.size(); ++c) {
    const bool cost = s.criteria[c].direction == Direction::cost;
    const double w = shares[c];
    double best = 0, worst = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double v = w * normalized[c][i];
      if (i == 0 || (cost ? v < best : v > best)) best = v;
      if (i == 0 || (cost ? v > worst : v < worst)) worst = v;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double v = w * normalized[c][i];
      dplus[i] += (v - best) * (v - best);
      dminus[i] += (v - worst) * (v - worst);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double p = std::sqrt(dplus[i]), m = std::sqrt(dminus[i]);
    score[i] = p + m == 0 ? 0.5 : m / (p + m); // every item identical: halfway by convention
  }
}

void score_criteria(const ModelInfo& m, const Scenario& s, ScoreTable& t) {
  for (std::size_t c = 0; c < s.criteria.size(); ++c) {
    t.term_names.push_back(s.criteria[c].id);
    t.terms.push_back(m.criterion_term(s, c));
  }
  m.combine(s, t);
}

} // namespace gapscore
