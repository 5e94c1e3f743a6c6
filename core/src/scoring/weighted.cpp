// The weighted scorecard (weighted sum model, Fishburn 1967): Σ (weight / total weight) ×
// normalized score, normalized as the document says (criteria.hpp).
#include "scoring/builtin_models.hpp"
#include "scoring/criteria.hpp"
#include "scoring/model_explain.hpp"

namespace gapscore {
namespace {

void combine(const Scenario& s, ScoreTable& t) {
  t.term_weights = weight_shares(s.criteria);
  combine_weighted(t);
}

void score(const Scenario& s, ScoreTable& t) { score_criteria(weighted_model(), s, t); }

GAPSCORE_COLD Json explain(const Scenario& s, const ScoreTable& t, std::size_t i) {
  Json terms = Json::array();
  std::string sum;
  for (std::size_t c = 0; c < t.terms.size(); ++c) {
    const Criterion& crit = s.criteria[c];
    const double contribution = t.term_weights[c] * t.terms[c][i];
    terms.push_back(Json{{"term", crit.id},
                         {"name", crit.name},
                         {"direction", crit.direction == Direction::cost ? "cost" : "benefit"},
                         {"raw", s.criterion_values(c)[i]},
                         {"normalized", t.terms[c][i]},
                         {"weight", crit.weight},
                         {"weight_share", t.term_weights[c]},
                         {"contribution", contribution}});
    sum += (c ? " + " : "") + display_number(t.term_weights[c]) + " × " + display_number(t.terms[c][i]);
  }
  return Json{{"terms", terms},
              {"normalization", normalization_name(s.normalization)},
              {"computation", sum + " = " + display_number(t.score[i])}};
}

} // namespace

const ModelInfo& weighted_model() {
  static const ModelInfo m = [] {
    ModelInfo m;
    m.id = "weighted";
    m.label = "Weighted scorecard";
    m.variant = "Weighted scorecard";
    m.formula = "sum over criteria of (weight / total weight) × normalized score";
    m.source = "weighted sum model (Fishburn 1967); normalization as stated in the document";
    m.additive = true;
    m.needs_criteria = true;
    m.score = score;
    m.explain = explain;
    m.criterion_term = normalize_criterion;
    m.combine = combine;
    m.exact_sensitivity = true;
    m.uses_normalization = true;
    m.value_term = "weighted score";
    return m;
  }();
  return m;
}

} // namespace gapscore
