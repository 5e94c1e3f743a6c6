// Calibration: across released items, how the realized lift compares with the predicted one,
// overall, per team and per tag; and the confidence that history suggests for new estimates.
// The observations are windows: items released between the same two measurements of an
// outcome share one change, so they count once in n and in the spread.
// Only + − × ÷ and sorting, so native and WebAssembly agree to the last bit.
#include <algorithm>
#include <map>

#include "evidence/evidence.hpp"

namespace gapscore {
namespace {

/// The quantile at p = num / den by linear interpolation at position (n − 1) × p, with the
/// position split into whole and fractional parts in integers (exact for quartiles).
double quantile(const std::vector<double>& sorted, std::size_t num, std::size_t den) {
  const std::size_t scaled = (sorted.size() - 1) * num;
  const std::size_t lo = scaled / den;
  const double frac = static_cast<double>(scaled % den) / static_cast<double>(den);
  if (frac == 0 || lo + 1 >= sorted.size()) return sorted[lo];
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

/// A group of item × outcome rows (all with a realized lift), in row order: sums over the
/// rows, counts of the distinct items and windows, the spread of the windows' ratios.
CalibrationGroup group_of(std::string key, const std::vector<std::size_t>& members, const std::vector<RealizedLift>& rows,
                          const std::vector<std::size_t>& window_of, const std::vector<LiftWindow>& windows,
                          const ConfidencePrior& prior) {
  CalibrationGroup c;
  c.key = std::move(key);
  std::vector<bool> item_seen, window_seen(windows.size(), false);
  std::vector<double> ratios;
  for (std::size_t k : members) {
    const RealizedLift& r = rows[k];
    c.lifts += 1;
    c.predicted += r.predicted;
    c.realized += r.realized;
    if (r.item >= item_seen.size()) item_seen.resize(r.item + 1, false);
    if (!item_seen[r.item]) {
      item_seen[r.item] = true;
      c.items += 1;
    }
    const std::size_t w = window_of[k];
    if (!window_seen[w]) {
      window_seen[w] = true;
      c.windows += 1;
      ratios.push_back(windows[w].ratio);
    }
  }
  if (c.windows == 0) return c;
  c.ratio = c.realized / c.predicted;
  c.spread = spread_of(std::move(ratios));
  c.suggested = suggested_confidence(c.ratio, c.windows, prior);
  return c;
}

} // namespace

Spread spread_of(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  Spread s;
  s.min = values.front();
  s.max = values.back();
  s.q1 = quantile(values, 1, 4);
  s.median = quantile(values, 1, 2);
  s.q3 = quantile(values, 3, 4);
  return s;
}

ConfidenceSuggestion suggested_confidence(double ratio, std::size_t windows, const ConfidencePrior& prior) {
  const double n = static_cast<double>(windows);
  const double raw = (n * ratio + prior.items * prior.ratio) / (n + prior.items);
  ConfidenceSuggestion s;
  s.value = raw > 1 ? 1 : raw < 0 ? 0 : raw;
  s.capped = s.value != raw;
  return s;
}

Calibration calibrate(const std::vector<RealizedLift>& rows, const std::vector<ItemInfo>& items,
                      const PerItem<std::string>& teams, const ConfidencePrior& prior) {
  const std::vector<LiftWindow> windows = lift_windows(rows);
  std::vector<std::size_t> window_of(rows.size(), 0);
  for (std::size_t w = 0; w < windows.size(); ++w)
    for (std::size_t k : windows[w].rows) window_of[k] = w;

  // Rows with a realized lift, in row order (items in document order), grouped.
  Calibration c;
  c.prior = prior;
  std::vector<std::size_t> all;
  std::vector<std::string> team_order, tag_order;
  std::map<std::string, std::vector<std::size_t>> by_team, by_tag;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const RealizedLift& r = rows[k];
    if (is_missing(r.realized)) continue;
    all.push_back(k);
    const std::string& team = teams[r.item];
    if (!team.empty()) {
      auto& list = by_team[team];
      if (list.empty()) team_order.push_back(team);
      list.push_back(k);
    }
    if (r.item < items.size())
      for (const std::string& tag : items[r.item].tags) {
        auto& list = by_tag[tag];
        if (!list.empty() && list.back() == k) continue; // a tag listed twice
        if (list.empty()) tag_order.push_back(tag);
        list.push_back(k);
      }
  }
  c.overall = group_of("", all, rows, window_of, windows, prior);
  for (const std::string& t : team_order) c.by_team.push_back(group_of(t, by_team[t], rows, window_of, windows, prior));
  for (const std::string& t : tag_order) c.by_tag.push_back(group_of(t, by_tag[t], rows, window_of, windows, prior));
  return c;
}

} // namespace gapscore
