#pragma once
/// The evidence loop (docs/models.md, "Evidence"): did the released work close the gap?
/// Outcome history (measurements), realized versus predicted lift, calibration of the
/// estimates, and the customers' unrealized value over time.
///
/// Document sections read here (on top of gap.hpp's segments, outcomes and items[].outcomes):
///   measurements: [{"outcome", "date", "current" | "satisfaction" | "survey",
///                   "respondents", "source"}]
///     exactly one value per entry: "current" = the outcome's level in its own unit (outcomes
///     with current/desired levels), "satisfaction" on 0..10 or "survey" = counts of
///     satisfaction answers 1..5 (outcomes without levels; top-two-box as in gap.hpp).
///   items[].status: "idea" | "planned" | "in_progress" | "done";  items[].released: a date;
///   items[].team: text (calibration per team).
/// Dates are ISO 8601: YYYY-MM-DD, optionally with a time (THH:MM[:SS[.f]][Z|±HH:MM]); only
/// the calendar day as written counts.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/diagnostics.hpp"
#include "gaps/gap.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// Days since 1970-01-01 in the proleptic Gregorian calendar.
using DayNumber = std::int64_t;
inline constexpr DayNumber kNoDay = INT64_MIN;
/// More measurements than this are refused (they would only slow the trend down).
inline constexpr std::size_t kMaxMeasurements = 200000;
/// The trend keeps one value per measured outcome and day: at most this many.
inline constexpr std::size_t kMaxTrendCells = 20000000;

/// The day number of a valid calendar date (Howard Hinnant's days_from_civil).
DayNumber day_number(int year, int month, int day);
/// "YYYY-MM-DD" of a day number between 0001-01-01 and 9999-12-31.
std::string format_day(DayNumber day);
/// Strict ISO 8601 parse: "YYYY-MM-DD" with an optional "THH:MM", "THH:MM:SS", fraction and
/// zone ("Z", "±HH:MM", "±HHMM", "±HH"). The time is checked and then ignored: the result is
/// the calendar day as written. On failure: nullopt and the reason in `why`.
std::optional<DayNumber> parse_iso_date(std::string_view text, std::string& why);

enum class MeasureKind : std::uint8_t { current, satisfaction, survey };
std::string_view measure_kind_name(MeasureKind k);

struct Measurement {
  std::size_t index = 0;   ///< position in /measurements
  std::size_t outcome = 0; ///< index into GapData::outcomes
  DayNumber day = 0;
  MeasureKind kind = MeasureKind::current;
  /// The level ("current") or the satisfaction on 0..10 ("satisfaction"; "survey" converted
  /// by top-two-box).
  double value = 0;
  double respondents = kMissing;
  std::string source;
};

enum class ItemStatus : std::uint8_t { unset, idea, planned, in_progress, done };
std::string_view item_status_name(ItemStatus s);

struct EvidenceData {
  /// The valid measurements sorted by day; entries of one day keep document order.
  std::vector<Measurement> measurements;
  /// Per outcome: indices into `measurements`, by day, one per day (when an outcome is
  /// measured twice on one day, the entry later in the document replaces the earlier one).
  std::vector<std::vector<std::size_t>> by_outcome;
  std::vector<ItemStatus> status;  ///< per item
  std::vector<DayNumber> released; ///< per item; kNoDay when not released
  std::vector<std::string> team;   ///< per item; "" when none
};

/// Reads and validates measurements and items' status, released and team, reporting each
/// problem at its JSON Pointer. `g` is the document's gap data (outcome ids and levels).
/// Never throws.
EvidenceData read_evidence_data(const Json& document, const GapData& g, std::size_t items,
                                Diagnostics& diag);

/// The outcome's gap at a measurement: gap.hpp's level_gap with the measured level (or
/// satisfaction) in place of the document's.
double measured_gap(const Outcome& o, const Measurement& m);
/// unrealized value at a measurement: measured_gap × the segment's size.
double measured_unrealized_value(const GapData& g, const Measurement& m);

/// One item's predicted and realized lift on one outcome.
struct RealizedLift {
  std::size_t item = 0;
  std::size_t outcome = 0;
  double predicted = 0;         ///< the item's lift: fraction of the gap it was expected to close
  double realized = kMissing;   ///< the fraction of the gap it did close (its share of the window)
  double window = kMissing;     ///< the fraction of the gap closed between `before` and `after`
  double share = 1;             ///< predicted / Σ predicted of the items released in the window
  std::optional<std::size_t> before, after; ///< indices into EvidenceData::measurements
  std::vector<std::size_t> shared_with;     ///< other items released in the same window
  std::string reason;           ///< why `realized` is missing
};

/// For every released item and every outcome it lifts (document order): the change between
/// the last measurement strictly before the release day and the first one on or after it,
/// as a fraction of the gap before the release,
///   levels:  direction × (after − before) / (direction × (desired − before)),
///            direction = sign(desired − the outcome's current level in the document)
///   ratings: (satisfaction after − before) / (importance − satisfaction before);
/// several items released in the same window of the same outcome split it in proportion to
/// their predicted lifts.
std::vector<RealizedLift> realized_lifts(const GapData& g, const EvidenceData& e);

/// Min, quartiles and max, quartiles by linear interpolation between order statistics
/// (position (n − 1) × p, as Excel's QUARTILE.INC and numpy's default).
struct Spread {
  double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};
/// Precondition: values is not empty.
Spread spread_of(std::vector<double> values);

struct CalibrationGroup {
  std::string key;          ///< the team or tag ("" for all items)
  std::size_t items = 0;    ///< items with at least one realized lift
  std::size_t lifts = 0;    ///< item × outcome pairs with a realized lift
  double predicted = 0;     ///< Σ predicted lift over those pairs
  double realized = 0;      ///< Σ realized lift
  double ratio = kMissing;  ///< realized / predicted
  Spread spread;            ///< of the per-item ratios (valid when items > 0)
  double suggested_confidence = kMissing;
};

struct Calibration {
  CalibrationGroup overall;
  std::vector<CalibrationGroup> by_team; ///< in order of first appearance
  std::vector<CalibrationGroup> by_tag;
};

/// Suggested confidence for new estimates from a history of n items with realized/predicted
/// ratio r: (n × min(max(r, 0), 1) + 1) / (n + 2) — the ratio, capped at 1, pulled towards
/// 0.5 (Intercom's "low confidence") as if two more items had delivered half their promise.
/// Always in (0, 1]. Precondition: n > 0.
double suggested_confidence(double ratio, std::size_t items);
inline constexpr std::string_view kConfidenceRule =
    "(n × min(max(ratio, 0), 1) + 1) / (n + 2), n = items with a realized lift";

Calibration calibrate(const std::vector<RealizedLift>& rows, const std::vector<ItemInfo>& items,
                      const std::vector<std::string>& teams);

/// Unrealized value over time. Evaluation days: every measurement day in [from, to], plus
/// `from` and `to` themselves when given (kNoDay: open). On each day an outcome counts its
/// latest measurement on or before that day; before its first measurement, its first one;
/// an outcome never measured counts the document's levels on every day.
struct GapTrend {
  std::vector<DayNumber> days;
  std::vector<double> total;          ///< per day, every outcome
  std::vector<double> measured_total; ///< per day, the measured outcomes only
  /// Per outcome and day (same length as days); empty rows for unmeasured outcomes.
  std::vector<std::vector<double>> by_outcome;
  std::vector<std::size_t> unmeasured; ///< outcomes without measurements
  double unmeasured_value = 0;         ///< their (constant) unrealized value
};
GapTrend gap_trend(const GapData& g, const EvidenceData& e, DayNumber from = kNoDay,
                   DayNumber to = kNoDay);

} // namespace gapscore
