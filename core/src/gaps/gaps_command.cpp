// gapscore gaps: every customer outcome with its opportunity score (Ulwick), status and
// unrealized value (Evidence-Based Management), biggest opportunity first.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "gaps/commands.hpp"
#include "document/sections.hpp"
#include "gaps/gap.hpp"
#include "scoring/ranking.hpp"
#include "commands/request.hpp"

namespace gapscore {

Json command_gaps(Request& r) {
  auto s = r.load();
  if (!s) return nullptr;
  const GapData& g = s->sections().gap;
  if (g.outcomes.empty()) {
    r.diag.error("/outcomes", code::missing_input, "missing: list the customer outcomes, with their segment, importance and "
                              "satisfaction");
    return nullptr;
  }
  const std::size_t m = g.outcomes.size();
  std::vector<double> opportunity(m), uv(m), claimed(m, 0.0);
  std::vector<std::vector<std::string>> lifted_by(m);
  double total = 0;
  std::size_t with_levels = 0;
  for (std::size_t o = 0; o < m; ++o) {
    opportunity[o] = opportunity_score(g.outcomes[o].importance, g.outcomes[o].satisfaction);
    uv[o] = unrealized_value(g, o);
    total += uv[o];
    with_levels += g.outcomes[o].has_levels();
  }
  for (std::size_t i = 0; i < s->size(); ++i)
    for (const Lift& l : g.lifts[i]) {
      claimed[l.outcome] += l.fraction;
      lifted_by[l.outcome].push_back(s->items[i].id);
    }
  if (with_levels && with_levels < m)
    for (std::size_t o = 0; o < m; ++o)
      if (!g.outcomes[o].has_levels())
        r.diag.warning(pointer("/outcomes", o), code::mixed_units, "no current/desired levels: its unrealized value uses "
                                                "importance − satisfaction, which may not share the other "
                                                "outcomes' unit");
  for (std::size_t o = 0; o < m; ++o)
    if (claimed[o] > 1 + 1e-9)
      r.diag.warning(pointer("/outcomes", o), code::over_claimed,
                     "items claim " + number_text(std::floor(claimed[o] * 1000 + 0.5) / 10) + " % of this gap; together they can "
                     "close at most all of it (the portfolio counts it once)");

  // Biggest opportunity first; then the larger unrealized value; then document order.
  std::vector<std::size_t> order(m);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // score_key: 9.1 + (9.1 − 3.4) and 8.9 + (8.9 − 3) both mean 14.8; rounding noise must not order them.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const double ka = score_key(opportunity[a]), kb = score_key(opportunity[b]);
    if (ka != kb) return ka > kb;
    return uv[a] > uv[b];
  });

  Json rows = Json::array();
  for (std::size_t k = 0; k < m; ++k) {
    const std::size_t o = order[k];
    const Outcome& out = g.outcomes[o];
    const Segment& seg = g.segments[out.segment];
    Json row = {{"rank", k + 1},
                {"id", out.id},
                {"name", out.name},
                {"segment", seg.id},
                {"customers", seg.size},
                {"importance", out.importance},
                {"satisfaction", out.satisfaction},
                {"opportunity", opportunity[o]},
                {"status", opportunity_status(out.importance, out.satisfaction)}};
    if (out.importance_source == RatingSource::survey || out.satisfaction_source == RatingSource::survey)
      row["ratings_from"] = {{"importance", out.importance_source == RatingSource::survey ? "survey" : "given"},
                             {"satisfaction", out.satisfaction_source == RatingSource::survey ? "survey" : "given"}};
    if (out.has_levels()) {
      row["current"] = out.current;
      row["desired"] = out.desired;
    }
    row["gap"] = level_gap(out);
    row["unrealized_value"] = uv[o];
    row["share_of_unrealized_value"] = total > 0 ? uv[o] / total : 0.0;
    row["lift_claimed"] = claimed[o];
    row["lifted_by"] = lifted_by[o];
    rows.push_back(std::move(row));
  }

  Json segments = Json::array();
  for (std::size_t k = 0; k < g.segments.size(); ++k) {
    double seg_uv = 0;
    for (std::size_t o = 0; o < m; ++o)
      if (g.outcomes[o].segment == k) seg_uv += uv[o];
    segments.push_back({{"id", g.segments[k].id},
                        {"name", g.segments[k].name},
                        {"size", g.segments[k].size},
                        {"unrealized_value", seg_uv}});
  }

  Json out = Json::object();
  out["variant"] = kOpportunityVariant;
  out["formula"] = kOpportunityFormula;
  out["unrealized_value_formula"] = kUnrealizedValueFormula;
  out["unrealized_value_unit"] = "level points × customers";
  out["status_thresholds"] = "extremely_underserved > 15, underserved > 10, overserved: satisfaction > importance";
  out["outcomes"] = std::move(rows);
  out["segments"] = std::move(segments);
  out["total_unrealized_value"] = total;
  return out;
}

const CommandSpec& gaps_command() {
  static const CommandSpec spec{"gaps", "customer outcomes: opportunity score, status and unrealized value", {}, command_gaps, render_gaps_table, nullptr, "table"};
  return spec;
}

} // namespace gapscore
