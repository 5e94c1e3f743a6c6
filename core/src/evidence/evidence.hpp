#pragma once
/// The evidence loop (docs/models.md, "Evidence"): did the released work close the gap?
/// Outcome history (measurements), realized versus predicted lift, calibration of the
/// estimates, and the customers' unrealized value over time.
///
/// Document sections read here (on top of gap.hpp's segments, outcomes and items[].outcomes):
///   measurements: [{"outcome", "date", "current" | "satisfaction" | "survey",
///                   "margin", "respondents", "source"}]
///     exactly one value per entry: "current" = the outcome's level in its own unit (outcomes
///     with current/desired levels), "satisfaction" on 0..10 or "survey" = counts of
///     satisfaction answers 1..5 (outcomes without levels; top-two-box as in gap.hpp).
///     "margin" = the half-width of the value's 95 % interval in its own unit (a survey's
///     is derived from its counts when not given).
///   outcomes[].lag_days: whole days after a release before its effect is measured.
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
/// An effect lag (outcomes[].lag_days, the option lag_days) or a staleness (stale_days) of at
/// most ten years.
inline constexpr std::int64_t kMaxDays = 3650;
/// No effect lag given: after = the first measurement on or after the release day.
inline constexpr std::int64_t kNoLag = -1;
/// Without a lag, an "after" measurement fewer days than this after the release is warned about.
inline constexpr std::int64_t kEarlyDays = 7;
/// z of a two-sided 95 % interval: margin = kZ95 × standard error.
inline constexpr double kZ95 = 1.96;

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
  /// Half-width of the value's 95 % interval in its own unit: given, or for a survey
  /// 10 × 1.96 × √(p(1 − p)/n) (survey_margin); kMissing when unknown.
  double margin = kMissing;
  std::string source;
};

/// The margin of a top-two-box satisfaction on 0..10 from `n` answers, `top_two` of them 4 or
/// 5: p = top_two / n, 10 × 1.96 × √(p(1 − p) / n) (the normal approximation of a proportion;
/// 0 when every answer or none is in the top two boxes). Precondition: n > 0.
double survey_margin(double top_two, double n);

enum class ItemStatus : std::uint8_t { unset, idea, planned, in_progress, done };
std::string_view item_status_name(ItemStatus s);

struct EvidenceData {
  /// The valid measurements sorted by day; entries of one day keep document order.
  std::vector<Measurement> measurements;
  /// Per outcome: indices into `measurements`, by day, one per day (when an outcome is
  /// measured twice on one day, the entry later in the document replaces the earlier one).
  std::vector<std::vector<std::size_t>> by_outcome;
  PerItem<ItemStatus> status;         ///< per item; unset when not given
  PerItem<DayNumber> released{kNoDay}; ///< per item; kNoDay when not released
  PerItem<std::string> team;          ///< per item; "" when none
  std::vector<std::int64_t> lag_days; ///< per outcome: outcomes[].lag_days, kNoLag when not given
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

/// Why an item's realized lift is missing, as a stable code (reason_code in the output).
inline constexpr std::string_view kNoBaseline = "no_baseline";        ///< nothing measured strictly before the release
inline constexpr std::string_view kNoAfter = "no_measurement_after";  ///< nothing on or after release + lag yet
inline constexpr std::string_view kNoGap = "no_gap";                  ///< the gap was already closed before the release

/// One item's predicted and realized lift on one outcome.
struct RealizedLift {
  std::size_t item = 0;
  std::size_t outcome = 0;
  double predicted = 0;         ///< the item's lift: fraction of the gap it was expected to close
  double realized = kMissing;   ///< the fraction of the gap it did close (its share of the window)
  double window = kMissing;     ///< the fraction of the gap closed between `before` and `after`
  double share = 1;             ///< predicted / Σ predicted of the items released in the window
  /// The 95 % interval of `realized` (× share of the window's), kMissing without a margin on
  /// both sides: (change ± √(margin before² + margin after²)) / gap before.
  double low = kMissing, high = kMissing;
  double window_low = kMissing, window_high = kMissing;
  std::int64_t lag = 0;         ///< the effect lag used, in days
  bool lag_given = false;       ///< by the outcome or the option (else 0, and early ones warned)
  bool early = false;           ///< no lag given and `after` less than kEarlyDays after the release
  std::optional<std::size_t> before, after; ///< indices into EvidenceData::measurements
  std::vector<std::size_t> shared_with;     ///< other items released in the same window
  std::string reason;           ///< why `realized` is missing
  std::string_view reason_code; ///< kNoBaseline, kNoAfter or kNoGap; empty with a realized lift
  bool has_interval() const { return !is_missing(low); }
  /// The interval contains 0: the change is within the measurements' noise.
  bool within_noise() const { return has_interval() && low <= 0 && high >= 0; }
};

/// For every released item and every outcome it lifts (document order): the change between
/// the last measurement strictly before the release day and the first one on or after the
/// release day + the outcome's lag_days (else `default_lag`, else 0), as a fraction of the gap
/// before the release,
///   levels:  direction × (after − before) / (direction × (desired − before)),
///            direction = sign(desired − the outcome's current level in the document)
///   ratings: (satisfaction after − before) / (importance − satisfaction before);
/// several items released in the same window of the same outcome split it in proportion to
/// their predicted lifts.
std::vector<RealizedLift> realized_lifts(const GapData& g, const EvidenceData& e, std::int64_t default_lag = kNoLag);

/// Items released in the same window (one outcome, the same measurements before and after)
/// are one observation of the estimates: the window's change against its items' predictions.
struct LiftWindow {
  std::size_t outcome = 0;
  std::size_t before = 0, after = 0;  ///< indices into EvidenceData::measurements
  std::vector<std::size_t> rows;      ///< indices into the realized lifts, in their order
  double predicted = 0;               ///< Σ predicted lift of its items
  double realized = 0;                ///< the window's fraction of the gap closed
  double ratio = 0;                   ///< realized / predicted
  double low = kMissing, high = kMissing; ///< the interval of `realized`
};
/// The windows of the rows that have a realized lift, in order of their first row.
std::vector<LiftWindow> lift_windows(const std::vector<RealizedLift>& rows);

/// Min, quartiles and max, quartiles by linear interpolation between order statistics
/// (position (n − 1) × p, as Excel's QUARTILE.INC and numpy's default).
struct Spread {
  double min = 0, q1 = 0, median = 0, q3 = 0, max = 0;
};
/// Precondition: values is not empty.
Spread spread_of(std::vector<double> values);

/// The prior the suggested confidence is pulled towards: `items` windows that delivered
/// `ratio` of their promise (options prior_items and prior_ratio).
struct ConfidencePrior {
  double items = 2;
  double ratio = 0.5;
};

struct ConfidenceSuggestion {
  double value = kMissing;
  bool capped = false; ///< the formula gave more than 1 (or less than 0) and was cut to it
};

/// Suggested confidence for new estimates from n windows with realized/predicted ratio r:
/// (n × r + prior.items × prior.ratio) / (n + prior.items), kept in [0, 1] (`capped` when
/// cut). A ratio above 1 counts as it is before the cut. Precondition: n > 0.
ConfidenceSuggestion suggested_confidence(double ratio, std::size_t windows, const ConfidencePrior& prior = {});
inline constexpr std::string_view kConfidenceRule =
    "(n × ratio + prior_items × prior_ratio) / (n + prior_items), at most 1 (then capped) and at least 0; "
    "n = windows with a realized lift";

struct CalibrationGroup {
  std::string key;          ///< the team or tag ("" for all items)
  std::size_t windows = 0;  ///< windows with a realized lift: the observations
  std::size_t items = 0;    ///< items with at least one realized lift
  std::size_t lifts = 0;    ///< item × outcome pairs with a realized lift
  double predicted = 0;     ///< Σ predicted lift over those pairs
  double realized = 0;      ///< Σ realized lift
  double ratio = kMissing;  ///< realized / predicted
  Spread spread;            ///< of the windows' ratios (valid when windows > 0)
  ConfidenceSuggestion suggested;
};

struct Calibration {
  ConfidencePrior prior;
  CalibrationGroup overall;
  std::vector<CalibrationGroup> by_team; ///< in order of first appearance
  std::vector<CalibrationGroup> by_tag;
};

Calibration calibrate(const std::vector<RealizedLift>& rows, const std::vector<ItemInfo>& items,
                      const PerItem<std::string>& teams, const ConfidencePrior& prior = {});

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
  /// Per day, the customers-weighted share of the gap left: Σ customers × (the outcome's value
  /// that day / its value on the first day) / Σ customers, over the outcomes with a gap on the
  /// first day (unmeasured ones stay at 1); kMissing when no outcome had a gap.
  std::vector<double> gap_share;
  std::vector<double> measured_gap_share; ///< the same over the measured outcomes only
};
GapTrend gap_trend(const GapData& g, const EvidenceData& e, DayNumber from = kNoDay,
                   DayNumber to = kNoDay);

/// The unit an outcome's gap is counted in: its `unit` text (levels; "level points" when it
/// has none) or "satisfaction points" (ratings). Sums of unrealized value over outcomes mean
/// something only when every outcome's is the same.
std::string gap_unit(const Outcome& o);

/// What to measure next: outcomes that planned or in-progress items lift whose last
/// measurement on or before `as_of` is missing or more than `stale_days` old, with the items
/// waiting on each; and the released items that had no measurement before their release.
struct MeasureNextEntry {
  std::size_t outcome = 0;
  std::optional<std::size_t> last;     ///< index into EvidenceData::measurements
  std::int64_t days_since = 0;         ///< as_of − the last measurement's day (when there is one)
  std::vector<std::size_t> waiting;    ///< planned or in-progress items that lift it
  std::vector<std::size_t> no_baseline; ///< rows (realized lifts) of released items without a baseline
};
struct MeasureNext {
  DayNumber as_of = kNoDay;
  std::int64_t stale_days = 90;
  std::vector<MeasureNextEntry> outcomes;  ///< in document order
  std::vector<std::size_t> no_baseline;    ///< every row with reason_code no_baseline
};
/// The latest date in the document: of the measurements and the release days.
DayNumber latest_day(const EvidenceData& e);
MeasureNext measure_next(const GapData& g, const EvidenceData& e, const std::vector<RealizedLift>& rows,
                         DayNumber as_of, std::int64_t stale_days);

} // namespace gapscore
