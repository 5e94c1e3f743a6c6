// The scoring models and their registry. Each formula is the published one (docs/models.md
// cites the sources); every model fills the same column-wise ScoreTable.
#include "gapscore/models.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "gaps/gap_model.hpp"
#include "scoring/finite_scores.hpp"
#include "scoring/model_explain.hpp"
#include "stakeholders/stakeholder_model.hpp"

namespace gapscore {
namespace {

void terms_from_fields(const Scenario& s, ScoreTable& t, std::initializer_list<Field> fs) {
  for (Field f : fs) {
    t.term_names.emplace_back(field_name(f));
    t.terms.push_back(s.column(f));
  }
}

void score_rice(const Scenario& s, ScoreTable& t) {
  terms_from_fields(s, t, {Field::reach, Field::impact, Field::confidence, Field::effort});
  const auto &r = t.terms[0], &i = t.terms[1], &c = t.terms[2], &e = t.terms[3];
  for (std::size_t k = 0; k < s.size(); ++k) {
    t.value[k] = r[k] * i[k] * c[k];
    t.score[k] = t.value[k] / e[k];
  }
}

void score_ice(const Scenario& s, ScoreTable& t) {
  terms_from_fields(s, t, {Field::ice_impact, Field::ice_confidence, Field::ease});
  const auto &i = t.terms[0], &c = t.terms[1], &e = t.terms[2];
  for (std::size_t k = 0; k < s.size(); ++k) {
    t.value[k] = i[k] * c[k];
    t.score[k] = t.value[k] * e[k];
  }
}

void score_wsjf(const Scenario& s, ScoreTable& t) {
  terms_from_fields(s, t, {Field::business_value, Field::time_criticality, Field::risk_reduction,
                           Field::job_size});
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

void score_value_effort(const Scenario& s, ScoreTable& t) {
  terms_from_fields(s, t, {Field::value, Field::effort});
  for (std::size_t k = 0; k < s.size(); ++k) {
    t.value[k] = t.terms[0][k];
    t.score[k] = t.terms[0][k] / t.terms[1][k];
  }
}

std::vector<double> vector_normalized(const std::vector<double>& x) {
  double sq = 0, largest = 0;
  for (double v : x) {
    sq += v * v;
    largest = std::max(largest, std::fabs(v));
  }
  std::vector<double> r(x.size(), 0.0);
  if (largest == 0) return r;
  // Squares beyond about 1e154 overflow and below about 1e-154 vanish (or lose digits as
  // subnormals): then every value is divided by the largest first, as hypot does, so scores
  // of 1e155 and 3e155 still give 0.316 and 0.949 instead of zeros and a false tie. Inputs
  // with ordinary squares keep the direct formula, bit for bit.
  if (!std::isfinite(sq) || sq < std::numeric_limits<double>::min()) {
    double scaled = 0;
    for (double v : x) scaled += (v / largest) * (v / largest);
    const double norm = std::sqrt(scaled);
    for (std::size_t i = 0; i < x.size(); ++i) r[i] = x[i] / largest / norm;
    return r;
  }
  const double norm = std::sqrt(sq);
  for (std::size_t i = 0; i < x.size(); ++i) r[i] = x[i] / norm;
  return r;
}

void criteria_terms(const Scenario& s, ScoreTable& t) {
  for (std::size_t c = 0; c < s.criteria.size(); ++c) {
    t.term_names.push_back(s.criteria[c].id);
    t.terms.push_back(normalize_criterion(s, c));
  }
  t.term_weights = weight_shares(s.criteria);
}

void score_weighted(const Scenario& s, ScoreTable& t) {
  criteria_terms(s, t);
  combine_weighted(t);
}

void score_topsis(const Scenario& s, ScoreTable& t) {
  // TOPSIS always uses vector normalization r = x / ||x|| (Hwang & Yoon 1981), whatever the
  // document says; direction decides which end is ideal, not the normalized value.
  for (std::size_t c = 0; c < s.criteria.size(); ++c) {
    t.term_names.push_back(s.criteria[c].id);
    t.terms.push_back(vector_normalized(s.scores[c]));
  }
  t.term_weights = weight_shares(s.criteria);
  topsis_closeness(s, t.terms, t.term_weights, t.score);
  t.value = t.score;
}

double scale_low(const Criterion& c, const std::vector<double>& x) {
  return c.has_scale() ? c.scale_min : *std::min_element(x.begin(), x.end());
}
double scale_high(const Criterion& c, const std::vector<double>& x) {
  return c.has_scale() ? c.scale_max : *std::max_element(x.begin(), x.end());
}

} // namespace

const std::vector<ModelInfo>& models() {
  static const std::vector<ModelInfo> all = {
      {"rice", "RICE (Intercom)", "reach × impact × confidence / effort",
       "Sean McBride, \"RICE: Simple prioritization for product managers\", Intercom blog, 2016",
       false, {Field::reach, Field::impact, Field::confidence, Field::effort}, false, score_rice, explain_rice},
      {"ice", "ICE (Sean Ellis)", "impact × confidence × ease, each 1-10",
       "Sean Ellis, ICE scoring, GrowthHackers", false,
       {Field::ice_impact, Field::ice_confidence, Field::ease}, false, score_ice, explain_ice},
      {"wsjf", "WSJF (SAFe)",
       "cost of delay / job size; cost of delay = business value + time criticality + risk reduction",
       "Scaled Agile Framework, \"Weighted Shortest Job First\"", true,
       {Field::business_value, Field::time_criticality, Field::risk_reduction, Field::job_size}, false,
       score_wsjf, explain_wsjf},
      {"value_effort", "Value / effort ratio", "value / effort",
       "value-vs-effort 2x2 matrix (quick wins, big bets, fill-ins, money pits)", false,
       {Field::value, Field::effort}, false, score_value_effort, explain_value_effort},
      {"weighted", "Weighted scorecard", "sum over criteria of (weight / total weight) × normalized score",
       "weighted sum model (Fishburn 1967); normalization as stated in the document", true, {}, true,
       score_weighted, explain_weighted},
      {"topsis", "TOPSIS (Hwang & Yoon), vector normalization",
       "closeness = d⁻ / (d⁺ + d⁻) to the ideal and anti-ideal items over weighted, vector-normalized criteria",
       "C.-L. Hwang and K. Yoon, Multiple Attribute Decision Making, Springer, 1981", false, {}, true,
       score_topsis, explain_topsis},
      {"gap", "Gap value per effort (ODI opportunity × EBM unrealized value)",
       "Σ over outcomes (lift × unrealized value × opportunity / 10) / effort",
       "A. W. Ulwick, What Customers Want (2005); Scrum.org, Evidence-Based Management Guide (2020)", true,
       {Field::effort}, false, score_gap, explain_gap, validate_gap},
      {"stakeholder", "Stakeholder ratings, aggregated (mean, median or influence-weighted)",
       "aggregate of the stakeholders' ratings of the item (document's stakeholder_aggregation: mean by default)",
       "ratings per stakeholder (docs/models.md, \"Stakeholders\"); influence-weighted = weighted arithmetic mean",
       true, {}, false, score_stakeholder, explain_stakeholder, validate_stakeholder},
  };
  return all;
}

std::string model_variant(const ModelInfo& m, const Scenario& s) {
  if (m.id != "weighted") return std::string(m.variant);
  return std::string(m.variant) + " (" + std::string(normalization_name(s.normalization)) + " normalization)";
}

const ModelInfo* find_model(std::string_view id) {
  for (const auto& m : models())
    if (m.id == id) return &m;
  return nullptr;
}

std::string model_list() {
  std::string out;
  for (const auto& m : models()) {
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
        diag.error(pointer(pointer("/items", i), field_name(f)),
                   "missing: model " + std::string(m.id) + " needs " + std::string(m.formula));
    }
  }
  if (m.validate) m.validate(s, diag);
  if (!m.needs_criteria) return;
  if (s.criteria.empty()) {
    diag.error("/criteria", "missing: model " + std::string(m.id) + " scores items against criteria");
    return;
  }
  for (std::size_t c = 0; c < s.criteria.size(); ++c) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (is_missing(s.scores[c][i]))
        diag.error(pointer(pointer(pointer("/items", i), "scores"), s.criteria[c].id),
                   "missing: model " + std::string(m.id) + " needs a score for every criterion");
    }
  }
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

std::vector<double> weight_shares(const std::vector<Criterion>& criteria) {
  double total = 0;
  for (const auto& c : criteria) total += c.weight;
  std::vector<double> shares(criteria.size(), 0.0);
  if (total > 0)
    for (std::size_t c = 0; c < criteria.size(); ++c) shares[c] = criteria[c].weight / total;
  return shares;
}

std::vector<double> normalize_criterion(const Scenario& s, std::size_t ci) {
  const Criterion& c = s.criteria[ci];
  const std::vector<double>& x = s.scores[ci];
  std::vector<double> out(x.size(), 0.0);
  if (x.empty()) return out;
  const bool cost = c.direction == Direction::cost;
  switch (s.normalization) {
  case Normalization::minmax: {
    const double lo = scale_low(c, x), hi = scale_high(c, x);
    for (std::size_t i = 0; i < x.size(); ++i)
      out[i] = hi == lo ? 1.0 : (cost ? (hi - x[i]) / (hi - lo) : (x[i] - lo) / (hi - lo));
    break;
  }
  case Normalization::max: {
    double m = 0;
    if (c.has_scale()) m = std::max(std::fabs(c.scale_min), std::fabs(c.scale_max));
    else for (double v : x) m = std::max(m, std::fabs(v));
    for (std::size_t i = 0; i < x.size(); ++i) {
      const double r = m == 0 ? 0.0 : x[i] / m;
      out[i] = cost ? 1.0 - r : r;
    }
    break;
  }
  case Normalization::vector: {
    out = vector_normalized(x);
    if (cost)
      for (double& v : out) v = 1.0 - v;
    break;
  }
  case Normalization::none:
    for (std::size_t i = 0; i < x.size(); ++i) out[i] = cost ? -x[i] : x[i];
    break;
  }
  return out;
}

void combine_weighted(ScoreTable& t) {
  std::fill(t.score.begin(), t.score.end(), 0.0);
  t.part_names = t.term_names;
  t.parts.resize(t.terms.size());
  for (std::size_t c = 0; c < t.terms.size(); ++c) {
    const double w = t.term_weights[c];
    const auto& col = t.terms[c];
    auto& part = t.parts[c];
    part.resize(col.size());
    for (std::size_t i = 0; i < col.size(); ++i) {
      part[i] = w * col[i];
      t.score[i] += part[i];
    }
  }
  t.value = t.score;
}

void topsis_closeness(const Scenario& s, const std::vector<std::vector<double>>& normalized,
                      const std::vector<double>& shares, std::vector<double>& score) {
  const std::size_t n = score.size();
  std::vector<double> dplus(n, 0.0), dminus(n, 0.0);
  for (std::size_t c = 0; c < normalized.size(); ++c) {
    const bool cost = s.criteria[c].direction == Direction::cost;
    const double w = shares[c];
    double best = 0, worst = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double v = w * normalized[c][i];
      if (i == 0 || (cost ? v < best : v > best)) best = v;
      if (i == 0 || (cost ? v > worst : v < worst)) worst = v;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double v = w * normalized[c][i];
      dplus[i] += (v - best) * (v - best);
      dminus[i] += (v - worst) * (v - worst);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const double p = std::sqrt(dplus[i]), m = std::sqrt(dminus[i]);
    score[i] = p + m == 0 ? 0.5 : m / (p + m); // every item identical: halfway by convention
  }
}

std::string_view quadrant(double value, double effort, double value_threshold,
                          double effort_threshold) {
  const bool high_value = value >= value_threshold;
  const bool high_effort = effort > effort_threshold;
  if (high_value) return high_effort ? "big_bet" : "quick_win";
  return high_effort ? "money_pit" : "fill_in";
}

} // namespace gapscore
