#pragma once
// What changed between two scored scenarios. Shared by `diff` (two documents) and `compare`
// (two scenarios of one document), so both explain a move the same way.
#include <string_view>

#include "scoring/scored.hpp"

namespace gapscore {

/// The stable `reason_code` of each item row of add_rank_changes (docs/models.md lists them
/// with their texts); `report` and the widget's compare view read these, never the text.
namespace rank_change {
inline constexpr std::string_view unchanged = "unchanged";
inline constexpr std::string_view added = "added";
inline constexpr std::string_view removed = "removed";
inline constexpr std::string_view model_changed = "model_changed";
inline constexpr std::string_view normalization_changed = "normalization_changed";
inline constexpr std::string_view own_terms_changed = "own_terms_changed";
inline constexpr std::string_view weights_changed = "weights_changed";
inline constexpr std::string_view others_dropped_below = "others_dropped_below"; ///< names them in "dropped_below"
inline constexpr std::string_view others_moved_past = "others_moved_past";       ///< names them in "moved_past"
} // namespace rank_change

/// Appends to `out`: "weights" (criterion weight changes), "items" (per item: before/after
/// rank and score, the change, the terms that moved and a reason, in the order of the
/// second ranking, removed items last), "added", "removed", and with top > 0 "top",
/// "entered_top", "left_top". With `model_changed`, items whose rank moved for no change of
/// their own give "the model changed" as the reason.
void add_rank_changes(Json& out, const Scored& before, const Scored& after, std::size_t top,
                      bool model_changed = false);

} // namespace gapscore
