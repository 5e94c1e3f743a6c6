#pragma once
// Each model's part of an explanation: the terms with their values and roles, and the
// arithmetic written out, so a stakeholder can redo it by hand.
#include "gapscore/models.hpp"

namespace gapscore {
Json explain_rice(const Scenario& s, const ScoreTable& t, std::size_t i);
Json explain_ice(const Scenario& s, const ScoreTable& t, std::size_t i);
Json explain_wsjf(const Scenario& s, const ScoreTable& t, std::size_t i);
Json explain_value_effort(const Scenario& s, const ScoreTable& t, std::size_t i);
Json explain_weighted(const Scenario& s, const ScoreTable& t, std::size_t i);
Json explain_topsis(const Scenario& s, const ScoreTable& t, std::size_t i);
} // namespace gapscore
