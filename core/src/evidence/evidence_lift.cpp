// Realized lift: how much of an outcome's gap a released item did close, measured between the
// last measurement strictly before its release day and the first one on or after it. The
// same "fraction of the gap" unit as the predicted lift (gap.hpp), so the two compare directly.
#include <algorithm>
#include <map>
#include <tuple>

#include "evidence/evidence.hpp"

namespace gapscore {
namespace {

/// The fraction of the gap at `before` that was closed by `after`; kMissing with a reason
/// when there was no gap left to close.
double window_fraction(const Outcome& o, const Measurement& before, const Measurement& after, std::string& why) {
  if (before.kind == MeasureKind::current) {
    // Which way is better: towards the desired level from where the document says the outcome
    // stands (a time or a rate may have to fall); from the level before release if those agree.
    double direction = o.desired > o.current ? 1 : o.desired < o.current ? -1 : 0;
    if (direction == 0) direction = o.desired > before.value ? 1 : -1;
    const double gap = direction * (o.desired - before.value);
    if (!(gap > 0)) {
      why = "the level before the release (" + number_text(before.value) + ") had already reached the desired " +
            number_text(o.desired) + ": no gap left to close";
      return kMissing;
    }
    return direction * (after.value - before.value) / gap;
  }
  const double gap = o.importance - before.value;
  if (!(gap > 0)) {
    why = "the satisfaction before the release (" + number_text(before.value) + ") already met the importance " +
          number_text(o.importance) + ": no gap left to close";
    return kMissing;
  }
  return (after.value - before.value) / gap;
}

} // namespace

std::vector<RealizedLift> realized_lifts(const GapData& g, const EvidenceData& e) {
  std::vector<RealizedLift> rows;
  for (std::size_t i = 0; i < e.released.size() && i < g.lifts.size(); ++i) {
    const DayNumber day = e.released[i];
    if (day == kNoDay) continue;
    for (const Lift& l : g.lifts[i]) {
      RealizedLift r;
      r.item = i;
      r.outcome = l.outcome;
      r.predicted = l.fraction;
      const Outcome& o = g.outcomes[l.outcome];
      const auto& history = e.by_outcome[l.outcome];
      const auto after = std::lower_bound(history.begin(), history.end(), day, [&](std::size_t k, DayNumber d) {
        return e.measurements[k].day < d;
      });
      const std::string released = " the release on " + format_day(day);
      if (history.empty()) {
        r.reason = "outcome \"" + o.id + "\" has no measurements";
      } else if (after == history.begin()) {
        r.reason = "no measurement of \"" + o.id + "\" before" + released + " (the first is on " +
                   format_day(e.measurements[history.front()].day) + ")";
      } else if (after == history.end()) {
        r.reason = "no measurement of \"" + o.id + "\" on or after" + released + " (the last is on " +
                   format_day(e.measurements[history.back()].day) + ")";
      } else {
        r.before = *(after - 1);
        r.after = *after;
        r.window = window_fraction(o, e.measurements[*r.before], e.measurements[*r.after], r.reason);
      }
      rows.push_back(std::move(r));
    }
  }

  // Items released in the same window of the same outcome split its change in proportion to
  // their predicted lifts (the only estimate of their relative effect there is).
  std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::vector<std::size_t>> windows;
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (!is_missing(rows[k].window)) windows[{rows[k].outcome, *rows[k].before, *rows[k].after}].push_back(k);
  for (const auto& [key, members] : windows) {
    (void)key;
    double predicted = 0;
    for (std::size_t k : members) predicted += rows[k].predicted;
    for (std::size_t k : members) {
      RealizedLift& r = rows[k];
      r.share = members.size() == 1 ? 1.0 : r.predicted / predicted;
      r.realized = members.size() == 1 ? r.window : r.window * r.share;
      for (std::size_t other : members)
        if (other != k) r.shared_with.push_back(rows[other].item);
    }
  }
  return rows;
}

} // namespace gapscore
