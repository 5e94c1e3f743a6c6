#pragma once
// The "gap" scoring model's functions for the registry in models.cpp: value = the
// opportunity-weighted unrealized value an item closes; score = value / effort.
#include "gapscore/models.hpp"

namespace gapscore {
void score_gap(const Scenario& s, ScoreTable& t);
Json explain_gap(const Scenario& s, const ScoreTable& t, std::size_t item);
/// The inputs the gap model needs beyond effort: outcomes in the document and an
/// "outcomes" list (maybe empty) on every item.
void validate_gap(const Scenario& s, Diagnostics& diag);
} // namespace gapscore
