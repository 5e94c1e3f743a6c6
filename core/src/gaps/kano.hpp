#pragma once
/// Kano analysis (docs/models.md, "Gap scoring"): functional/dysfunctional answer pairs ->
/// categories by the Kano evaluation table (Kano et al. 1984; as tabulated in Berger et al.
/// 1993, "Kano's methods for understanding customer-defined quality", Center for Quality of
/// Management Journal 2(4)), the most frequent category, and the Better/Worse coefficients.
///
///   items[].kano: {"answers": [[functional, dysfunctional, count], ...]}
///     answers "like", "expect", "neutral", "tolerate", "dislike" (aliases "must-be",
///     "live-with") or the codes 1..5 in that order; count >= 0 (respondents giving the pair)
///   or items[].kano: {"counts": {"A", "O", "M", "I", "R", "Q"}} (missing letters count 0)
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "document/per_item.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"

namespace gapscore {

/// Attractive, One-dimensional, Must-be, Indifferent, Reverse, Questionable.
enum class KanoCategory : std::uint8_t { A = 0, O = 1, M = 2, I = 3, R = 4, Q = 5 };
inline constexpr std::size_t kKanoCategories = 6;

/// The questionnaire's answers, in the evaluation table's order.
enum class KanoAnswer : std::uint8_t { like = 0, expect = 1, neutral = 2, tolerate = 3, dislike = 4 };

/// The evaluation table: rows = answer to the functional question ("if the product has
/// it"), columns = answer to the dysfunctional one ("if it does not").
KanoCategory kano_evaluate(KanoAnswer functional, KanoAnswer dysfunctional);

/// "A", "O", ... and "attractive", "one_dimensional", "must_be", "indifferent", "reverse",
/// "questionable".
std::string_view kano_letter(KanoCategory c);
std::string_view kano_name(KanoCategory c);

/// An answer from its name or 1..5 code; nullopt when it is neither.
std::optional<KanoAnswer> kano_answer(const Json& v);

using KanoCounts = std::array<double, kKanoCategories>; ///< indexed by KanoCategory

struct KanoResult {
  KanoCounts counts{};
  double total = 0;
  /// The most frequent category. Ties go by M > O > A > I (the "if in doubt" rule of Matzler
  /// & Hinterhuber 1998, Technovation 18(1): the category that hurts more when missing wins),
  /// then R > Q; `tied` lists every category sharing the top count (one when no tie).
  KanoCategory category = KanoCategory::I;
  std::vector<KanoCategory> tied;
  /// Better = (A + O) / (A + O + M + I), Worse = −(O + M) / (A + O + M + I); absent when
  /// A + O + M + I = 0 (every answer reverse or questionable).
  std::optional<double> better, worse;
};

/// Category and coefficients from counts. Precondition: counts >= 0, total > 0.
KanoResult kano_result(const KanoCounts& counts);

/// Reads items[].kano; per item the category counts, or nullopt when the item has none (no
/// memory when no item has valid answers).
PerItem<std::optional<KanoCounts>> read_kano_data(const Json& document, std::size_t items,
                                                      Diagnostics& diag);

} // namespace gapscore
