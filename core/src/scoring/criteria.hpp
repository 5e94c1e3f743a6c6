#pragma once
// What the criteria models (weighted scorecard, TOPSIS) share: normalizing a criterion's
// scores, weight shares, and combining normalized columns into scores.
#include <cstddef>
#include <vector>

#include "gapscore/models.hpp"

namespace gapscore {

/// Per criterion: normalized values of the items' scores, as the scenario's normalization says.
std::vector<double> normalize_criterion(const Scenario& s, std::size_t criterion);
/// r = x / ||x||, scaled by the largest value first when the squares would overflow or vanish.
std::vector<double> vector_normalized(const std::vector<double>& x);
/// Each criterion's share of the total weight (all 0 when the total is 0).
std::vector<double> weight_shares(const std::vector<Criterion>& criteria);
/// Weighted score from normalized columns (t.terms) and weight shares (t.term_weights):
/// sum over criteria of (weight / total) x value; fills t.score, t.value and t.parts.
void combine_weighted(ScoreTable& t);
/// TOPSIS closeness from vector-normalized columns r = x / ||x|| and weight shares; the
/// ideal takes the largest weighted r of benefit criteria and the smallest of cost ones.
void topsis_closeness(const Scenario& s, const std::vector<std::vector<double>>& normalized,
                      const std::vector<double>& shares, std::vector<double>& score);

/// A criteria model's score (ModelInfo::criterion_term, then ModelInfo::combine): one term
/// per criterion, named by its id.
void score_criteria(const ModelInfo& m, const Scenario& s, ScoreTable& t);

} // namespace gapscore
