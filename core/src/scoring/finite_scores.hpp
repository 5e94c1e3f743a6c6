#pragma once
/// The guard that keeps infinity and NaN out of every ranking. Each input is checked to be
/// a finite number when it is read, but finite inputs can still overflow in a formula
/// (reach 1e300 × impact 3 = infinity; value / effort 1e-320 = infinity) or meet as
/// infinity − infinity = NaN (a min-max normalization over ±1e308). std::sort on NaN keys
/// is undefined behaviour, and nlohmann prints NaN as null, so such a score must become an
/// input error naming the item and its inputs before anything ranks or prints it.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"
#include "gapscore/models.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// Index of the first value that is infinite or NaN, or values.size() when all are finite.
std::size_t first_non_finite(const std::vector<double>& values);

/// Reports each item whose score, value, terms or parts under `m` are not finite numbers,
/// at /items/<i>, naming the item, the formula and the inputs it used. At most 10 items are
/// named (then one line counts the rest). Returns true when everything is finite.
bool check_finite_scores(const Scenario& s, const ModelInfo& m, const ScoreTable& t, Diagnostics& diag);

/// The message for one item whose score is not finite ("item "x": the rice score ...").
std::string non_finite_score_message(const Scenario& s, const ModelInfo& m, std::size_t item,
                                     double score);

/// The last line of defence before a result is printed: turns every -0.0 into 0 (people
/// read "-0" as a bug) and returns the JSON Pointer of the first number that is not finite
/// (nlohmann would print it as null), or nothing when all are.
std::optional<std::string> tidy_result_numbers(Json& result);

} // namespace gapscore
