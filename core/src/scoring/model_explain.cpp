#include "scoring/model_explain.hpp"

namespace gapscore {

Json explain_term(const ScoreTable& t, std::size_t k, std::size_t i, const char* role) {
  return Json{{"term", t.term_names[k]}, {"value", t.terms[k][i]}, {"role", role}};
}

Json explain_product(const ScoreTable& t, std::size_t i, std::size_t divisors) {
  Json terms = Json::array();
  std::string factors_text, divisors_text;
  const std::size_t factors = t.terms.size() - divisors;
  for (std::size_t k = 0; k < t.terms.size(); ++k) {
    const bool divisor = k >= factors;
    terms.push_back(explain_term(t, k, i, divisor ? "divisor" : "factor"));
    std::string& text = divisor ? divisors_text : factors_text;
    if (!text.empty()) text += " × ";
    text += display_number(t.terms[k][i]);
  }
  std::string computation =
      factors_text + (divisors ? " / " + divisors_text : "") + " = " + display_number(t.score[i]);
  return Json{{"terms", terms}, {"computation", computation}};
}

} // namespace gapscore
