// TOPSIS (Hwang & Yoon 1981): closeness to the ideal item over weighted, vector-normalized
// criteria. Always vector normalization, whatever the document says; a criterion's direction
// decides which end is ideal.
#include <cmath>

#include "scoring/builtin_models.hpp"
#include "scoring/criteria.hpp"
#include "scoring/model_explain.hpp"

namespace gapscore {
namespace {

std::vector<double> term(const Scenario& s, std::size_t c) { return vector_normalized(s.criterion_values(c)); }

void combine(const Scenario& s, ScoreTable& t) {
  t.term_weights = weight_shares(s.criteria);
  topsis_closeness(s, t.terms, t.term_weights, t.score);
  t.value = t.score;
}

void score(const Scenario& s, ScoreTable& t) { score_criteria(topsis_model(), s, t); }

GAPSCORE_COLD Json explain(const Scenario& s, const ScoreTable& t, std::size_t i) {
  Json terms = Json::array();
  double dplus = 0, dminus = 0;
  for (std::size_t c = 0; c < t.terms.size(); ++c) {
    const Criterion& crit = s.criteria[c];
    const bool cost = crit.direction == Direction::cost;
    const double w = t.term_weights[c];
    double best = 0, worst = 0;
    for (std::size_t k = 0; k < s.size(); ++k) {
      const double v = w * t.terms[c][k];
      if (k == 0 || (cost ? v < best : v > best)) best = v;
      if (k == 0 || (cost ? v > worst : v < worst)) worst = v;
    }
    const double v = w * t.terms[c][i];
    dplus += (v - best) * (v - best);
    dminus += (v - worst) * (v - worst);
    terms.push_back(Json{{"term", crit.id},
                         {"name", crit.name},
                         {"direction", cost ? "cost" : "benefit"},
                         {"raw", s.criterion_values(c)[i]},
                         {"normalized", t.terms[c][i]},
                         {"weight_share", w},
                         {"weighted", v},
                         {"ideal", best},
                         {"anti_ideal", worst}});
  }
  const double p = std::sqrt(dplus), m = std::sqrt(dminus);
  return Json{{"terms", terms},
              {"distance_to_ideal", p},
              {"distance_to_anti_ideal", m},
              {"computation", display_number(m) + " / (" + display_number(p) + " + " + display_number(m) +
                                  ") = " + display_number(t.score[i])}};
}

} // namespace

const ModelInfo& topsis_model() {
  static const ModelInfo m = [] {
    ModelInfo m;
    m.id = "topsis";
    m.label = "TOPSIS";
    m.variant = "TOPSIS (Hwang & Yoon), vector normalization";
    m.formula = "closeness = d⁻ / (d⁺ + d⁻) to the ideal and anti-ideal items over weighted, vector-normalized criteria";
    m.source = "C.-L. Hwang and K. Yoon, Multiple Attribute Decision Making, Springer, 1981";
    m.needs_criteria = true;
    m.score = score;
    m.explain = explain;
    m.criterion_term = term;
    m.combine = combine;
    m.value_term = "TOPSIS closeness";
    m.shape = ScoreShape::weighted_terms;
    return m;
  }();
  return m;
}

} // namespace gapscore
