#include "scoring/model_explain.hpp"

#include <cmath>

namespace gapscore {
namespace {

std::string num(double x) { return display_number(x); }

Json term(const ScoreTable& t, std::size_t k, std::size_t i, const char* role) {
  return Json{{"term", t.term_names[k]}, {"value", t.terms[k][i]}, {"role", role}};
}

/// Explanation for the product/quotient models: factors multiply, divisors divide.
Json explain_product(const ScoreTable& t, std::size_t i, std::size_t divisors) {
  Json terms = Json::array();
  std::string factors_text, divisors_text;
  const std::size_t factors = t.terms.size() - divisors;
  for (std::size_t k = 0; k < t.terms.size(); ++k) {
    const bool divisor = k >= factors;
    terms.push_back(term(t, k, i, divisor ? "divisor" : "factor"));
    std::string& text = divisor ? divisors_text : factors_text;
    if (!text.empty()) text += " × ";
    text += num(t.terms[k][i]);
  }
  std::string computation = factors_text + (divisors ? " / " + divisors_text : "") + " = " + num(t.score[i]);
  return Json{{"terms", terms}, {"computation", computation}};
}

} // namespace

Json explain_rice(const Scenario&, const ScoreTable& t, std::size_t i) { return explain_product(t, i, 1); }
Json explain_ice(const Scenario&, const ScoreTable& t, std::size_t i) { return explain_product(t, i, 0); }

Json explain_value_effort(const Scenario&, const ScoreTable& t, std::size_t i) {
  return explain_product(t, i, 1);
}

Json explain_wsjf(const Scenario&, const ScoreTable& t, std::size_t i) {
  Json terms = Json::array();
  const double job = t.terms[3][i];
  std::string sum;
  for (std::size_t k = 0; k < 3; ++k) {
    Json j = term(t, k, i, "cost_of_delay");
    j["contribution"] = t.terms[k][i] / job;
    terms.push_back(j);
    sum += (k ? " + " : "") + num(t.terms[k][i]);
  }
  terms.push_back(term(t, 3, i, "divisor"));
  return Json{{"terms", terms},
              {"cost_of_delay", t.value[i]},
              {"computation", "(" + sum + ") / " + num(job) + " = " + num(t.score[i])}};
}

Json explain_weighted(const Scenario& s, const ScoreTable& t, std::size_t i) {
  Json terms = Json::array();
  std::string sum;
  for (std::size_t c = 0; c < t.terms.size(); ++c) {
    const Criterion& crit = s.criteria[c];
    const double contribution = t.term_weights[c] * t.terms[c][i];
    terms.push_back(Json{{"term", crit.id},
                         {"name", crit.name},
                         {"direction", crit.direction == Direction::cost ? "cost" : "benefit"},
                         {"raw", s.scores[c][i]},
                         {"normalized", t.terms[c][i]},
                         {"weight", crit.weight},
                         {"weight_share", t.term_weights[c]},
                         {"contribution", contribution}});
    sum += (c ? " + " : "") + num(t.term_weights[c]) + " × " + num(t.terms[c][i]);
  }
  return Json{{"terms", terms},
              {"normalization", normalization_name(s.normalization)},
              {"computation", sum + " = " + num(t.score[i])}};
}

Json explain_topsis(const Scenario& s, const ScoreTable& t, std::size_t i) {
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
                         {"raw", s.scores[c][i]},
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
              {"computation", num(m) + " / (" + num(p) + " + " + num(m) + ") = " + num(t.score[i])}};
}

} // namespace gapscore
