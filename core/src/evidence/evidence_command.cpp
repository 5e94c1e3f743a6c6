// gapscore evidence: did the released work close the customers' gap? The outcome history as
// unrealized value over time, predicted versus realized lift per released item, and the
// calibration of the estimates with a suggested confidence (docs/models.md, "Evidence").
#include "evidence/commands.hpp"
#include "document/sections.hpp"
#include "evidence/evidence.hpp"

#include <algorithm>
#include <cmath>

#include "commands/request.hpp"
#include "evidence/evidence_options.hpp"

namespace gapscore {
namespace {

constexpr std::string_view kVariant = "Evidence loop (Evidence-Based Management)";
constexpr std::string_view kLiftRule =
    "realized lift = the change between the last measurement strictly before the release day and the first "
    "one on or after the release day + the outcome's lag_days, as a fraction of the gap before the release; "
    "items released in the same window of an outcome split its change in proportion to their predicted lifts";
constexpr std::string_view kIntervalRule =
    "95 % interval = (change ± √(margin before² + margin after²)) / gap before, i.e. ± 1.96 × √(se before² + "
    "se after²) with se = margin / 1.96; within noise when it contains 0; null without a margin on both sides";
constexpr std::string_view kClosedShareRule =
    "Σ customers × (1 − the outcome's unrealized value on the day / on the first day) / Σ customers, over the "
    "outcomes with a gap on the first day (unmeasured ones close nothing)";
constexpr std::string_view kSpreadOf =
    "per window (the items released between the same two measurements of an outcome): its realized lift / Σ "
    "its items' predicted lifts; quartiles by linear interpolation";
constexpr std::int64_t kDefaultStaleDays = 90;

/// A date option ("from", "to", "as_of"); kNoDay when absent, nullopt on a usage error.
std::optional<DayNumber> date_option(Request& r, std::string_view name) {
  auto t = r.text(name);
  if (!t) return r.usage_error ? std::nullopt : std::optional<DayNumber>(kNoDay);
  std::string why;
  auto day = parse_iso_date(*t, why);
  if (!day) r.usage(name, code::invalid_option, why + " (got " + describe(Json(*t)) + ")");
  return day;
}

/// Levels near ±1e308 are valid inputs but overflow in gap × customers or in a ratio: an
/// input error naming the measurement, rather than the generic last-line check.
bool check_finite(Request& r, const GapData& g, const EvidenceData& e, const GapTrend& t,
                  const std::vector<RealizedLift>& lifts) {
  auto at = [&](const Measurement& m) { return pointer(pointer("/measurements", m.index), measure_kind_name(m.kind)); };
  const std::string why = "is too large: the gap × the segment's customers overflows (is the unit right?)";
  for (const Measurement& m : e.measurements)
    if (!std::isfinite(measured_unrealized_value(g, m))) r.diag.error(at(m), code::overflow, why);
  for (const RealizedLift& l : lifts) {
    if (!is_missing(l.window) && !std::isfinite(l.window))
      r.diag.error(at(e.measurements[*l.after]), code::overflow, "is too far from the level before the release to compare (overflow)");
    else if (!is_missing(l.window_low) && !(std::isfinite(l.window_low) && std::isfinite(l.window_high)))
      r.diag.error(pointer(pointer("/measurements", e.measurements[*l.after].index), "margin"), code::overflow,
                   "is too large to compare with the gap before the release (overflow)");
  }
  if (r.diag.ok())
    for (double v : t.total)
      if (!std::isfinite(v)) {
        r.diag.error("/measurements", code::overflow, "the total unrealized value overflows (are the units right?)");
        break;
      }
  return r.diag.ok();
}

Json nullable(double x) { return is_missing(x) ? Json(nullptr) : Json(x); }

Json share_closed(double start, double end) { return start > 0 ? Json((start - end) / start) : Json(nullptr); }

Json interval_json(double low, double high) {
  return is_missing(low) ? Json(nullptr) : Json{{"low", low}, {"high", high}};
}

Json within_noise_json(double low, double high) {
  return is_missing(low) ? Json(nullptr) : Json(low <= 0 && high >= 0);
}

/// The units of the outcomes' gaps, each once, in document order.
std::vector<std::string> units_of(const GapData& g) {
  std::vector<std::string> units;
  for (const Outcome& o : g.outcomes) {
    std::string u = gap_unit(o);
    if (std::find(units.begin(), units.end(), u) == units.end()) units.push_back(std::move(u));
  }
  return units;
}

Json measurement_point(const GapData& g, const Measurement& m, double start) {
  const double uv = measured_unrealized_value(g, m);
  Json p = {{"date", format_day(m.day)}, {"value", m.value}};
  if (!is_missing(m.margin)) p["margin"] = m.margin;
  p["unrealized_value"] = uv;
  p["gap_share"] = start > 0 ? Json(uv / start) : Json(nullptr);
  if (m.kind == MeasureKind::survey) p["from"] = "survey";
  if (!is_missing(m.respondents)) p["respondents"] = m.respondents;
  if (!m.source.empty()) p["source"] = m.source;
  return p;
}

Json outcome_rows(const Scenario& s, const GapData& g, const EvidenceData& e, const GapTrend& t, std::int64_t default_lag) {
  Json rows = Json::array();
  for (std::size_t o = 0; o < g.outcomes.size(); ++o) {
    if (t.by_outcome[o].empty()) continue;
    const Outcome& out = g.outcomes[o];
    const Segment& seg = g.segments[out.segment];
    const bool levels = out.has_levels();
    Json row = {{"id", out.id}, {"name", out.name}, {"segment", seg.id}, {"customers", seg.size},
                {"measured_by", levels ? "current" : "satisfaction"}, {"unit", gap_unit(out)}};
    if (levels) {
      row["document_current"] = out.current;
      row["desired"] = out.desired;
    } else {
      row["importance"] = out.importance;
      row["document_satisfaction"] = out.satisfaction;
    }
    row["lag_days"] = e.lag_days[o] != kNoLag ? e.lag_days[o] : default_lag != kNoLag ? default_lag : 0;
    const double start = t.by_outcome[o].front(), end = t.by_outcome[o].back();
    Json trend = Json::array();
    for (std::size_t k : e.by_outcome[o]) {
      const Measurement& m = e.measurements[k];
      if (!t.days.empty() && m.day >= t.days.front() && m.day <= t.days.back()) trend.push_back(measurement_point(g, m, start));
    }
    row["trend"] = std::move(trend);
    // Release markers for the chart, by day (document order within a day).
    std::vector<std::size_t> released;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (e.released[i] != kNoDay)
        for (const Lift& l : g.lifts[i])
          if (l.outcome == o) released.push_back(i);
    std::stable_sort(released.begin(), released.end(),
                     [&](std::size_t a, std::size_t b) { return e.released[a] < e.released[b]; });
    Json releases = Json::array();
    for (std::size_t i : released) releases.push_back({{"item", s.items[i].id}, {"date", format_day(e.released[i])}});
    row["releases"] = std::move(releases);
    row["unrealized_value_start"] = start;
    row["unrealized_value_end"] = end;
    row["closed_share"] = share_closed(start, end);
    rows.push_back(std::move(row));
  }
  return rows;
}

Json measured_at(const Measurement& m) {
  Json j = {{"date", format_day(m.day)}, {"value", m.value}};
  if (!is_missing(m.margin)) j["margin"] = m.margin;
  return j;
}

Json item_rows(const Scenario& s, const GapData& g, const EvidenceData& e, const std::vector<RealizedLift>& lifts) {
  Json rows = Json::array();
  for (const RealizedLift& r : lifts) {
    const ItemInfo& item = s.items[r.item];
    Json row = {{"id", item.id}, {"title", item.title}, {"outcome", g.outcomes[r.outcome].id},
                {"released", format_day(e.released[r.item])}};
    if (!e.team[r.item].empty()) row["team"] = e.team[r.item];
    row["predicted_lift"] = r.predicted;
    row["realized_lift"] = nullable(r.realized);
    row["ratio"] = is_missing(r.realized) ? Json(nullptr) : Json(r.realized / r.predicted);
    row["interval"] = interval_json(r.low, r.high);
    row["within_noise"] = within_noise_json(r.low, r.high);
    row["lag_days"] = r.lag;
    if (r.before) row["before"] = measured_at(e.measurements[*r.before]);
    if (r.after) {
      row["after"] = measured_at(e.measurements[*r.after]);
      row["measured_after_days"] = e.measurements[*r.after].day - e.released[r.item];
      row["early_measurement"] = r.early;
    }
    if (!is_missing(r.window)) row["window_realized_lift"] = r.window;
    if (!r.shared_with.empty()) {
      Json others = Json::array();
      for (std::size_t i : r.shared_with) others.push_back(s.items[i].id);
      row["shared_with"] = std::move(others);
      row["share"] = r.share;
    }
    if (!r.reason.empty()) {
      row["reason"] = r.reason;
      row["reason_code"] = r.reason_code;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

Json window_rows(const Scenario& s, const GapData& g, const EvidenceData& e, const std::vector<RealizedLift>& lifts) {
  Json rows = Json::array();
  for (const LiftWindow& w : lift_windows(lifts)) {
    Json items = Json::array();
    for (std::size_t k : w.rows) items.push_back(s.items[lifts[k].item].id);
    rows.push_back({{"outcome", g.outcomes[w.outcome].id},
                    {"before", format_day(e.measurements[w.before].day)},
                    {"after", format_day(e.measurements[w.after].day)},
                    {"items", std::move(items)},
                    {"predicted_lift_total", w.predicted},
                    {"realized_lift", w.realized},
                    {"ratio", w.ratio},
                    {"interval", interval_json(w.low, w.high)},
                    {"within_noise", within_noise_json(w.low, w.high)}});
  }
  return rows;
}

Json group_json(const CalibrationGroup& c, const char* key_name) {
  Json j = Json::object();
  if (key_name) j[key_name] = c.key;
  j["windows"] = c.windows;
  j["items"] = c.items;
  j["lifts"] = c.lifts;
  j["predicted_lift_total"] = c.predicted;
  j["realized_lift_total"] = c.realized;
  j["ratio"] = nullable(c.ratio);
  if (c.windows > 0)
    j["spread"] = {{"min", c.spread.min}, {"q1", c.spread.q1}, {"median", c.spread.median},
                   {"q3", c.spread.q3}, {"max", c.spread.max}};
  j["suggested_confidence"] = nullable(c.suggested.value);
  if (c.windows > 0) j["capped"] = c.suggested.capped;
  return j;
}

Json calibration_json(const Calibration& c) {
  Json j = group_json(c.overall, nullptr);
  j["spread_of"] = kSpreadOf;
  j["prior"] = {{"items", c.prior.items}, {"ratio", c.prior.ratio}};
  j["confidence_rule"] = kConfidenceRule;
  if (c.overall.windows == 0)
    j["reason"] = "no released item has a measurement of its outcome both before and after its release";
  if (!c.by_team.empty()) {
    j["by_team"] = Json::array();
    for (const auto& g : c.by_team) j["by_team"].push_back(group_json(g, "team"));
  }
  if (!c.by_tag.empty()) {
    j["by_tag"] = Json::array();
    for (const auto& g : c.by_tag) j["by_tag"].push_back(group_json(g, "tag"));
  }
  return j;
}

/// The headline: the customers-weighted share of each outcome's own gap closed; the summed
/// unrealized value only when every outcome's gap is in the same unit.
Json total_json(const GapData& g, const GapTrend& t, const std::vector<std::string>& units) {
  const bool one_unit = units.size() == 1;
  const auto sum = [&](double v) { return one_unit ? Json(v) : Json(nullptr); };
  const auto closed = [](double gap_share) { return is_missing(gap_share) ? Json(nullptr) : Json(1 - gap_share); };
  Json j = Json::object();
  const std::size_t n = t.days.size();
  j["from"] = format_day(t.days.front());
  j["to"] = format_day(t.days.back());
  j["closed_share"] = closed(t.gap_share.back());
  j["closed_share_of_measured"] = closed(t.measured_gap_share.back());
  j["closed_share_rule"] = kClosedShareRule;
  j["unit"] = one_unit ? Json(units.front()) : Json(nullptr);
  j["unrealized_value_start"] = sum(t.total.front());
  j["unrealized_value_end"] = sum(t.total.back());
  j["closed"] = sum(t.total.front() - t.total.back());
  if (!one_unit) {
    std::string list;
    for (const std::string& u : units) list += (list.empty() ? "" : ", ") + u;
    j["unrealized_value_reason"] = "the outcomes' gaps are in different units (" + list + "): their sum has no unit";
  }
  j["measured_outcomes"] = g.outcomes.size() - t.unmeasured.size();
  Json unmeasured = Json::array();
  for (std::size_t o : t.unmeasured) unmeasured.push_back(g.outcomes[o].id);
  j["unmeasured_outcomes"] = std::move(unmeasured);
  j["unmeasured_unrealized_value"] = sum(t.unmeasured_value);
  Json trend = Json::array();
  for (std::size_t d = 0; d < n; ++d)
    trend.push_back({{"date", format_day(t.days[d])},
                     {"gap_share", nullable(t.gap_share[d])},
                     {"closed_share", closed(t.gap_share[d])},
                     {"unrealized_value", sum(t.total[d])},
                     {"measured_unrealized_value", sum(t.measured_total[d])}});
  j["trend"] = std::move(trend);
  return j;
}

Json measure_next_json(const Scenario& s, const GapData& g, const EvidenceData& e, const std::vector<RealizedLift>& lifts,
                       const MeasureNext& next) {
  Json j = {{"as_of", format_day(next.as_of)},
            {"stale_days", next.stale_days},
            {"rule", "outcomes that planned or in-progress items lift whose last measurement on or before as_of is "
                     "missing or more than stale_days old: measure them before those items are released, or their "
                     "effect cannot be calibrated"}};
  Json outcomes = Json::array();
  for (const MeasureNextEntry& m : next.outcomes) {
    const Outcome& o = g.outcomes[m.outcome];
    Json row = {{"id", o.id}, {"name", o.name}};
    row["last_measured"] = m.last ? Json(format_day(e.measurements[*m.last].day)) : Json(nullptr);
    row["days_since_last"] = m.last ? Json(m.days_since) : Json(nullptr);
    row["reason_code"] = m.last ? "stale" : "no_measurement";
    Json waiting = Json::array();
    for (std::size_t i : m.waiting) waiting.push_back(s.items[i].id);
    row["waiting"] = std::move(waiting);
    Json none = Json::array();
    for (std::size_t k : m.no_baseline) none.push_back(s.items[lifts[k].item].id);
    row["no_baseline"] = std::move(none);
    outcomes.push_back(std::move(row));
  }
  j["outcomes"] = std::move(outcomes);
  Json none = Json::array();
  for (std::size_t k : next.no_baseline)
    none.push_back({{"item", s.items[lifts[k].item].id},
                    {"outcome", g.outcomes[lifts[k].outcome].id},
                    {"released", format_day(e.released[lifts[k].item])}});
  j["no_baseline"] = std::move(none);
  return j;
}

} // namespace

Json command_evidence(Request& r) {
  const auto from = date_option(r, "from");
  const auto to = date_option(r, "to");
  const auto as_of = date_option(r, "as_of");
  const auto stale = r.integer("stale_days", 0, kMaxDays);
  const auto opts = read_evidence_options(r);
  if (!from || !to || !as_of || !opts || r.usage_error) return nullptr;
  if (*from != kNoDay && *to != kNoDay && *from > *to) {
    r.usage("to", code::invalid_option, "is before \"from\" (" + format_day(*from) + ")");
    return nullptr;
  }
  auto s = r.load();
  if (!s) return nullptr;
  const GapData& g = s->sections().gap;
  const EvidenceData& e = s->sections().evidence;
  if (g.outcomes.empty()) {
    r.diag.error("/outcomes", code::missing_input, "missing: list the customer outcomes whose history the measurements record");
    return nullptr;
  }
  if (e.measurements.empty()) {
    r.diag.error("/measurements", code::missing_input, "missing: record each outcome's level or satisfaction over time, e.g. "
                                  "{\"outcome\": \"" + g.outcomes.front().id + "\", \"date\": \"2024-03-15\", \"" +
                                  (g.outcomes.front().has_levels() ? "current" : "satisfaction") + "\": ...}");
    return nullptr;
  }
  const GapTrend t = gap_trend(g, e, *from, *to);
  if (t.days.empty()) {
    r.diag.error("/measurements", code::no_result, "no measurement between " + (*from == kNoDay ? std::string("the start") : format_day(*from)) +
                                      " and " + (*to == kNoDay ? std::string("the end") : format_day(*to)));
    return nullptr;
  }
  if (t.days.size() * (g.outcomes.size() - t.unmeasured.size()) > kMaxTrendCells) {
    r.diag.error("/measurements", code::too_large, "the trend would hold more than " + std::to_string(kMaxTrendCells) +
                                      " values (measured outcomes × measurement days); narrow it with from/to");
    return nullptr;
  }
  const std::vector<RealizedLift> lifts = realized_lifts(g, e, opts->lag_days);
  if (!check_finite(r, g, e, t, lifts)) return nullptr;
  const Calibration cal = calibrate(lifts, s->items, e.team, opts->prior);
  const MeasureNext next =
      measure_next(g, e, lifts, *as_of != kNoDay ? *as_of : latest_day(e), stale ? *stale : kDefaultStaleDays);

  warn_early_measurements(r, *s, lifts);
  const std::vector<std::string> units = units_of(g);
  if (units.size() > 1) {
    std::string list;
    for (const std::string& u : units) list += (list.empty() ? "" : ", ") + u;
    r.diag.warning("/outcomes", code::mixed_units, "the outcomes' gaps are in different units (" + list + "): the total "
                   "unrealized value is not summed; the share closed is the customers-weighted share of each outcome's own gap");
  }

  Json not_measured = Json::array();
  for (std::size_t i = 0; i < s->size(); ++i) {
    if (e.released[i] == kNoDay && e.status[i] == ItemStatus::done)
      not_measured.push_back({{"id", s->items[i].id}, {"reason", "status is done but there is no \"released\" date"}});
    else if (e.released[i] != kNoDay && g.lifts[i].empty())
      not_measured.push_back({{"id", s->items[i].id}, {"reason", "released, but it lists no outcomes it lifts"}});
  }

  Json out = Json::object();
  out["variant"] = kVariant;
  out["realized_lift_rule"] = kLiftRule;
  out["interval_rule"] = kIntervalRule;
  out["unrealized_value_unit"] = units.size() == 1 ? Json(units.front() + " × customers") : Json(nullptr);
  out["outcomes"] = outcome_rows(*s, g, e, t, opts->lag_days);
  out["items"] = item_rows(*s, g, e, lifts);
  out["windows"] = window_rows(*s, g, e, lifts);
  if (!not_measured.empty()) out["not_measured"] = std::move(not_measured);
  out["calibration"] = calibration_json(cal);
  out["total"] = total_json(g, t, units);
  out["measure_next"] = measure_next_json(*s, g, e, lifts, next);
  return out;
}

const CommandSpec& evidence_command() {
  static const CommandSpec spec{"evidence",
                                "did the released work close the gap: realized vs predicted lift, calibration, gap over time",
                                {"from", "to", "lag_days", "stale_days", "as_of", "prior_items", "prior_ratio"},
                                command_evidence,
                                render_evidence_table,
                                nullptr,
                                "table"};
  return spec;
}

} // namespace gapscore
