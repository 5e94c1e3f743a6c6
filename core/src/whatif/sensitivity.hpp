#pragma once
/// Weight sensitivity of the weighted scorecard: for each criterion weight, moved alone,
/// the interval in which the same N items stay in the top N (membership: the item that
/// enters and the one that leaves at each end), and the narrower one in which the ordered
/// top N stays the same (the pair of items that flips at each end).
///
/// Exact, no grid search. With every other weight fixed, W' their sum and v_ic the
/// normalized scores (which do not depend on weights), item i scores
///   score_i(w) = (w·v_ik + S_i) / (w + W'),   S_i = Σ_{c≠k} w_c·v_ic,
/// so the difference of two items is (w·a + b) / (w + W') with a = v_ik − v_jk and
/// b = S_i − S_j. The denominator is positive, so the order of the two changes only where
/// the linear numerator changes sign: at w = −b/a. The ordered top N (t_1 … t_N) stays the
/// same exactly as long as t_1 beats t_2, …, t_{N−1} beats t_N and t_N beats every item
/// below it; the same items stay in the top N exactly as long as each t_m beats every item
/// below the top N. Each of those pairs holds on a half-line of w, and each interval is the
/// intersection of its pairs' half-lines with w ≥ 0.
///
/// Boundaries: at a crossing point the two items' scores are equal, and the ranking's
/// tie-break (MoSCoW, then id) decides. So an end is included when the item above wins
/// that tie-break, and excluded when the other item wins it (it moves ahead exactly
/// there). Arithmetic is in doubles: a crossing point is exact up to rounding, and pairs
/// tied at the current weight by the ranking's 40-bit score comparison are treated as
/// crossing at the current weight.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "gapscore/models.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// An interval of one weight, moved alone, in which a set of pairs of items keep their order.
struct WeightInterval {
  double min = 0; ///< lowest such weight (0 when nothing flips down to 0)
  bool min_included = true;
  std::optional<double> max; ///< highest; nullopt when nothing flips however large the weight
  bool max_included = true;
  /// Item indices {above, below} of the pair that flips at each end: past it, `below` moves
  /// ahead of `above`. For the top N's membership: `above` leaves the top N, `below` enters.
  std::optional<std::pair<std::uint32_t, std::uint32_t>> flip_below, flip_above;
};

struct WeightSensitivity {
  std::size_t criterion = 0;
  double current = 0;
  /// Lowest weight keeping the ordered top N (0 when no flip happens down to 0).
  double stable_min = 0;
  bool min_included = true;
  /// Highest such weight; nullopt when no flip happens however large the weight gets.
  std::optional<double> stable_max;
  bool max_included = true;
  /// Item indices {above, below}: the pair as ranked now; past that end `below` moves
  /// ahead of `above`. nullopt when that end is unbounded (or 0 with nothing flipping).
  std::optional<std::pair<std::uint32_t, std::uint32_t>> flip_below, flip_above;
  /// The interval in which the same N items stay in the top N, whatever their order inside:
  /// every item of the top N beats every item below it. Always contains the ordered one.
  WeightInterval same_items;
};

/// Sensitivity of model `m`'s ordered top `top` items (0 or more than the items: the whole
/// order) to each criterion weight, in criteria order. Preconditions: m.exact_sensitivity
/// (its score is Σ weight share × a term column that no weight changes: the weighted
/// scorecard) and check_model_inputs found no error for it.
std::vector<WeightSensitivity> weight_sensitivity(const Scenario& s, const ModelInfo& m, std::size_t top);

/// The model whose weight intervals are exact (the first listed with exact_sensitivity).
const ModelInfo& exact_sensitivity_model();

} // namespace gapscore
