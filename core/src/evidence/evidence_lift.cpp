// Realized lift: how much of an outcome's gap a released item did close, measured between the
// last measurement strictly before its release day and the first one on or after the release
// day plus the outcome's effect lag. The same "fraction of the gap" unit as the predicted lift
// (gap.hpp), so the two compare directly; with a margin on both measurements, the 95 %
// interval of that fraction too. Only + − × ÷ and √, so native and WebAssembly agree.
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "evidence/evidence.hpp"

namespace gapscore {
namespace {

/// The change between two measurements in the direction that closes the gap, and the gap at
/// `before`; false with a reason when there was no gap left to close.
bool window_change(const Outcome& o, const Measurement& before, const Measurement& after, double& change, double& gap,
                   std::string& why) {
  if (before.kind == MeasureKind::current) {
    // Which way is better: towards the desired level from where the document says the outcome
    // stands (a time or a rate may have to fall); from the level before release if those agree.
    double direction = o.desired > o.current ? 1 : o.desired < o.current ? -1 : 0;
    if (direction == 0) direction = o.desired > before.value ? 1 : -1;
    gap = direction * (o.desired - before.value);
    if (!(gap > 0)) {
      why = "the level before the release (" + number_text(before.value) + ") had already reached the desired " +
            number_text(o.desired) + ": no gap left to close";
      return false;
    }
    change = direction * (after.value - before.value);
    return true;
  }
  gap = o.importance - before.value;
  if (!(gap > 0)) {
    why = "the satisfaction before the release (" + number_text(before.value) + ") already met the importance " +
          number_text(o.importance) + ": no gap left to close";
    return false;
  }
  change = after.value - before.value;
  return true;
}

std::string days_text(std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

} // namespace

std::vector<RealizedLift> realized_lifts(const GapData& g, const EvidenceData& e, std::int64_t default_lag) {
  std::vector<RealizedLift> rows;
  const std::vector<DayNumber>& released = e.released.values(); // empty when no item is released
  for (std::size_t i = 0; i < released.size(); ++i) {
    const DayNumber day = released[i];
    if (day == kNoDay) continue;
    for (const Lift& l : g.lifts[i]) {
      RealizedLift r;
      r.item = i;
      r.outcome = l.outcome;
      r.predicted = l.fraction;
      const std::int64_t own = l.outcome < e.lag_days.size() ? e.lag_days[l.outcome] : kNoLag;
      r.lag_given = own != kNoLag || default_lag != kNoLag;
      r.lag = own != kNoLag ? own : default_lag != kNoLag ? default_lag : 0;
      const Outcome& o = g.outcomes[l.outcome];
      const auto& history = e.by_outcome[l.outcome];
      const auto first_on_or_after = [&](DayNumber d) {
        return std::lower_bound(history.begin(), history.end(), d,
                                [&](std::size_t k, DayNumber x) { return e.measurements[k].day < x; });
      };
      const auto baseline_end = first_on_or_after(day); // before = the one just before this
      const DayNumber effect_day = day + r.lag;
      const auto after = first_on_or_after(effect_day);
      const std::string released = " the release on " + format_day(day);
      const std::string waited = r.lag > 0 ? " + " + days_text(r.lag) + " of lag (" + format_day(effect_day) + ")" : "";
      if (history.empty()) {
        r.reason = "outcome \"" + o.id + "\" has no measurements: nothing before" + released + " to compare with";
        r.reason_code = kNoBaseline;
      } else if (baseline_end == history.begin()) {
        r.reason = "no measurement of \"" + o.id + "\" before" + released + " (the first is on " +
                   format_day(e.measurements[history.front()].day) + ")";
        r.reason_code = kNoBaseline;
      } else if (after == history.end()) {
        r.reason = "no measurement of \"" + o.id + "\" on or after" + released + waited + " (the last is on " +
                   format_day(e.measurements[history.back()].day) + ")";
        r.reason_code = kNoAfter;
      } else {
        r.before = *(baseline_end - 1);
        r.after = *after;
        const Measurement& b = e.measurements[*r.before];
        const Measurement& a = e.measurements[*r.after];
        r.early = !r.lag_given && a.day - day < kEarlyDays;
        double change = 0, gap = 0;
        if (window_change(o, b, a, change, gap, r.reason)) {
          r.window = change / gap;
          // se = margin / 1.96 on each side, so 1.96 × √(se_b² + se_a²) = √(margin_b² + margin_a²).
          if (!is_missing(b.margin) && !is_missing(a.margin)) {
            const double half = std::sqrt(b.margin * b.margin + a.margin * a.margin);
            r.window_low = (change - half) / gap;
            r.window_high = (change + half) / gap;
          }
        } else {
          r.reason_code = kNoGap;
        }
      }
      rows.push_back(std::move(r));
    }
  }

  // Items released in the same window of the same outcome split its change in proportion to
  // their predicted lifts (the only estimate of their relative effect there is).
  for (const LiftWindow& w : lift_windows(rows)) {
    for (std::size_t k : w.rows) {
      RealizedLift& r = rows[k];
      r.share = w.rows.size() == 1 ? 1.0 : r.predicted / w.predicted;
      r.realized = w.rows.size() == 1 ? r.window : r.window * r.share;
      if (!is_missing(r.window_low)) {
        r.low = w.rows.size() == 1 ? r.window_low : r.window_low * r.share;
        r.high = w.rows.size() == 1 ? r.window_high : r.window_high * r.share;
      }
      for (std::size_t other : w.rows)
        if (other != k) r.shared_with.push_back(rows[other].item);
    }
  }
  return rows;
}

std::vector<LiftWindow> lift_windows(const std::vector<RealizedLift>& rows) {
  std::vector<LiftWindow> windows;
  std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::size_t> index;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const RealizedLift& r = rows[k];
    if (is_missing(r.window)) continue;
    const auto [it, added] = index.try_emplace({r.outcome, *r.before, *r.after}, windows.size());
    if (added) {
      LiftWindow w;
      w.outcome = r.outcome;
      w.before = *r.before;
      w.after = *r.after;
      w.realized = r.window;
      w.low = r.window_low;
      w.high = r.window_high;
      windows.push_back(std::move(w));
    }
    LiftWindow& w = windows[it->second];
    w.rows.push_back(k);
    w.predicted += r.predicted;
  }
  for (LiftWindow& w : windows) w.ratio = w.realized / w.predicted;
  return windows;
}

} // namespace gapscore
