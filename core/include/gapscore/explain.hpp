#pragma once
/// Why an item has its score and its rank: the formula, each term with its value, weight
/// and role, the arithmetic written out, ties, and its neighbours in the ranking.
#include "gapscore/models.hpp"
#include "gapscore/ranking.hpp"

namespace gapscore {

/// The `explain` result for one item (docs/format.md shows an example).
Json explain_item(const Scenario& s, const ModelInfo& m, const ScoreTable& t, const Ranking& r,
                  std::size_t item);

/// Ids of the other items whose score ties with this one (empty when none).
std::vector<std::string> tied_with(const Scenario& s, const std::vector<double>& score,
                                   const Ranking& r, std::size_t item);

} // namespace gapscore
