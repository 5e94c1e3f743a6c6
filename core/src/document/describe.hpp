#pragma once
// What a document offers, as the engine sees it: the models (usable or why not, what they
// read), the criteria with the weights in use and where their values come from, the sections
// present and the views they allow, the default top N and the weight sets. The widget asks
// this instead of re-deriving the rules from the raw JSON or from messages' English
// (`gapscore describe`, `run("describe")`, `Engine.describe()`: the same bytes).
#include "gapscore/json.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// The "entered/left the top N" and cut-line size when the document sets no `top`.
inline constexpr std::size_t kDefaultTop = 10;

/// The description of a loaded scenario (its load warnings are added by the caller, as for
/// every command's result).
Json describe_scenario(const Scenario& s);

} // namespace gapscore
