#pragma once
// What changed between two scored scenarios. Shared by `diff` (two documents) and `compare`
// (two scenarios of one document), so both explain a move the same way.
#include "scoring/scored.hpp"

namespace gapscore {

/// Appends to `out`: "weights" (criterion weight changes), "items" (per item: before/after
/// rank and score, the change, the terms that moved and a reason, in the order of the
/// second ranking, removed items last), "added", "removed", and with top > 0 "top",
/// "entered_top", "left_top". With `model_changed`, items whose rank moved for no change of
/// their own give "the model changed" as the reason.
void add_rank_changes(Json& out, const Scored& before, const Scored& after, std::size_t top,
                      bool model_changed = false);

} // namespace gapscore
