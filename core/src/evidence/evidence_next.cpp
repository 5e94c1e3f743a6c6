// What to measure next: an item can only be calibrated when its outcome was measured shortly
// before its release. Outcomes that planned or in-progress work will lift and whose last
// measurement is missing or stale need a baseline now; released items that never had one are
// named, so the next release on their outcome does not repeat it.
#include <algorithm>

#include "evidence/evidence.hpp"

namespace gapscore {

DayNumber latest_day(const EvidenceData& e) {
  DayNumber last = kNoDay;
  for (const Measurement& m : e.measurements) last = std::max(last, m.day);
  for (DayNumber d : e.released.values())
    if (d != kNoDay) last = std::max(last, d);
  return last;
}

MeasureNext measure_next(const GapData& g, const EvidenceData& e, const std::vector<RealizedLift>& rows,
                         DayNumber as_of, std::int64_t stale_days) {
  MeasureNext next;
  next.as_of = as_of;
  next.stale_days = stale_days;
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (rows[k].reason_code == kNoBaseline) next.no_baseline.push_back(k);

  // One pass over the items and one over the rows, so the work is linear in the document.
  std::vector<std::vector<std::size_t>> waiting(g.outcomes.size()), missing_baseline(g.outcomes.size());
  for (std::size_t i = 0; i < e.status.values().size(); ++i) { // none when no item has a status
    const bool upcoming =
        e.released[i] == kNoDay && (e.status[i] == ItemStatus::planned || e.status[i] == ItemStatus::in_progress);
    if (upcoming)
      for (const Lift& l : g.lifts[i]) waiting[l.outcome].push_back(i);
  }
  for (std::size_t k : next.no_baseline) missing_baseline[rows[k].outcome].push_back(k);

  for (std::size_t o = 0; o < g.outcomes.size(); ++o) {
    if (waiting[o].empty()) continue;
    MeasureNextEntry entry;
    entry.outcome = o;
    // The last measurement on or before as_of.
    const auto& history = e.by_outcome[o];
    const auto end = std::upper_bound(history.begin(), history.end(), as_of,
                                      [&](DayNumber d, std::size_t k) { return d < e.measurements[k].day; });
    if (end != history.begin()) {
      entry.last = *(end - 1);
      entry.days_since = as_of - e.measurements[*entry.last].day;
      if (entry.days_since <= stale_days) continue; // fresh enough to be the next release's baseline
    }
    entry.waiting = std::move(waiting[o]);
    entry.no_baseline = std::move(missing_baseline[o]);
    next.outcomes.push_back(std::move(entry));
  }
  return next;
}

} // namespace gapscore
