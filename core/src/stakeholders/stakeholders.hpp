#pragma once
/// Stakeholders (docs/models.md, "Stakeholders"): how important each stakeholder finds each
/// item, and how each would weigh the criteria. Document sections read here:
///
///   stakeholders: [{"id", "name", "role", "influence",
///                   "ratings": {item id: number}, "weights": {criterion id: number}}]
///     ratings: higher = more important, any scale shared by everyone (1-5, 1-10...); ties
///       allowed; items may be left unrated (see below).
///     influence: >= 0 (default 1), the stakeholder's weight in the influence-weighted
///       aggregation.
///     weights: the stakeholder's own criterion weights (>= 0): a named weight set, so
///       "rank it the way Sales would" is the option {"weights": "sales"}.
///   stakeholder_aggregation: "mean" (default), "median" or "influence_weighted": how the
///     `stakeholder` model combines the ratings of one item.
///
/// Missing ratings. The `stakeholder` model aggregates the ratings an item did get (an
/// unrated item is not a zero: nothing is invented). Kendall's W needs complete rankings
/// (Kendall & Babington Smith 1939; Siegel & Castellan 1988, 9.4), so agreement is computed
/// over the items every rating stakeholder rated; the others are listed as excluded.
/// Either way the stakeholder and the items are named in a warning.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/diagnostics.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

enum class Aggregation : std::uint8_t { mean, median, influence_weighted };
std::string_view aggregation_name(Aggregation a);

/// Stakeholders per document; more would make the agreement matrix unreadable and its
/// pairwise comparisons slow.
inline constexpr std::size_t kMaxStakeholders = 100;

struct Stakeholder {
  std::string id;
  std::string name; ///< the id when the document gives none
  std::string role;
  double influence = 1;
  std::vector<double> ratings; ///< per item; kMissing when not rated
  std::vector<double> weights; ///< per criterion; kMissing when not given
  std::size_t rated = 0;       ///< how many items this stakeholder rated
  bool has_weights = false;    ///< the document gives a "weights" object with at least one entry
};

struct StakeholderData {
  std::vector<Stakeholder> stakeholders;
  Aggregation aggregation = Aggregation::mean;
};

/// Reads the "stakeholders" list and "stakeholder_aggregation" of a document whose items and
/// criteria `s` already holds, reporting every problem at its JSON Pointer (unknown item id
/// in ratings, unknown criterion in weights, influence < 0, a rating that is not a number,
/// duplicate ids...). Absent sections give an empty list. Never throws.
StakeholderData read_stakeholders(const Json& document, const Scenario& s, Diagnostics& diag);

/// Index of the stakeholder with that id, or Scenario::npos.
std::size_t find_stakeholder(const StakeholderData& d, std::string_view id);

/// "a, b" for messages: the stakeholder ids.
std::string stakeholder_ids(const StakeholderData& d);

/// The ratings of every item combined by d.aggregation, over the stakeholders who rated it:
///   mean:               Σ r / k
///   median:             the middle rating (the mean of the two middle ones for even k)
///   influence_weighted: Σ influence × r / Σ influence
/// share[k][i] is stakeholder k's weight in item i's score (0 when k did not rate i), so
/// score[i] = Σ_k share[k][i] × rating[k][i] exactly as the explanation shows it. An item
/// nobody rated (or, influence-weighted, only zero-influence stakeholders rated) scores 0
/// with every share 0; the model's validation reports it.
struct AggregatedRatings {
  std::vector<double> score;               ///< per item
  std::vector<std::vector<double>> share;  ///< [stakeholder][item]
  std::vector<std::size_t> raters;         ///< per item: how many stakeholders rated it
};
AggregatedRatings aggregate_ratings(const StakeholderData& d, std::size_t items);

/// "a, b, c and 4 more": the ids of the items stakeholder `st` left unrated (at most `shown`).
std::string unrated_items_text(const Stakeholder& st, const Scenario& s, std::size_t shown = 5);

/// A named weight set: stakeholder `st`'s criterion weights replace the document's (a weight
/// range on a replaced criterion is dropped too, so simulation keeps the stakeholder's value).
/// Criteria the stakeholder does not weigh keep the document's weight, with a warning at
/// `where` naming them.
void apply_weight_set(const Stakeholder& st, Scenario& s, Diagnostics& diag, const std::string& where);

/// Run by the loader (document/sections.hpp): reads the stakeholders, stakeholder_aggregation,
/// ahp and weights_from sections into `out` and `s.weights_from_ahp`, reporting their
/// problems, and with "weights_from": "ahp" sets the criteria weights to the AHP priorities
/// (ahp_section.hpp).
void read_stakeholder_sections(const Json& document, Scenario& s, Sections& out, Diagnostics& diag);

} // namespace gapscore
