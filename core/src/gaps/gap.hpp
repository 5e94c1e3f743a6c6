#pragma once
/// Gap scoring (docs/models.md, "Gap scoring"): customer segments and the outcomes they want,
/// the opportunity score of Outcome-Driven Innovation (Ulwick), the unrealized value of
/// Evidence-Based Management, and the share of each outcome's gap a backlog item closes.
///
/// Document sections read here:
///   segments: [{"id", "name", "size"}]                       size = customers or users, >= 0
///   outcomes: [{"id", "name", "segment", "importance", "satisfaction", "current", "desired"}]
///     importance and satisfaction on 0..10, or "survey": {"importance": [n1..n5],
///     "satisfaction": [n1..n5]} (counts of answers 1..5, converted by top-two-box);
///     current and desired (optional, both or neither) are the outcome's levels in the
///     document's own unit (minutes, %, score...).
///   items[].outcomes: [{"outcome", "lift"}]
///     lift = the FRACTION of the outcome's gap the item closes, in (0, 1] (0.25 = a quarter
///     of the way from the current level to the desired one).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document/per_item.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

inline constexpr std::string_view kOpportunityVariant = "Opportunity score (Ulwick, ODI)";
inline constexpr std::string_view kOpportunityFormula = "importance + max(importance − satisfaction, 0)";
inline constexpr std::string_view kUnrealizedValueFormula =
    "|desired − current| × segment size (without levels: max(importance − satisfaction, 0) × segment size)";

struct Segment {
  std::string id;
  std::string name;
  double size = 0; ///< customers or users who share the segment's outcomes
};

/// Where an importance or satisfaction rating came from.
enum class RatingSource : std::uint8_t { given, survey };

struct Outcome {
  std::string id;
  std::string name;
  std::size_t segment = 0; ///< index into GapData::segments
  double importance = 0;   ///< 0..10
  double satisfaction = 0; ///< 0..10
  RatingSource importance_source = RatingSource::given;
  RatingSource satisfaction_source = RatingSource::given;
  double current = kMissing; ///< Evidence-Based-Management levels: both given or both missing
  double desired = kMissing;
  std::string unit; ///< free text: the unit of current and desired ("" when not given)
  bool has_levels() const { return !is_missing(current) && !is_missing(desired); }
};

/// One item's claim on one outcome: the fraction of the outcome's gap it closes, in (0, 1].
struct Lift {
  std::size_t outcome = 0;
  double fraction = 0;
};

struct GapData {
  std::vector<Segment> segments;
  std::vector<Outcome> outcomes;
  PerItem<std::vector<Lift>> lifts; ///< per item, in the order the item lists them
  PerItem<bool> lists_outcomes;     ///< per item: the item has an "outcomes" list (maybe [])
};

/// Reads segments, outcomes and items[].outcomes from a document with `items` items and
/// reports every problem with its JSON Pointer (e.g. /outcomes/2/segment: no segment with id
/// "x"). Absent sections are empty. Never throws.
GapData read_gap_data(const Json& document, std::size_t items, Diagnostics& diag);

/// Top-two-box: the share of answers 4 or 5 among counts of answers 1..5, times 10.
/// Precondition: the counts are >= 0 and add up to more than 0.
double top_two_box(const std::array<double, 5>& counts);

/// Ulwick's opportunity algorithm: importance + max(importance − satisfaction, 0).
double opportunity_score(double importance, double satisfaction);

/// "overserved" when satisfaction > importance, else "extremely_underserved" when the
/// opportunity is over 15, "underserved" over 10, otherwise "served".
std::string_view opportunity_status(double importance, double satisfaction);

/// The outcome's gap in level points: |desired − current|, or without levels the survey gap
/// max(importance − satisfaction, 0) (the satisfaction still missing where it matters).
double level_gap(const Outcome& o);

/// Unrealized value = level_gap × the segment's size, in "level points × customers".
double unrealized_value(const GapData& g, std::size_t outcome);

/// opportunity / 10: 1 at the underserved threshold (10), 1.5 at the extremely underserved one.
double opportunity_weight(const Outcome& o);

/// What closing an outcome's whole gap is worth to the gap model:
/// unrealized value × opportunity weight.
double outcome_value(const GapData& g, std::size_t outcome);

/// The gap model's value of one item on its own: Σ over its lifts of
/// lift × unrealized value × opportunity / 10.
double item_gap_value(const GapData& g, std::size_t item);

/// One step of the portfolio: the item planned next and what it adds given everything
/// planned before it (two items on the same outcome never close more than its whole gap).
struct PortfolioStep {
  std::size_t item = 0;
  double standalone_value = 0;   ///< item_gap_value: the item alone
  double marginal_value = 0;     ///< what it adds after the items before it
  double effort = 0;
  double cumulative_effort = 0;
  double cumulative_value = 0;   ///< Σ marginal values so far
  double unrealized_value_closed = 0; ///< Σ over outcomes of min(1, closed share) × unrealized value
  double share_closed = 0;       ///< unrealized_value_closed / total unrealized value (0 when none)
  bool dependency = false;       ///< planned now because a later-chosen item needs it
};

struct Portfolio {
  std::vector<PortfolioStep> steps; ///< every item, in planning order
  double total_unrealized_value = 0;
  double total_value = 0; ///< Σ outcome_value: the most any plan can reach
  std::string method;     ///< how the order was built, for the output
};

/// Orders every item greedily by marginal value per effort. The candidate for each pick is
/// an item together with its not-yet-planned dependencies (so an enabler comes right before
/// the item that needs it); ties go to the higher marginal value, then document order.
/// Preconditions: effort[i] > 0, dependencies acyclic and in range. O(n² × lifts) with
/// dependencies (above 2000 items dependencies are only honoured as an ordering constraint:
/// lazy greedy, O(n log n × lifts), the same as without dependencies).
Portfolio build_portfolio(const GapData& g, const std::vector<double>& effort,
                          const std::vector<std::vector<std::size_t>>& depends_on);

} // namespace gapscore
