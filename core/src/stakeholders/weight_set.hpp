#pragma once
// Named weight sets: {"weights": "<stakeholder id>"} ranks with that stakeholder's criterion
// weights instead of the document's ("rank it the way Sales would").
#include "commands/request.hpp"

namespace gapscore {

/// Applies the weight set the request names, if any, to the freshly loaded scenario. An
/// unknown stakeholder, or one without "weights", is a usage error (false). Run by
/// Request::load, so only commands that list the "weights" option see it; a command that then
/// loads a what-if variant from the document (the "scenario" option) would drop it, so such
/// commands do not list it.
bool apply_requested_weight_set(Request& r, Scenario& s);

} // namespace gapscore
