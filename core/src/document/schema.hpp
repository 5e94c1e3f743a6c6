#pragma once
/// What the "gapscore/1" format knows, in one place: field names (so unknown ones can be
/// flagged as likely typos) and the rules each numeric input follows.
#include <optional>
#include <string>
#include <string_view>

#include "gapscore/scenario.hpp"

namespace gapscore {

inline constexpr std::string_view kFormat = "gapscore/1";

/// A numeric input's allowed interval, and a hint for a common mistake.
struct NumberRule {
  double min = -1.7976931348623157e308;
  bool min_inclusive = true;
  double max = 1.7976931348623157e308;
  bool max_inclusive = true;
};

NumberRule rule_for(Field f);

/// Whether a value follows the rule (inline: it runs for every number of every item).
inline bool obeys(double v, const NumberRule& r) {
  const bool below = r.min_inclusive ? v < r.min : v <= r.min;
  const bool above = r.max_inclusive ? v > r.max : v >= r.max;
  return !below && !above;
}

/// The reason a value breaks the rule, e.g. "must be greater than 0 (got 0)", or "".
std::string check_number(double value, const NumberRule& rule);

/// What to warn about a value the rule allows but the field's published scale does not
/// list (an impact of 7: "is 7, not on Intercom's impact scale 3, 2, 1, 0.5, 0.25"), or "".
/// A code::unusual_value warning, whether the value was read or typed into the engine.
std::string unusual_value_note(Field f, double value);

/// Whether a top-level / item field name is part of the format (possibly read by a command
/// other than the foundation's).
bool is_known_top_level_field(std::string_view name);
bool is_known_item_field(std::string_view name);

/// The known top-level (or item) field an unknown one is a typo of: the closest within two
/// edits ("efort" -> effort, "impcat" -> impact, "mosocw" -> moscow), or "" when none is.
std::string known_field_near(std::string_view name, bool item_field);
/// The warning for an unknown field: "unknown field, kept as is (is it a typo?)", naming the
/// known field it is a typo of when there is one (known_field_near).
std::string unknown_field_message(std::string_view name, bool item_field);
/// The same warning for a suggestion already found ("" for none).
std::string unknown_field_text(std::string_view suggestion);

} // namespace gapscore
