#pragma once
/// Why an item has its score and its rank: the formula, each term with its value, weight
/// and role, the arithmetic written out, ties, and its neighbours in the ranking.
#include "gapscore/models.hpp"
#include "scoring/ranking.hpp"

namespace gapscore {

/// The `explain` result for one item (docs/format.md shows an example).
Json explain_item(const Scenario& s, const ModelInfo& m, const ScoreTable& t, const Ranking& r,
                  std::size_t item);

/// How many tied ids a result lists per item: a coarse model (ICE on 1-10 scales) can tie
/// thousands of items, and listing every pair would grow quadratically.
inline constexpr std::size_t kMostTiesListed = 10;

/// Ids of up to `most` other items whose score ties with this one, in ranking order
/// (empty when none); Ranking::tie_size says how many there are in all.
std::vector<std::string> tied_with(const Scenario& s, const Ranking& r, std::size_t item,
                                   std::size_t most);

} // namespace gapscore
