#pragma once
/// Reading documents: JSON text -> Json -> validated Scenario.
#include <optional>
#include <string_view>

#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// Parses JSON text within the limits (size, nesting depth, UTF-8, finite numbers). On a
/// syntax error reports the line and column; `where` names the input in messages ("" for
/// the main document). Never throws.
std::optional<Json> parse_json_text(std::string_view text, Diagnostics& diag,
                                    std::string_view where = "");

/// Validates a document and builds the scenario, reporting every problem in one pass.
/// Returns nothing when any error was found. Warnings (unknown fields, unusual values) do
/// not stop loading. Never throws.
std::optional<Scenario> load_scenario(Json document, Diagnostics& diag);

/// parse_json_text + load_scenario.
std::optional<Scenario> load_scenario_text(std::string_view text, Diagnostics& diag);

} // namespace gapscore
