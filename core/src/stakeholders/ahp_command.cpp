// gapscore ahp: criteria weights from the document's pairwise comparisons (Saaty's AHP), with
// lambda_max, the consistency index and ratio, and the judgements to revisit first.
#include "stakeholders/commands.hpp"
#include "document/sections.hpp"
#include "stakeholders/ahp_section.hpp"
#include "commands/request.hpp"

namespace gapscore {

Json command_ahp(Request& r) {
  auto s = r.load();
  if (!s) return nullptr;
  const auto& ahp = s->sections().ahp;
  if (!ahp) {
    r.diag.error("/ahp", code::missing_input, "missing: {\"criteria\": [ids], \"comparisons\": [[a, b, r], ...]} where a is r times "
                         "as important as b (Saaty's scale 1/9..9)");
    return nullptr;
  }
  const AhpResult res = ahp_weights(ahp_matrix(*ahp));
  const bool applied = s->weights_from_ahp;

  Json out = Json::object();
  Json weights = Json::object();
  for (std::size_t p = 0; p < ahp->criteria.size(); ++p) weights[ahp->criteria[p]] = res.weights[p];
  out["weights"] = std::move(weights);
  out["lambda_max"] = res.lambda_max;
  out["ci"] = res.ci;
  out["cr"] = res.cr;
  out["consistent"] = res.consistent;
  out["random_index"] = res.ri;
  Json judgements = Json::array();
  for (const AhpJudgementView& v : ahp_judgements(*ahp, res))
    judgements.push_back({{"a", ahp->criteria[v.comparison->a]},
                          {"b", ahp->criteria[v.comparison->b]},
                          {"given", v.given},
                          {"implied", v.implied},
                          {"inconsistency", v.inconsistency},
                          {"comparison", v.comparison->path}});
  out["judgements"] = std::move(judgements);
  const std::string warning = ahp_inconsistency_warning(*ahp, res);
  if (!warning.empty()) {
    out["warning"] = warning;
    // With weights_from the loader already warned, since the weights it set come from here.
    if (!applied) r.diag.warning("/ahp/comparisons", code::inconsistent, warning);
  }
  out["criteria"] = ahp->criteria;
  out["matrix"] = ahp_matrix(*ahp);
  out["applied_to_criteria"] = applied;
  out["converged"] = res.converged;
  out["method"] = "AHP (Saaty): principal right eigenvector of the reciprocal comparison matrix by power "
                  "iteration; CI = (lambda_max - n) / (n - 1), CR = CI / RI(n) with Saaty's random index; "
                  "CR above 0.1 means the judgements contradict each other; a judgement's inconsistency = "
                  "max(given / implied, implied / given), implied = the ratio of the derived weights";
  return out;
}

const CommandSpec& ahp_command() {
  static const CommandSpec spec{"ahp", "criteria weights from pairwise comparisons (AHP), with the consistency ratio", {}, command_ahp, render_ahp_table, nullptr, "table"};
  return spec;
}

} // namespace gapscore
