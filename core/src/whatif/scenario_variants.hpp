#pragma once
/// What-if scenarios: named variants of the base document, listed in it as
///   "scenarios": [{"id": "sales", "name": "Sales' weights", "changes": [
///       {"weight": "revenue", "value": 5},
///       {"item": "sso", "field": "effort", "value": {"low": 2, "likely": 3, "high": 6}},
///       {"item": "sso", "field": "scores.revenue", "value": 8},
///       {"model": "weighted"}]}]
/// A variant is the base document with its changes applied in order (a later change to the
/// same input wins), so every command works on it as on any document.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// The id that names the document as it is, without any variant's changes.
inline constexpr std::string_view kBaseScenario = "base";

struct ScenarioVariant {
  std::string id;
  std::string name; ///< the id when the document gives no name
  std::size_t index = 0; ///< position in /scenarios
};

/// Reads and checks the document's "scenarios" list against the loaded base: ids unique
/// and not "base", each change of a known kind naming an existing criterion, item, field
/// or model, with a value. Every problem is reported at its path (e.g.
/// /scenarios/0/changes/2/item). Returns the variants (empty when there is no list).
/// Values are checked when a variant is loaded (load_variant), by the same rules as the
/// base document.
std::vector<ScenarioVariant> read_scenarios(const Scenario& base, Diagnostics& diag);

/// The base document with the changes of scenario `id` applied ("base": the document as
/// is). Preconditions: read_scenarios reported no error and `id` is one of its ids or
/// "base".
Json apply_variant(const Scenario& base, std::string_view id);

/// apply_variant, then load_scenario. A value the format does not allow is reported at the
/// change that set it (/scenarios/0/changes/2/value); warnings of the base document are not
/// repeated. An unknown id is reported at `id_path`. nullopt on any error.
std::optional<Scenario> load_variant(const Scenario& base, std::string_view id, Diagnostics& diag,
                                     std::string_view id_path = "scenario");

} // namespace gapscore
