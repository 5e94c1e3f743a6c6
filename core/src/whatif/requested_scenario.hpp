#pragma once
// The scenario a command works on: the document, or with the "scenario" option one of its
// what-if variants (docs/models.md, "Scenarios").
#include <optional>

#include "whatif/scenario_variants.hpp"
#include "commands/request.hpp"

namespace gapscore {

/// Loads the request's document; with {"scenario": id} applies that variant's changes
/// (every scenario of the document is checked first). nullopt on any error.
std::optional<Scenario> load_requested_scenario(Request& r);

/// "base, a, b" for messages: the ids a scenario option accepts.
std::string scenario_choices(const std::vector<ScenarioVariant>& variants);

} // namespace gapscore
