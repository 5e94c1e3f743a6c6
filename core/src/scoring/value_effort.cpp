// Value / effort, and the 2×2 value-vs-effort matrix (quick wins, big bets, fill-ins, money
// pits) that `rank` shows with it.
#include "scoring/builtin_models.hpp"
#include "scoring/model_explain.hpp"

namespace gapscore {
namespace {

void score(const Scenario& s, ScoreTable& t) {
  for (Field f : {Field::value, Field::effort}) {
    t.term_names.emplace_back(field_name(f));
    t.terms.push_back(s.column(f));
  }
  for (std::size_t k = 0; k < s.size(); ++k) {
    t.value[k] = t.terms[0][k];
    t.score[k] = t.terms[0][k] / t.terms[1][k];
  }
}

GAPSCORE_COLD Json explain(const Scenario&, const ScoreTable& t, std::size_t i) { return explain_product(t, i, 1); }

} // namespace

const ModelInfo& value_effort_model() {
  static const ModelInfo m = [] {
    ModelInfo m;
    m.id = "value_effort";
    m.label = "Value / effort";
    m.variant = "Value / effort ratio";
    m.formula = "value / effort";
    m.source = "value-vs-effort 2x2 matrix (quick wins, big bets, fill-ins, money pits)";
    m.required_fields = {Field::value, Field::effort};
    m.score = score;
    m.explain = explain;
    m.value_term = "value";
    m.shape = ScoreShape::product;
    m.divisors = 1;
    m.quadrants = true;
    return m;
  }();
  return m;
}

} // namespace gapscore
