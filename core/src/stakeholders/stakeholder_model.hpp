#pragma once
// The "stakeholder" scoring model's functions for the registry in models.cpp: each item's
// score is its stakeholders' ratings combined by the document's "stakeholder_aggregation"
// (mean, median or influence-weighted; stakeholders.hpp).
#include "gapscore/models.hpp"

namespace gapscore {
void score_stakeholder(const Scenario& s, ScoreTable& t);
Json explain_stakeholder(const Scenario& s, const ScoreTable& t, std::size_t item);
/// Stakeholders with ratings must exist and every item needs at least one rating (from a
/// stakeholder with influence above 0 when influence-weighted); warns about unrated items.
void validate_stakeholder(const Scenario& s, Diagnostics& diag);
} // namespace gapscore
