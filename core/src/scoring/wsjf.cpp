// WSJF (SAFe): cost of delay / job size, cost of delay = business value + time criticality
// + risk reduction / opportunity enablement.
#include "scoring/builtin_models.hpp"
#include "scoring/model_explain.hpp"

namespace gapscore {
namespace {

void score(const Scenario& s, ScoreTable& t) {
  for (Field f : {Field::business_value, Field::time_criticality, Field::risk_reduction, Field::job_size}) {
    t.term_names.emplace_back(field_name(f));
    t.terms.push_back(s.column(f));
  }
  const auto &bv = t.terms[0], &tc = t.terms[1], &rr = t.terms[2], &js = t.terms[3];
  t.part_names = {t.term_names[0], t.term_names[1], t.term_names[2]};
  t.parts.assign(3, std::vector<double>(s.size()));
  for (std::size_t k = 0; k < s.size(); ++k) {
    t.value[k] = bv[k] + tc[k] + rr[k]; // cost of delay
    t.score[k] = t.value[k] / js[k];
    t.parts[0][k] = bv[k] / js[k];
    t.parts[1][k] = tc[k] / js[k];
    t.parts[2][k] = rr[k] / js[k];
  }
}

GAPSCORE_COLD Json explain(const Scenario&, const ScoreTable& t, std::size_t i) {
  Json terms = Json::array();
  const double job = t.terms[3][i];
  std::string sum;
  for (std::size_t k = 0; k < 3; ++k) {
    Json j = explain_term(t, k, i, "cost_of_delay");
    j["contribution"] = t.terms[k][i] / job;
    terms.push_back(j);
    sum += (k ? " + " : "") + display_number(t.terms[k][i]);
  }
  terms.push_back(explain_term(t, 3, i, "divisor"));
  return Json{{"terms", terms},
              {"cost_of_delay", t.value[i]},
              {"computation", "(" + sum + ") / " + display_number(job) + " = " + display_number(t.score[i])}};
}

} // namespace

const ModelInfo& wsjf_model() {
  static const ModelInfo m = [] {
    ModelInfo m;
    m.id = "wsjf";
    m.label = "WSJF";
    m.variant = "WSJF (SAFe)";
    m.formula = "cost of delay / job size; cost of delay = business value + time criticality + risk reduction";
    m.source = "Scaled Agile Framework, \"Weighted Shortest Job First\"";
    m.additive = true;
    m.required_fields = {Field::business_value, Field::time_criticality, Field::risk_reduction, Field::job_size};
    m.score = score;
    m.explain = explain;
    m.value_term = "cost of delay (business value + time criticality + risk reduction)";
    m.effort_field = Field::job_size;
    m.shape = ScoreShape::sum_over_divisor;
    return m;
  }();
  return m;
}

} // namespace gapscore
