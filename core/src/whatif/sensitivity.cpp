// Exact weight-sensitivity intervals of the weighted model (the algebra is in
// sensitivity.hpp).
#include "whatif/sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include "gapscore/models.hpp"
#include "scoring/ranking.hpp"

namespace gapscore {
namespace {

/// One end of the interval, as found so far.
struct End {
  double at = 0;
  bool included = true;
  bool bounded = false;
  std::size_t pair = 0;
};

/// Whether a crossing at (at, included) is met before `best` when moving away from the
/// current weight: nearer first; at the same point an excluded end (the flip happens right
/// there) before an included one; otherwise the pair listed first (higher in the ranking).
bool tighter(double at, bool included, const End& best, bool upward) {
  if (!best.bounded) return true;
  if (at != best.at) return upward ? at < best.at : at > best.at;
  return !included && best.included;
}

WeightSensitivity unbounded(std::size_t criterion, double current) {
  WeightSensitivity r;
  r.criterion = criterion;
  r.current = current;
  return r;
}

} // namespace

const ModelInfo& exact_sensitivity_model() {
  for (const ModelInfo& m : models())
    if (m.exact_sensitivity) return m;
  return default_model(); // not reached: the weighted scorecard is built in
}

std::vector<WeightSensitivity> weight_sensitivity(const Scenario& s, const ModelInfo& m, std::size_t top) {
  const std::size_t n = s.size(), nc = s.criteria.size();
  std::vector<WeightSensitivity> out;
  if (n == 0) {
    for (std::size_t k = 0; k < nc; ++k) out.push_back(unbounded(k, s.criteria[k].weight));
    return out;
  }
  const ScoreTable t = score_items(s, m);
  const Ranker ranker(s);
  Ranking now, by_tie_break;
  ranker.rank(t.score, now);
  // Ranked with all scores equal, the order is the tie-break order itself.
  ranker.rank(std::vector<double>(n, 0.0), by_tie_break);
  const std::size_t shown = top == 0 || top > n ? n : top;

  // The pairs that decide the ordered top N: neighbours inside it, and its last item
  // against every item below it. Listed by the rank of the upper, then the lower item.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  for (std::size_t m = 0; m + 1 < shown; ++m) pairs.emplace_back(now.order[m], now.order[m + 1]);
  for (std::size_t q = shown; q < n; ++q) pairs.emplace_back(now.order[shown - 1], now.order[q]);

  // S_i over every criterion; S_i without criterion k is S_i − w_k·v_ik (cheap: O(items)
  // per weight instead of O(items × criteria)).
  std::vector<double> total(n, 0.0);
  for (std::size_t c = 0; c < nc; ++c)
    for (std::size_t i = 0; i < n; ++i) total[i] += s.criteria[c].weight * t.terms[c][i];

  for (std::size_t k = 0; k < nc; ++k) {
    const double w0 = s.criteria[k].weight;
    const std::vector<double>& v = t.terms[k];
    End low, high;
    for (std::size_t p = 0; p < pairs.size(); ++p) {
      const auto [i, j] = pairs[p];
      const double a = v[i] - v[j];
      if (a == 0) continue; // the sign of w·a + b never changes
      const double si = total[i] - w0 * v[i], sj = total[j] - w0 * v[j];
      const double scale = std::fabs(si) + std::fabs(sj);
      double b = si - sj;
      // Near zero the subtraction above is mostly rounding noise, and zero matters: two items
      // equal in every other criterion cross exactly at w = 0. Sum the differences directly,
      // and count what is left within the ranking's tie tolerance (score_key keeps 40
      // significant bits) as a tie, as the ranking at that weight would.
      if (std::fabs(b) <= 1e-9 * scale) {
        b = 0;
        for (std::size_t c = 0; c < nc; ++c)
          if (c != k) b += s.criteria[c].weight * (t.terms[c][i] - t.terms[c][j]);
        if (std::fabs(b) <= 0x1p-36 * scale) b = 0;
      }
      double cross = -b / a;
      if (cross == 0) cross = 0.0; // never print -0
      // A crossing within rounding of the current weight is a tie now (the ranking sees one).
      if (std::fabs(cross - w0) <= 1e-12 * std::max(1.0, w0)) cross = w0;
      bool included = by_tie_break.rank[i] < by_tie_break.rank[j];
      if (a > 0) { // i stays ahead for w above the crossing
        if (cross > w0) cross = w0, included = true; // tied now by the 40-bit comparison
        if (cross < 0 || (cross == 0 && included)) continue;
        if (tighter(cross, included, low, false)) low = {cross, included, true, p};
      } else { // i stays ahead for w below the crossing
        if (cross < w0) cross = w0, included = true;
        if (tighter(cross, included, high, true)) high = {cross, included, true, p};
      }
    }
    WeightSensitivity r = unbounded(k, w0);
    if (low.bounded) {
      r.stable_min = low.at;
      r.min_included = low.included;
      r.flip_below = pairs[low.pair];
    }
    if (high.bounded) {
      r.stable_max = high.at;
      r.max_included = high.included;
      r.flip_above = pairs[high.pair];
    }
    out.push_back(r);
  }
  return out;
}

} // namespace gapscore
