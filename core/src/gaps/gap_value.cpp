// The gap formulas: opportunity score (Ulwick), unrealized value (Evidence-Based
// Management) and the value an item gets for the share of each gap it closes.
#include <cmath>

#include "gaps/gap.hpp"
#include "scoring/ranking.hpp"

namespace gapscore {

double top_two_box(const std::array<double, 5>& counts) {
  const double total = counts[0] + counts[1] + counts[2] + counts[3] + counts[4];
  // Multiply before dividing: 81 of 100 gives exactly 8.1, as people compute it by hand.
  return (counts[3] + counts[4]) * 10 / total;
}

double opportunity_score(double importance, double satisfaction) {
  const double gap = importance - satisfaction;
  return importance + (gap > 0 ? gap : 0);
}

std::string_view opportunity_status(double importance, double satisfaction) {
  if (satisfaction > importance) return "overserved";
  // Compared as the ranking compares scores (40 significant bits): 8.3 + (8.3 - 1.6) is
  // 15.000000000000002 in binary, and is exactly 15 as people compute it.
  const double o = score_key(opportunity_score(importance, satisfaction));
  if (o > 15) return "extremely_underserved";
  if (o > 10) return "underserved";
  return "served";
}

double level_gap(const Outcome& o) {
  if (o.has_levels()) return std::fabs(o.desired - o.current);
  const double gap = o.importance - o.satisfaction;
  return gap > 0 ? gap : 0;
}

double unrealized_value(const GapData& g, std::size_t outcome) {
  const Outcome& o = g.outcomes[outcome];
  return level_gap(o) * g.segments[o.segment].size;
}

double opportunity_weight(const Outcome& o) { return opportunity_score(o.importance, o.satisfaction) / 10; }

double outcome_value(const GapData& g, std::size_t outcome) {
  return unrealized_value(g, outcome) * opportunity_weight(g.outcomes[outcome]);
}

double item_gap_value(const GapData& g, std::size_t item) {
  double v = 0;
  for (const Lift& l : g.lifts[item]) v += l.fraction * outcome_value(g, l.outcome);
  return v;
}

} // namespace gapscore
