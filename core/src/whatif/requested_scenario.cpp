#include "whatif/requested_scenario.hpp"


namespace gapscore {

std::string scenario_choices(const std::vector<ScenarioVariant>& variants) {
  std::string out(kBaseScenario);
  for (const auto& v : variants) out += ", " + v.id;
  return out;
}

std::optional<Scenario> load_requested_scenario(Request& r) {
  auto id = r.text("scenario");
  if (!r.diag.ok()) return std::nullopt;
  auto base = r.load();
  if (!base || !id) return base;
  const auto& variants = scenario_variants(*base, r.diag);
  if (!r.diag.ok()) return std::nullopt;
  bool known = *id == kBaseScenario;
  for (const auto& v : variants) known |= v.id == *id;
  if (!known) {
    r.usage("scenario", code::unknown_reference, "no scenario with id " + describe(Json(*id)) + " (choose " + scenario_choices(variants) + ")");
    return std::nullopt;
  }
  return load_variant(*base, *id, r.diag);
}

} // namespace gapscore
