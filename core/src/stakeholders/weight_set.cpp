#include "document/sections.hpp"
#include "stakeholders/weight_set.hpp"

#include "stakeholders/stakeholders.hpp"

namespace gapscore {

namespace {

/// "weighted or topsis": the models that read criterion weights, as the registry lists them.
std::string models_reading_weights() {
  std::string out;
  std::size_t left = 0;
  for (const ModelInfo& m : models()) left += m.reads_weights() ? 1 : 0;
  for (const ModelInfo& m : models())
    if (m.reads_weights()) out += std::string(m.id) + (--left == 0 ? "" : left == 1 ? " or " : ", ");
  return out;
}

} // namespace

bool apply_requested_weight_set(Request& r, Scenario& s) {
  if (!r.has("weights")) return true;
  const auto id = r.text("weights");
  if (!id) return false;
  const StakeholderData& d = s.sections().stakeholders;
  const std::size_t k = find_stakeholder(d, *id);
  if (k == Scenario::npos) {
    r.usage("weights", code::unknown_reference, "no stakeholder with id " + describe(Json(*id)) +
                           (d.stakeholders.empty() ? " (the document has no stakeholders)"
                                                   : " (choose " + stakeholder_ids(d) + ")"));
    return false;
  }
  const Stakeholder& st = d.stakeholders[k];
  if (!st.has_weights) {
    r.usage("weights", code::invalid_option, st.id + " gives no criterion weights (add \"weights\": {criterion id: number} to " +
                           pointer("/stakeholders", k) + ")");
    return false;
  }
  apply_weight_set(st, s, r.diag, "options/weights");
  s.weights_from_ahp = false; // the weights in use are this stakeholder's now (as Engine::set_weight does)
  std::string model = s.model;
  if (r.has("model") && r.options["model"].is_string()) model = r.options["model"].get<std::string>();
  const ModelInfo* m = find_model(model);
  if (m && !m->reads_weights())
    r.diag.warning("options/weights", code::ignored, "model " + model + " does not use criteria weights, so " + st.id +
                                          "'s weights change nothing (use " + models_reading_weights() + ")");
  return true;
}

} // namespace gapscore
