#pragma once
// rank {"confidence_from": "evidence"}: the confidence of new estimates taken from the evidence
// loop's calibration instead of the hand-typed one — only when the user asks for it.
#include <optional>

#include "scoring/scored.hpp"

namespace gapscore {

/// Loads the request's document, picks the model, replaces the confidence of every item not
/// yet released by the suggested confidence (its team's when the team has a history, else the
/// overall one) and scores. RICE: the `confidence` input is replaced; gap: each predicted lift
/// is multiplied by it. `note` receives what was done, for the result. nullopt on any error.
std::optional<Scored> load_and_score_with_evidence(Request& r, Json& note);

/// Without confidence_from, the evidence options (lag_days, prior_items, prior_ratio) would be
/// ignored: false, with a usage error naming the first one given.
bool evidence_options_unused(Request& r);

} // namespace gapscore
