// RICE (Sean McBride, Intercom, 2016): reach × impact × confidence / effort.
#include "scoring/builtin_models.hpp"
#include "scoring/model_explain.hpp"

namespace gapscore {
namespace {

void score(const Scenario& s, ScoreTable& t) {
  for (Field f : {Field::reach, Field::impact, Field::confidence, Field::effort}) {
    t.term_names.emplace_back(field_name(f));
    t.terms.push_back(s.column(f));
  }
  const auto &r = t.terms[0], &i = t.terms[1], &c = t.terms[2], &e = t.terms[3];
  for (std::size_t k = 0; k < s.size(); ++k) {
    t.value[k] = r[k] * i[k] * c[k];
    t.score[k] = t.value[k] / e[k];
  }
}

GAPSCORE_COLD Json explain(const Scenario&, const ScoreTable& t, std::size_t i) { return explain_product(t, i, 1); }

} // namespace

const ModelInfo& rice_model() {
  static const ModelInfo m = [] {
    ModelInfo m;
    m.id = "rice";
    m.label = "RICE";
    m.variant = "RICE (Intercom)";
    m.formula = "reach × impact × confidence / effort";
    m.source = "Sean McBride, \"RICE: Simple prioritization for product managers\", Intercom blog, 2016";
    m.required_fields = {Field::reach, Field::impact, Field::confidence, Field::effort};
    m.score = score;
    m.explain = explain;
    m.value_term = "reach × impact × confidence";
    m.shape = ScoreShape::product;
    m.divisors = 1;
    m.evidence_confidence = EvidenceConfidence::confidence;
    return m;
  }();
  return m;
}

} // namespace gapscore
