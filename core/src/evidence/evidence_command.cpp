// gapscore evidence: did the released work close the customers' gap? The outcome history as
// unrealized value over time, predicted versus realized lift per released item, and the
// calibration of the estimates with a suggested confidence (docs/models.md, "Evidence").
#include "evidence/commands.hpp"
#include "document/sections.hpp"
#include "evidence/evidence.hpp"

#include <algorithm>
#include <cmath>

#include "commands/request.hpp"

namespace gapscore {
namespace {

constexpr std::string_view kVariant = "Evidence loop (Evidence-Based Management)";
constexpr std::string_view kLiftRule =
    "realized lift = the change between the last measurement strictly before the release day and the first "
    "one on or after it, as a fraction of the gap before the release; items released in the same window of "
    "an outcome split its change in proportion to their predicted lifts";

/// A date option ("from", "to"); kNoDay when absent, nullopt on a usage error.
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
  for (const RealizedLift& l : lifts)
    if (!is_missing(l.window) && !std::isfinite(l.window))
      r.diag.error(at(e.measurements[*l.after]), code::overflow, "is too far from the level before the release to compare (overflow)");
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

Json measurement_point(const GapData& g, const Measurement& m) {
  Json p = {{"date", format_day(m.day)},
            {"value", m.value},
            {"unrealized_value", measured_unrealized_value(g, m)}};
  if (m.kind == MeasureKind::survey) p["from"] = "survey";
  if (!is_missing(m.respondents)) p["respondents"] = m.respondents;
  if (!m.source.empty()) p["source"] = m.source;
  return p;
}

Json outcome_rows(const Scenario& s, const GapData& g, const EvidenceData& e, const GapTrend& t) {
  Json rows = Json::array();
  for (std::size_t o = 0; o < g.outcomes.size(); ++o) {
    if (t.by_outcome[o].empty()) continue;
    const Outcome& out = g.outcomes[o];
    const Segment& seg = g.segments[out.segment];
    const bool levels = out.has_levels();
    Json row = {{"id", out.id}, {"name", out.name}, {"segment", seg.id}, {"customers", seg.size},
                {"measured_by", levels ? "current" : "satisfaction"}};
    if (levels) {
      row["document_current"] = out.current;
      row["desired"] = out.desired;
    } else {
      row["importance"] = out.importance;
      row["document_satisfaction"] = out.satisfaction;
    }
    Json trend = Json::array();
    for (std::size_t k : e.by_outcome[o]) {
      const Measurement& m = e.measurements[k];
      if (!t.days.empty() && m.day >= t.days.front() && m.day <= t.days.back()) trend.push_back(measurement_point(g, m));
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
    const double start = t.by_outcome[o].front(), end = t.by_outcome[o].back();
    row["unrealized_value_start"] = start;
    row["unrealized_value_end"] = end;
    row["closed_share"] = share_closed(start, end);
    rows.push_back(std::move(row));
  }
  return rows;
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
    for (const auto& [name, at] : {std::pair{"before", r.before}, std::pair{"after", r.after}})
      if (at) row[name] = {{"date", format_day(e.measurements[*at].day)}, {"value", e.measurements[*at].value}};
    if (!is_missing(r.window)) row["window_realized_lift"] = r.window;
    if (!r.shared_with.empty()) {
      Json others = Json::array();
      for (std::size_t i : r.shared_with) others.push_back(s.items[i].id);
      row["shared_with"] = std::move(others);
      row["share"] = r.share;
    }
    if (!r.reason.empty()) row["reason"] = r.reason;
    rows.push_back(std::move(row));
  }
  return rows;
}

Json group_json(const CalibrationGroup& c, const char* key_name) {
  Json j = Json::object();
  if (key_name) j[key_name] = c.key;
  j["items"] = c.items;
  j["lifts"] = c.lifts;
  j["predicted_lift_total"] = c.predicted;
  j["realized_lift_total"] = c.realized;
  j["ratio"] = nullable(c.ratio);
  if (c.items > 0)
    j["spread"] = {{"min", c.spread.min}, {"q1", c.spread.q1}, {"median", c.spread.median},
                   {"q3", c.spread.q3}, {"max", c.spread.max}};
  j["suggested_confidence"] = nullable(c.suggested_confidence);
  return j;
}

Json calibration_json(const Calibration& c) {
  Json j = group_json(c.overall, nullptr);
  j["spread_of"] = "per item: Σ realized / Σ predicted over its measured outcomes; quartiles by linear interpolation";
  j["confidence_rule"] = kConfidenceRule;
  if (c.overall.items == 0)
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

Json total_json(const GapData& g, const GapTrend& t) {
  Json j = Json::object();
  const std::size_t n = t.days.size();
  j["from"] = format_day(t.days.front());
  j["to"] = format_day(t.days.back());
  j["unrealized_value_start"] = t.total.front();
  j["unrealized_value_end"] = t.total.back();
  j["closed"] = t.total.front() - t.total.back();
  j["closed_share"] = share_closed(t.total.front(), t.total.back());
  j["closed_share_of_measured"] = share_closed(t.measured_total.front(), t.measured_total.back());
  j["measured_outcomes"] = g.outcomes.size() - t.unmeasured.size();
  Json unmeasured = Json::array();
  for (std::size_t o : t.unmeasured) unmeasured.push_back(g.outcomes[o].id);
  j["unmeasured_outcomes"] = std::move(unmeasured);
  j["unmeasured_unrealized_value"] = t.unmeasured_value;
  Json trend = Json::array();
  for (std::size_t d = 0; d < n; ++d)
    trend.push_back({{"date", format_day(t.days[d])},
                     {"unrealized_value", t.total[d]},
                     {"measured_unrealized_value", t.measured_total[d]},
                     {"closed_share", share_closed(t.total.front(), t.total[d])}});
  j["trend"] = std::move(trend);
  return j;
}

} // namespace

Json command_evidence(Request& r) {
  const auto from = date_option(r, "from");
  const auto to = date_option(r, "to");
  if (!from || !to) return nullptr;
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
  const std::vector<RealizedLift> lifts = realized_lifts(g, e);
  if (!check_finite(r, g, e, t, lifts)) return nullptr;
  const Calibration cal = calibrate(lifts, s->items, e.team);

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
  out["unrealized_value_unit"] = "level points × customers";
  out["outcomes"] = outcome_rows(*s, g, e, t);
  out["items"] = item_rows(*s, g, e, lifts);
  if (!not_measured.empty()) out["not_measured"] = std::move(not_measured);
  out["calibration"] = calibration_json(cal);
  out["total"] = total_json(g, t);
  return out;
}

const CommandSpec& evidence_command() {
  static const CommandSpec spec{"evidence", "did the released work close the gap: realized vs predicted lift, calibration, gap over time", {"from", "to"}, command_evidence, render_evidence_table, nullptr};
  return spec;
}

} // namespace gapscore
