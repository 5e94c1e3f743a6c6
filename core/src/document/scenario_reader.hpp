#pragma once
// JSON text -> Scenario in one pass over the text, without a DOM of the document
// (scenario_reader.cpp says how).
#include <optional>
#include <string_view>

#include "gapscore/diagnostics.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// Reads and validates a document from its text: the same problems, at the same paths and
/// in the same order, as parse_json_text + load_scenario, and the same Scenario. The
/// scenario keeps `source` as its document. Never throws.
std::optional<Scenario> read_scenario(std::string_view text, Diagnostics& diag, SourceDocument source);

} // namespace gapscore
