// ICE (Sean Ellis): impact × confidence × ease, each on 1-10.
#include "scoring/builtin_models.hpp"
#include "scoring/model_explain.hpp"

namespace gapscore {
namespace {

void score(const Scenario& s, ScoreTable& t) {
  for (Field f : {Field::ice_impact, Field::ice_confidence, Field::ease}) {
    t.term_names.emplace_back(field_name(f));
    t.terms.push_back(s.column(f));
  }
  const auto &i = t.terms[0], &c = t.terms[1], &e = t.terms[2];
  for (std::size_t k = 0; k < s.size(); ++k) {
    t.value[k] = i[k] * c[k];
    t.score[k] = t.value[k] * e[k];
  }
}

GAPSCORE_COLD Json explain(const Scenario&, const ScoreTable& t, std::size_t i) { return explain_product(t, i, 0); }

} // namespace

const ModelInfo& ice_model() {
  static const ModelInfo m = [] {
    ModelInfo m;
    m.id = "ice";
    m.label = "ICE";
    m.variant = "ICE (Sean Ellis)";
    m.formula = "impact × confidence × ease, each 1-10";
    m.source = "Sean Ellis, ICE scoring, GrowthHackers";
    m.required_fields = {Field::ice_impact, Field::ice_confidence, Field::ease};
    m.score = score;
    m.explain = explain;
    m.value_term = "impact × confidence";
    m.shape = ScoreShape::product;
    return m;
  }();
  return m;
}

} // namespace gapscore
