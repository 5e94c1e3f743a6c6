#pragma once
/// Ranking: a deterministic order of items by score, with ties made visible.
#include <cstdint>
#include <vector>

#include "gapscore/scenario.hpp"

namespace gapscore {

struct Ranking {
  std::vector<std::uint32_t> order;    ///< item indices, best first
  std::vector<std::uint32_t> rank;     ///< per item: 1-based position in `order`
  std::vector<std::uint32_t> tie_size; ///< per item: how many items share its score (1 = none)
  std::vector<std::uint32_t> tie_start; ///< per item: position in `order` where its tie group starts
};

/// The score as compared for ranking: rounded to 40 significant bits (about 12 decimal
/// digits), so sums that differ only by floating-point noise count as ties. Uses only exact
/// operations, so native and WebAssembly builds agree.
double score_key(double score);

/// Orders items by score (highest first); equal scores are ordered by MoSCoW (must first,
/// unlabelled last) and then by id, and reported as ties. Precomputes the tie-break keys
/// once so re-ranking after a change costs one sort.
class Ranker {
public:
  explicit Ranker(const Scenario& s);
  void rank(const std::vector<double>& score, Ranking& out) const;

private:
  std::vector<std::uint32_t> by_tie_break_; ///< item indices ordered by MoSCoW, then id
};

} // namespace gapscore
