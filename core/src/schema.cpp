#include "gapscore/schema.hpp"

#include <array>

#include "gapscore/diagnostics.hpp"

namespace gapscore {

NumberRule rule_for(Field f) {
  switch (f) {
  case Field::reach:
  case Field::business_value:
  case Field::time_criticality:
  case Field::risk_reduction:
  case Field::value: return {0, true};
  case Field::impact:
  case Field::effort:
  case Field::job_size: return {0, false};
  case Field::confidence: return {0, false, 1, true};
  case Field::ice_impact:
  case Field::ice_confidence:
  case Field::ease: return {1, true, 10, true};
  }
  return {};
}

std::string check_number(double v, const NumberRule& r) {
  const bool has_min = r.min > -1.7976931348623157e308;
  const bool has_max = r.max < 1.7976931348623157e308;
  const bool below = r.min_inclusive ? v < r.min : v <= r.min;
  const bool above = r.max_inclusive ? v > r.max : v >= r.max;
  if (!below && !above) return "";
  const std::string got = " (got " + number_text(v) + ")";
  if (has_min && has_max)
    return "must be between " + number_text(r.min) + (r.min_inclusive ? "" : " (exclusive)") +
           " and " + number_text(r.max) + got;
  if (below)
    return (r.min_inclusive ? "must be at least " : "must be greater than ") + number_text(r.min) +
           got;
  return (r.max_inclusive ? "must be at most " : "must be less than ") + number_text(r.max) + got;
}

namespace {
// Sections read by commands beyond the foundation are listed too, so they are not reported
// as unknown.
constexpr std::array<std::string_view, 20> kTopLevel = {
    "format",     "title",    "description",  "model",        "top",      "normalization",
    "criteria",   "items",    "segments",     "outcomes",     "objectives", "stakeholders",
    "ahp",        "scenarios", "measurements", "simulation", "notes", "matrix",
    "stakeholder_aggregation", "weights_from"};
constexpr std::array<std::string_view, 14> kItemExtra = {
    "id",       "title",      "description", "tags",   "moscow", "depends_on", "scores",
    "outcomes", "contributes", "kano",       "status", "released", "team",     "notes"};
} // namespace

bool is_known_top_level_field(std::string_view name) {
  for (auto k : kTopLevel)
    if (k == name) return true;
  return false;
}

bool is_known_item_field(std::string_view name) {
  if (field_from_name(name)) return true;
  for (auto k : kItemExtra)
    if (k == name) return true;
  return false;
}

} // namespace gapscore
