// The "gap" model: how much opportunity-weighted unrealized value an item closes, per effort.
//   value(item) = Σ over the outcomes it lifts of lift × unrealized value × opportunity / 10
//   score(item) = value / effort
// docs/models.md ("Gap scoring") gives the definitions and their sources.
#include "gaps/gap_model.hpp"

#include <cmath>
#include <set>

#include "document/sections.hpp"
#include "gaps/gap.hpp"
#include "gaps/gap_plan.hpp"

namespace gapscore {

namespace {

void score_gap(const Scenario& s, ScoreTable& t) {
  const GapData& g = s.sections().gap;
  const auto& effort = s.column(Field::effort);
  const std::size_t n = s.size();
  t.term_names = {"gap_value", "effort"};
  t.terms.assign(2, std::vector<double>(n, 0.0));
  // One stacked-bar part per outcome, while that stays readable and small (parts are a dense
  // outcomes × items table); beyond kMaxParts outcomes the parts are left empty.
  constexpr std::size_t kMaxParts = 64;
  const bool with_parts = g.outcomes.size() <= kMaxParts;
  t.part_names.clear();
  t.parts.clear();
  if (with_parts) {
    for (const Outcome& o : g.outcomes) t.part_names.push_back(o.id);
    t.parts.assign(g.outcomes.size(), std::vector<double>(n, 0.0));
  }
  std::vector<double> worth(g.outcomes.size());
  for (std::size_t o = 0; o < worth.size(); ++o) worth[o] = outcome_value(g, o);
  for (std::size_t i = 0; i < n; ++i) {
    double v = 0;
    for (const Lift& l : g.lifts[i]) {
      const double c = l.fraction * worth[l.outcome];
      v += c;
      if (with_parts) t.parts[l.outcome][i] += c / effort[i];
    }
    t.value[i] = v;
    t.score[i] = v / effort[i];
    t.terms[0][i] = v;
    t.terms[1][i] = effort[i];
  }
}

Json explain_gap(const Scenario& s, const ScoreTable& t, std::size_t i) {
  const GapData& g = s.sections().gap;
  Json outcomes = Json::array();
  std::string sum;
  std::set<std::size_t> segments;
  for (const Lift& l : g.lifts[i]) {
    const Outcome& o = g.outcomes[l.outcome];
    const Segment& seg = g.segments[o.segment];
    const double uv = unrealized_value(g, l.outcome);
    const double w = opportunity_weight(o);
    Json row = {{"outcome", o.id},
                {"name", o.name},
                {"segment", seg.id},
                {"customers", seg.size},
                {"importance", o.importance},
                {"satisfaction", o.satisfaction},
                {"opportunity", opportunity_score(o.importance, o.satisfaction)},
                {"status", opportunity_status(o.importance, o.satisfaction)},
                {"weight", w},
                {"gap", level_gap(o)},
                {"unrealized_value", uv},
                {"lift", l.fraction},
                {"value", l.fraction * outcome_value(g, l.outcome)}};
    outcomes.push_back(std::move(row));
    segments.insert(o.segment);
    sum += (sum.empty() ? "" : " + ") + display_number(l.fraction) + " × " + display_number(uv) + " × " +
           display_number(w);
  }
  double reached = 0;
  for (std::size_t k : segments) reached += g.segments[k].size;
  const Json terms = Json::array({Json{{"term", "gap_value"}, {"value", t.value[i]}, {"role", "factor"}},
                                  Json{{"term", "effort"}, {"value", t.terms[1][i]}, {"role", "divisor"}}});
  const std::string value_text = sum.empty() ? "0" : (g.lifts[i].size() > 1 ? "(" + sum + ")" : sum);
  return Json{{"terms", terms},
              {"outcomes", outcomes},
              {"customers_reached", reached},
              {"computation", value_text + " / " + display_number(t.terms[1][i]) + " = " + display_number(t.score[i])},
              {"reading", "each outcome: lift (share of its gap closed) × unrealized value × opportunity / 10"}};
}

/// The inputs the gap model needs beyond effort: outcomes in the document and an
/// "outcomes" list (maybe empty) on every item.
void validate_gap(const Scenario& s, Diagnostics& diag) {
  const GapData& g = s.sections().gap;
  if (g.outcomes.empty()) {
    diag.error("/outcomes", code::missing_input, "missing: model gap scores items by the customer outcomes they improve");
    return;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool listed = g.lists_outcomes[i];
    if (!listed)
      diag.error(pointer(pointer("/items", i), "outcomes"), code::missing_input,
                 "missing: model gap needs the outcomes this item improves, as [{\"outcome\", \"lift\"}] "
                 "([] if none)");
  }
}

} // namespace

const ModelInfo& gap_model() {
  static const ModelInfo m = [] {
    ModelInfo m;
    m.id = "gap";
    m.label = "Customer gap";
    m.variant = "Gap value per effort (ODI opportunity × EBM unrealized value)";
    m.formula = "Σ over outcomes (lift × unrealized value × opportunity / 10) / effort";
    m.source = "A. W. Ulwick, What Customers Want (2005); Scrum.org, Evidence-Based Management Guide (2020)";
    m.additive = true;
    m.required_fields = {Field::effort};
    m.other_inputs = "its outcomes";
    m.score = score_gap;
    m.explain = explain_gap;
    m.validate = validate_gap;
    m.value_term = "gap value (Σ lift × unrealized value × opportunity / 10)";
    m.plan_extras = gap_plan_closure;
    m.evidence_confidence = EvidenceConfidence::lifts;
    m.shape = ScoreShape::sum_over_divisor; // terms: gap value, effort
    return m;
  }();
  return m;
}

} // namespace gapscore
