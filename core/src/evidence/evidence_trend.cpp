// Gap over time: the customers' unrealized value (gap.hpp) on each measurement day, per outcome
// and in total, each outcome counting its latest measurement so far. Outcomes count their gaps
// in their own units, so "we closed 38 % of the gap this year" is the customers-weighted share
// of each outcome's own gap closed; the plain sum is only meaningful when the units agree.
#include <algorithm>

#include "evidence/evidence.hpp"

namespace gapscore {

GapTrend gap_trend(const GapData& g, const EvidenceData& e, DayNumber from, DayNumber to) {
  GapTrend t;
  for (const Measurement& m : e.measurements)
    if ((from == kNoDay || m.day >= from) && (to == kNoDay || m.day <= to)) t.days.push_back(m.day);
  if (from != kNoDay) t.days.push_back(from);
  if (to != kNoDay) t.days.push_back(to);
  std::sort(t.days.begin(), t.days.end());
  t.days.erase(std::unique(t.days.begin(), t.days.end()), t.days.end());

  const std::size_t n = t.days.size(), outcomes = g.outcomes.size();
  t.total.assign(n, 0.0);
  t.measured_total.assign(n, 0.0);
  t.by_outcome.assign(outcomes, {});
  for (std::size_t o = 0; o < outcomes; ++o) {
    static const std::vector<std::size_t> kNone;
    const auto& history = o < e.by_outcome.size() ? e.by_outcome[o] : kNone;
    if (history.empty()) {
      t.unmeasured.push_back(o);
      t.unmeasured_value += unrealized_value(g, o);
      continue;
    }
    auto& row = t.by_outcome[o];
    row.resize(n);
    std::size_t k = 0; // the latest measurement on or before the day (the first before any)
    for (std::size_t d = 0; d < n; ++d) {
      while (k + 1 < history.size() && e.measurements[history[k + 1]].day <= t.days[d]) ++k;
      row[d] = measured_unrealized_value(g, e.measurements[history[k]]);
    }
  }
  // Totals summed in outcome order on every day, so each day's sum is exact and reproducible
  // (an incrementally updated total would carry earlier rounding into later days).
  for (std::size_t d = 0; d < n; ++d) {
    double measured = 0;
    for (std::size_t o = 0; o < outcomes; ++o)
      if (!t.by_outcome[o].empty()) measured += t.by_outcome[o][d];
    t.measured_total[d] = measured;
    t.total[d] = measured + t.unmeasured_value;
  }

  // One unit in the headline: each outcome's value as a share of its own on the first day
  // (unitless), weighted by its segment's customers. Outcomes without a gap on the first day
  // have no share and no weight; unmeasured ones keep their whole gap (share 1) throughout.
  double measured_weight = 0, unmeasured_weight = 0;
  for (std::size_t o = 0; o < outcomes; ++o) {
    const double customers = g.segments[g.outcomes[o].segment].size;
    if (t.by_outcome[o].empty()) {
      if (unrealized_value(g, o) > 0) unmeasured_weight += customers;
    } else if (n > 0 && t.by_outcome[o][0] > 0) {
      measured_weight += customers;
    }
  }
  const double weight = measured_weight + unmeasured_weight;
  t.gap_share.assign(n, kMissing);
  t.measured_gap_share.assign(n, kMissing);
  for (std::size_t d = 0; d < n; ++d) {
    double weighted = 0;
    for (std::size_t o = 0; o < outcomes; ++o) {
      const auto& row = t.by_outcome[o];
      if (!row.empty() && row[0] > 0) weighted += g.segments[g.outcomes[o].segment].size * (row[d] / row[0]);
    }
    if (measured_weight > 0) t.measured_gap_share[d] = weighted / measured_weight;
    if (weight > 0) t.gap_share[d] = (weighted + unmeasured_weight) / weight;
  }
  return t;
}

std::string gap_unit(const Outcome& o) {
  if (!o.has_levels()) return "satisfaction points";
  return o.unit.empty() ? "level points" : o.unit;
}

} // namespace gapscore
