#pragma once
// The simulation's ranking step: the same order as Ranker, computed faster for re-ranking
// the same items thousands of times (internal to the core; tested against Ranker).
#include <cstdint>
#include <vector>

#include "scoring/ranking.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// Ranks exactly like Ranker (score_key descending, then MoSCoW, then id) by sorting plain
/// 64-bit integers. score_key keeps 40 significant bits, so the low 13 bits of a normal
/// double's key are zero and can carry the item's tie-break position; the integers are
/// then in the same strict total order as Ranker's keys, and a radix sort orders them in a
/// few linear passes. Scores whose key does not fit (zero, subnormal, NaN) or more than
/// 8192 items fall back to Ranker itself.
class PackedRanker {
public:
  explicit PackedRanker(const Scenario& s);

  /// Fills `order` with item indices, best first (Ranking::order).
  void rank(const std::vector<double>& score, std::vector<std::uint32_t>& order);

private:
  void radix_sort();

  Ranker ranker_;
  std::size_t n_;
  std::vector<std::uint32_t> tie_position_, item_at_;
  std::vector<std::uint64_t> keys_, scratch_;
  Ranking fallback_;
};

} // namespace gapscore
