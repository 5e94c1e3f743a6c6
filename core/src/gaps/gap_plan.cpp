// The gap model's part of a plan: what the selection really closes, each gap counted once.
#include "gaps/gap_plan.hpp"

#include <cmath>

#include "document/limits.hpp"
#include "document/sections.hpp"
#include "gaps/gap.hpp"

namespace gapscore {

void gap_plan_closure(const Scenario& s, const std::vector<std::size_t>& selected, Json& out, Diagnostics& diag) {
  const GapData& g = s.sections().gap;
  std::vector<double> claimed(g.outcomes.size(), 0.0);
  for (std::size_t i : selected)
    for (const Lift& l : g.lifts[i]) claimed[l.outcome] += l.fraction;
  double capped = 0, closed_uv = 0, total_uv = 0;
  Json outcomes = Json::array();
  for (std::size_t o = 0; o < g.outcomes.size(); ++o) {
    const double share = claimed[o] < 1 ? claimed[o] : 1;
    capped += share * outcome_value(g, o);
    closed_uv += share * unrealized_value(g, o);
    total_uv += unrealized_value(g, o);
    if (claimed[o] > 0) outcomes.push_back({{"id", g.outcomes[o].id}, {"gap_closed", share}, {"lift_claimed", claimed[o]}});
    if (claimed[o] > 1 + 1e-9)
      diag.warning(pointer("/outcomes", o), code::over_claimed, "the selected items claim " + number_text(std::floor(claimed[o] * 1000 + 0.5) / 10) +
                                                " % of this gap; the plan's value counts each claim, the gap can "
                                                "close only once: the plan is optimal for the summed claims, and "
                                                "another selection may close more (gapscore portfolio counts each gap once)");
  }
  out["gap"] = {{"value_counting_each_gap_once", capped},
                {"unrealized_value_closed", closed_uv},
                {"share_of_unrealized_value_closed", total_uv > 0 ? closed_uv / total_uv : 0.0},
                {"outcomes", outcomes}};
}

} // namespace gapscore
