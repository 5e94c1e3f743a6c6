#include "document/schema.hpp"

#include <algorithm>
#include <array>
#include <vector>

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

std::string unusual_value_note(Field f, double x) {
  if (f == Field::impact && x != 3 && x != 2 && x != 1 && x != 0.5 && x != 0.25)
    return "is " + number_text(x) + ", not on Intercom's impact scale 3, 2, 1, 0.5, 0.25";
  return {};
}

std::string check_number(double v, const NumberRule& r) {
  const bool has_min = r.min > -1.7976931348623157e308;
  const bool has_max = r.max < 1.7976931348623157e308;
  if (obeys(v, r)) return "";
  const bool below = r.min_inclusive ? v < r.min : v <= r.min;
  const std::string got = " (got " + number_text(v) + ")";
  // Fractions (confidence, a lift) read as in the docs, with a hint where a percentage was the
  // likely slip: 80 meant as 80 %, not 1.0001 meant as 1.
  if (r.min == 0 && !r.min_inclusive && r.max == 1 && r.max_inclusive) {
    const bool percent = v >= 2 && v <= 100;
    return "must be a fraction in (0, 1] (got " + number_text(v) +
           (percent ? "; for " + number_text(v) + " % write " + number_text(v / 100) : "") + ")";
  }
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
// "warnings" is what import-csv wrote down about the sheet it read (columns mapped or left
// out, numbers converted): kept in the document as its record, never read.
constexpr std::array<std::string_view, 21> kTopLevel = {
    "format",     "title",    "description",  "model",        "top",      "normalization",
    "criteria",   "items",    "segments",     "outcomes",     "objectives", "stakeholders",
    "ahp",        "scenarios", "measurements", "simulation", "notes", "matrix",
    "stakeholder_aggregation", "weights_from", "warnings"};
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

namespace {
/// Optimal string alignment distance (Levenshtein plus adjacent transpositions, the common
/// typing slips), ASCII case-insensitive; stops early once it exceeds `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const bool same = lower(a[i - 1]) == lower(b[j - 1]);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    prev2.swap(prev);
    prev.swap(cur);
  }
  return prev[m];
}
} // namespace

std::string known_field_near(std::string_view name, bool item_field) {
  // Within two edits, and not for very short names (any two-letter key is two edits from
  // "id"); the first closest known name wins, in the format's order.
  const std::size_t limit = name.size() <= 4 ? 1 : 2;
  std::string_view best;
  std::size_t best_distance = limit + 1;
  const auto consider = [&](std::string_view known) {
    const std::size_t d = edit_distance(name, known, limit);
    if (d < best_distance) {
      best_distance = d;
      best = known;
    }
  };
  if (item_field) {
    for (std::size_t i = 0; i < kFieldCount; ++i) consider(field_name(static_cast<Field>(i)));
    for (auto k : kItemExtra) consider(k);
  } else {
    for (auto k : kTopLevel) consider(k);
  }
  if (best.empty() || name.size() < 3) return "";
  return std::string(best);
}

std::string unknown_field_message(std::string_view name, bool item_field) {
  return unknown_field_text(known_field_near(name, item_field));
}

std::string unknown_field_text(std::string_view suggestion) {
  if (suggestion.empty()) return "unknown field, kept as is (is it a typo?)";
  return "unknown field, kept as is (is it a typo of \"" + std::string(suggestion) + "\"?)";
}

} // namespace gapscore
