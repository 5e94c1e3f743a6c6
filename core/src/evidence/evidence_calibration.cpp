// Calibration: across released items, how the realized lift compares with the predicted one,
// overall, per team and per tag; and the confidence that history suggests for new estimates.
// Only + − × ÷ and sorting, so native and WebAssembly agree to the last bit.
#include <algorithm>
#include <map>

#include "evidence/evidence.hpp"

namespace gapscore {
namespace {

/// One item's measured lifts summed over its outcomes.
struct ItemHistory {
  std::size_t item = 0;
  std::size_t lifts = 0;
  double predicted = 0, realized = 0;
};

/// The quantile at p = num / den by linear interpolation at position (n − 1) × p, with the
/// position split into whole and fractional parts in integers (exact for quartiles).
double quantile(const std::vector<double>& sorted, std::size_t num, std::size_t den) {
  const std::size_t scaled = (sorted.size() - 1) * num;
  const std::size_t lo = scaled / den;
  const double frac = static_cast<double>(scaled % den) / static_cast<double>(den);
  if (frac == 0 || lo + 1 >= sorted.size()) return sorted[lo];
  return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
}

CalibrationGroup group_of(std::string key, const std::vector<const ItemHistory*>& members) {
  CalibrationGroup c;
  c.key = std::move(key);
  std::vector<double> ratios;
  for (const ItemHistory* h : members) {
    c.items += 1;
    c.lifts += h->lifts;
    c.predicted += h->predicted;
    c.realized += h->realized;
    ratios.push_back(h->realized / h->predicted);
  }
  if (c.items == 0) return c;
  c.ratio = c.realized / c.predicted;
  c.spread = spread_of(std::move(ratios));
  c.suggested_confidence = suggested_confidence(c.ratio, c.items);
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

double suggested_confidence(double ratio, std::size_t items) {
  const double r = ratio < 0 ? 0 : ratio > 1 ? 1 : ratio;
  const double n = static_cast<double>(items);
  return (n * r + 1) / (n + 2);
}

Calibration calibrate(const std::vector<RealizedLift>& rows, const std::vector<ItemInfo>& items,
                      const std::vector<std::string>& teams) {
  // Per item, in document order (rows are in item order already).
  std::vector<ItemHistory> history;
  for (const RealizedLift& r : rows) {
    if (is_missing(r.realized)) continue;
    if (history.empty() || history.back().item != r.item) history.push_back({r.item, 0, 0, 0});
    ItemHistory& h = history.back();
    h.lifts += 1;
    h.predicted += r.predicted;
    h.realized += r.realized;
  }
  Calibration c;
  std::vector<const ItemHistory*> all;
  std::vector<std::string> team_order, tag_order;
  std::map<std::string, std::vector<const ItemHistory*>> by_team, by_tag;
  for (const ItemHistory& h : history) {
    all.push_back(&h);
    const std::string& team = h.item < teams.size() ? teams[h.item] : std::string();
    if (!team.empty()) {
      auto& list = by_team[team];
      if (list.empty()) team_order.push_back(team);
      list.push_back(&h);
    }
    if (h.item < items.size())
      for (const std::string& tag : items[h.item].tags) {
        auto& list = by_tag[tag];
        if (!list.empty() && list.back() == &h) continue; // a tag listed twice
        if (list.empty()) tag_order.push_back(tag);
        list.push_back(&h);
      }
  }
  c.overall = group_of("", all);
  for (const std::string& t : team_order) c.by_team.push_back(group_of(t, by_team[t]));
  for (const std::string& t : tag_order) c.by_tag.push_back(group_of(t, by_tag[t]));
  return c;
}

} // namespace gapscore
