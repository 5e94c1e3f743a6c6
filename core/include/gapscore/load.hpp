#pragma once
/// Reading documents: JSON text -> validated Scenario (and JSON text -> Json).
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

/// The same from text, in one pass without a DOM of the document: the same problems in the
/// same order, and the same Scenario, as parse_json_text + load_scenario. The scenario keeps
/// a copy of the text as its source. Never throws.
std::optional<Scenario> load_scenario_text(std::string_view text, Diagnostics& diag);

} // namespace gapscore
