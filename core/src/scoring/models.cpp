// The model registry: one line per model (each model is one file that fills a ModelInfo),
// and what every command does with a model: check its inputs, score, name its variant.
#include "gapscore/models.hpp"

#include <algorithm>
#include <deque>

#include "gaps/gap_model.hpp"
#include "scoring/builtin_models.hpp"
#include "scoring/finite_scores.hpp"
#include "scoring/scored.hpp"
#include "stakeholders/stakeholder_model.hpp"

namespace gapscore {
namespace {

std::vector<std::reference_wrapper<const ModelInfo>>& registry() {
  static std::vector<std::reference_wrapper<const ModelInfo>> all = {
      rice_model(), ice_model(), wsjf_model(), value_effort_model(), weighted_model(), topsis_model(),
      gap_model(), stakeholder_model(),
  };
  return all;
}

} // namespace

const std::vector<std::reference_wrapper<const ModelInfo>>& models() { return registry(); }

const ModelInfo* find_model(std::string_view id) {
  for (const ModelInfo& m : models())
    if (m.id == id) return &m;
  return nullptr;
}

const ModelInfo& default_model() { return models().front(); }

bool register_model(ModelInfo model) {
  if (model.id.empty() || find_model(model.id) || !model.score || !model.explain) return false;
  if ((model.criterion_term == nullptr) != (model.combine == nullptr)) return false;
  static std::deque<ModelInfo> registered; // a deque never moves what it holds
  registered.push_back(std::move(model));
  registry().push_back(registered.back());
  return true;
}

std::string model_variant(const ModelInfo& m, const Scenario& s) {
  if (!m.uses_normalization) return std::string(m.variant);
  if (s.normalization == Normalization::none) return std::string(m.variant) + " (without normalization)";
  return std::string(m.variant) + " (" + std::string(normalization_name(s.normalization)) + " normalization)";
}

std::string model_list() {
  std::string out;
  for (const ModelInfo& m : models()) {
    if (!out.empty()) out += ", ";
    out += m.id;
  }
  return out;
}

namespace {
void check_inputs_present(const Scenario& s, const ModelInfo& m, Diagnostics& diag) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (Field f : m.required_fields) {
      if (is_missing(s.column(f)[i]))
        diag.error(pointer(pointer("/items", i), field_name(f)), code::missing_input,
                   "missing: model " + std::string(m.id) + " needs " + std::string(m.formula));
    }
  }
  if (m.validate) m.validate(s, diag);
  if (!m.needs_criteria) return;
  if (s.criteria.empty()) {
    diag.error("/criteria", code::missing_input, "missing: model " + std::string(m.id) + " scores items against criteria");
    return;
  }
  for (std::size_t c = 0; c < s.criteria.size(); ++c) {
    const Criterion& crit = s.criteria[c];
    const bool from_field = crit.source == CriterionSource::field;
    const std::vector<double>& values = s.criterion_values(c);
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!is_missing(values[i])) continue;
      if (from_field) // the field is what the item lacks: name it
        diag.error(pointer(pointer("/items", i), field_name(crit.field)), code::missing_input,
                   "missing: model " + std::string(m.id) + " needs every item's " + std::string(field_name(crit.field)) +
                       " (criterion " + describe(Json(crit.id)) + " takes its values from it)");
      else
        diag.error(pointer(pointer(pointer("/items", i), "scores"), crit.id), code::missing_input,
                   "missing: model " + std::string(m.id) + " needs a score for every criterion");
    }
  }
  // Allowed (a reader may drag every weight to 0), but the ranking then says nothing: every
  // item gets the same score (0 by the weighted scorecard, 0.5 by TOPSIS).
  const bool all_zero = std::all_of(s.criteria.begin(), s.criteria.end(), [](const Criterion& c) { return c.weight == 0; });
  if (m.reads_weights() && all_zero)
    diag.warning("/criteria", code::unusual_value,
                 "every weight is 0: every item scores the same under " + std::string(m.label) +
                     ", and only the tie-break (MoSCoW, then id) orders them; give a criterion a weight above 0");
}
} // namespace

void check_model_inputs(const Scenario& s, const ModelInfo& m, Diagnostics& diag) {
  const std::size_t errors_before = diag.errors().size();
  check_inputs_present(s, m, diag);
  // Finite inputs can still overflow in the formula (reach 1e300 × impact 3): score once
  // and turn any infinity or NaN into an error naming the item (finite_scores.hpp).
  if (diag.errors().size() == errors_before) check_finite_scores(s, m, score_items(s, m), diag);
}

ScoreTable score_items(const Scenario& s, const ModelInfo& m) {
  ScoreTable t;
  t.score.assign(s.size(), 0.0);
  t.value.assign(s.size(), 0.0);
  m.score(s, t);
  return t;
}

Json row_terms(const ModelInfo& m, const ScoreTable& t, std::size_t item) {
  Json out = Json::object();
  const bool contributions = m.needs_criteria && !t.term_weights.empty();
  for (std::size_t k = 0; k < t.terms.size(); ++k)
    out[t.term_names[k]] = contributions ? t.term_weights[k] * t.terms[k][item] : t.terms[k][item];
  return out;
}

std::string_view quadrant(double value, double effort, double value_threshold,
                          double effort_threshold) {
  const bool high_value = value >= value_threshold;
  const bool high_effort = effort > effort_threshold;
  if (high_value) return high_effort ? "big_bet" : "quick_win";
  return high_effort ? "money_pit" : "fill_in";
}

} // namespace gapscore
