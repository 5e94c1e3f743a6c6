// Run by the loader (document/sections.cpp): reads the stakeholder and AHP sections, so every
// command reports their problems, and with "weights_from": "ahp" makes the criteria weights
// the AHP priorities.
#include <algorithm>

#include "document/sections.hpp"
#include "stakeholders/ahp_section.hpp"
#include "stakeholders/stakeholders.hpp"

namespace gapscore {
namespace {

/// "weights_from": "ahp" -> true; absent -> false; anything else is an error.
bool weights_from_ahp(const Json& document, Diagnostics& diag) {
  if (!document.contains("weights_from")) return false;
  const Json& v = document["weights_from"];
  if (v == "ahp") return true;
  diag.error("/weights_from", code::invalid_value, "must be \"ahp\" (criteria weights from the pairwise comparisons in /ahp) (got " +
                                  describe(v) + ")");
  return false;
}

void apply_ahp_weights(const Json& document, const AhpSection& ahp, Scenario& s, Diagnostics& diag) {
  const AhpResult r = ahp_weights(ahp_matrix(ahp));
  if (r.weights.size() != ahp.criteria.size()) {
    diag.error("/ahp", code::internal_error, "the comparisons could not be turned into weights"); // not reachable after checks
    return;
  }
  std::vector<double> weight(s.criteria.size(), kMissing);
  for (std::size_t p = 0; p < ahp.criteria.size(); ++p) weight[ahp.criterion[p]] = r.weights[p];
  std::string missing;
  for (std::size_t c = 0; c < s.criteria.size(); ++c)
    if (is_missing(weight[c])) missing += (missing.empty() ? "" : ", ") + s.criteria[c].id;
  if (!missing.empty()) {
    diag.error("/ahp/criteria", code::missing, "with \"weights_from\": \"ahp\" every criterion needs an AHP weight: add " + missing +
                                    " and their comparisons");
    return;
  }
  const Json& list = document["criteria"];
  for (std::size_t c = 0; c < s.criteria.size(); ++c) {
    if (list[c].is_object() && list[c].contains("weight"))
      diag.warning(pointer(pointer("/criteria", c), "weight"), code::ignored,
                   "ignored: \"weights_from\" is \"ahp\", so this criterion's weight is its AHP priority " +
                       number_text(weight[c]));
    s.criteria[c].weight = weight[c];
  }
  s.uncertain.erase(std::remove_if(s.uncertain.begin(), s.uncertain.end(),
                                   [](const UncertainInput& u) { return u.target == UncertainInput::Target::weight; }),
                    s.uncertain.end());
  const std::string warning = ahp_inconsistency_warning(ahp, r);
  if (!warning.empty()) diag.warning("/ahp/comparisons", code::inconsistent, "the criteria weights come from these comparisons, but " + warning);
}

} // namespace

void read_stakeholder_sections(const Json& document, Scenario& s, Sections& out, Diagnostics& diag) {
  if (!document.is_object()) return;
  out.stakeholders = read_stakeholders(document, s, diag);
  const bool from_ahp = weights_from_ahp(document, diag);
  s.weights_from_ahp = from_ahp;
  const std::size_t errors = diag.errors().size();
  out.ahp = read_ahp_section(document, s, diag);
  if (!from_ahp) return;
  if (!document.contains("ahp")) {
    diag.error("/weights_from", code::missing, "is \"ahp\" but the document has no \"ahp\" section with the pairwise comparisons");
    return;
  }
  if (out.ahp && diag.errors().size() == errors) apply_ahp_weights(document, *out.ahp, s, diag);
}

} // namespace gapscore
