#pragma once
/// What-if scenarios: named variants of the base document, listed in it as
///   "scenarios": [{"id": "sales", "name": "Sales' weights", "changes": [
///       {"weight": "revenue", "value": 5},
///       {"item": "sso", "field": "effort", "value": {"low": 2, "likely": 3, "high": 6}},
///       {"item": "sso", "field": "scores.revenue", "value": 8},
///       {"model": "weighted"}]}]
/// A variant is the base document with its changes applied in order (a later change to the
/// same input wins), so every command works on it as on any document.
///
/// The list is read once, when the document is loaded (read_scenario_list, into the
/// scenario's sections); its problems are reported by the commands that use scenarios
/// (compare, and --scenario on sensitivity and simulate), not by every command.
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

/// One change of a variant, resolved: where it writes in the document and what.
struct ScenarioChange {
  std::string target; ///< JSON Pointer in the document ("/criteria/2/weight", "/model")
  Json value;         ///< a number, a range {"low", "likely", "high"}, or a model id
  std::string path;   ///< JSON Pointer of the change itself ("/scenarios/0/changes/1")
  bool sets_value = true; ///< false for a model change (its "value" is the model id)
};

struct ScenarioVariant {
  std::string id;
  std::string name; ///< the id when the document gives no name
  std::size_t index = 0; ///< position in /scenarios
  std::vector<ScenarioChange> changes;
};

/// The "scenarios" section as read.
struct ScenarioList {
  std::vector<ScenarioVariant> variants; ///< the valid ones, in document order
  std::vector<std::string> listed_ids;   ///< every entry's id that is text, valid or not
  Diagnostics problems;                  ///< reported by the commands that use scenarios
};

/// Reads and checks the document's "scenarios" list against the base's items and criteria:
/// ids unique and not "base", each change of a known kind naming an existing criterion,
/// item, field or model, with a value. Every problem is kept with its path (e.g.
/// /scenarios/0/changes/2/item). Values are checked when a variant is loaded
/// (load_variant), by the same rules as the base document.
ScenarioList read_scenario_list(const Json& document, const Scenario& base);

/// The base's variants (empty when there is no list), with the list's problems reported
/// into `diag`.
const std::vector<ScenarioVariant>& scenario_variants(const Scenario& base, Diagnostics& diag);

/// The base document with the changes of scenario `id` applied ("base": the document as
/// is). Preconditions: scenario_variants reported no error and `id` is one of its ids or
/// "base".
Json apply_variant(const Scenario& base, std::string_view id);

/// apply_variant, then load_scenario. A value the format does not allow is reported at the
/// change that set it (/scenarios/0/changes/2/value); warnings of the base document are not
/// repeated. An unknown id is reported at `id_path`. nullopt on any error.
std::optional<Scenario> load_variant(const Scenario& base, std::string_view id, Diagnostics& diag,
                                     std::string_view id_path = "scenario");

} // namespace gapscore
