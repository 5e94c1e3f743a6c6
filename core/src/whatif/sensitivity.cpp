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
  std::vector<std::size_t> ties; ///< every pair crossing at `at`, `pair` among them
};

/// Whether two crossing points are the same point, up to the rounding of -b / a.
bool same_point(double x, double y) { return std::fabs(x - y) <= 1e-12 * std::max(1.0, std::fabs(x)); }

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
  using Pair = std::pair<std::uint32_t, std::uint32_t>;
  std::vector<Pair> ordered;
  for (std::size_t m = 0; m + 1 < shown; ++m) ordered.emplace_back(now.order[m], now.order[m + 1]);
  for (std::size_t q = shown; q < n; ++q) ordered.emplace_back(now.order[shown - 1], now.order[q]);
  // The pairs that decide which items are in the top N: each of them against each item
  // below it (its order inside may change freely).
  std::vector<Pair> membership;
  for (std::size_t m = 0; m < shown; ++m)
    for (std::size_t q = shown; q < n; ++q) membership.emplace_back(now.order[m], now.order[q]);

  // S_i over every criterion; S_i without criterion k is S_i − w_k·v_ik (cheap: O(items)
  // per weight instead of O(items × criteria)).
  std::vector<double> total(n, 0.0);
  for (std::size_t c = 0; c < nc; ++c)
    for (std::size_t i = 0; i < n; ++i) total[i] += s.criteria[c].weight * t.terms[c][i];

  // The interval of weight k in which every pair keeps its order: the nearest crossing below
  // and above the current weight.
  // Which of several pairs crossing at one point really swap the top N's members, as the
  // weight moves past it: there every item involved has the same score, and just past the
  // point their term v_ik orders them (a larger one rises as the weight grows), then the
  // tie-break. At w = 0 nothing lies past: the tie-break orders them at the point itself.
  // The lowest such member leaves; the highest such outsider enters.
  auto exchange_at = [&](std::size_t k, const std::vector<Pair>& pairs, const End& end, bool upward) {
    const std::vector<double>& v = t.terms[k];
    const bool past = upward || end.at > 0;
    auto above = [&](std::uint32_t x, std::uint32_t y) { // x above y once the swap happened
      if (past && v[x] != v[y]) return upward ? v[x] > v[y] : v[x] < v[y];
      return by_tie_break.rank[x] < by_tie_break.rank[y];
    };
    Pair out = pairs[end.pair];
    for (std::size_t p : end.ties) { // every pair crossing at the point, the end's own among them
      if (above(out.first, pairs[p].first)) out.first = pairs[p].first;   // a lower member
      if (above(pairs[p].second, out.second)) out.second = pairs[p].second; // a higher outsider
    }
    return out;
  };

  auto interval = [&](std::size_t k, const std::vector<Pair>& pairs, bool membership) {
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
        const bool same = low.bounded && same_point(cross, low.at);
        if (tighter(cross, included, low, false)) {
          if (!same) low.ties.clear();
          low = {cross, included, true, p, std::move(low.ties)};
        }
        if (same || low.pair == p) low.ties.push_back(p);
      } else { // i stays ahead for w below the crossing
        if (cross < w0) cross = w0, included = true;
        const bool same = high.bounded && same_point(cross, high.at);
        if (tighter(cross, included, high, true)) {
          if (!same) high.ties.clear();
          high = {cross, included, true, p, std::move(high.ties)};
        }
        if (same || high.pair == p) high.ties.push_back(p);
      }
    }
    WeightInterval r;
    if (low.bounded) {
      r.min = low.at;
      r.min_included = low.included;
      r.flip_below = membership ? exchange_at(k, pairs, low, false) : pairs[low.pair];
    }
    if (high.bounded) {
      r.max = high.at;
      r.max_included = high.included;
      r.flip_above = membership ? exchange_at(k, pairs, high, true) : pairs[high.pair];
    }
    return r;
  };

  for (std::size_t k = 0; k < nc; ++k) {
    WeightSensitivity r = unbounded(k, s.criteria[k].weight);
    const WeightInterval o = interval(k, ordered, false);
    r.stable_min = o.min;
    r.min_included = o.min_included;
    r.stable_max = o.max;
    r.max_included = o.max_included;
    r.flip_below = o.flip_below;
    r.flip_above = o.flip_above;
    r.same_items = interval(k, membership, true);
    out.push_back(r);
  }
  return out;
}

} // namespace gapscore
