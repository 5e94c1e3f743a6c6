#pragma once
/// Validation of the customer sections the scenario loader does not model itself: segments
/// and outcomes (gap.hpp), objectives (okr.hpp) and Kano answers (kano.hpp). Run by
/// load_scenario, so every command reports their problems, not just the commands using them.
#include "gapscore/diagnostics.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// Reports every problem in those sections and fills the scores of "source": "okr"
/// criteria. `s` holds the items and criteria already read from `document`.
void load_customer_sections(const Json& document, Scenario& s, Diagnostics& diag);

} // namespace gapscore
