#pragma once
// The gap model's addition to `plan` (ModelInfo::plan_extras).
#include <cstddef>
#include <vector>

#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// With the gap model, items sharing an outcome may claim more than its whole gap: adds
/// `out["gap"]`, what the selected items really close (each gap once), and warns
/// over_claimed at each outcome claimed past 100 %.
void gap_plan_closure(const Scenario& s, const std::vector<std::size_t>& selected, Json& out, Diagnostics& diag);

} // namespace gapscore
