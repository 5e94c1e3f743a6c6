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

/// The reason a value breaks the rule, e.g. "must be greater than 0 (got 0)", or "".
std::string check_number(double value, const NumberRule& rule);

/// Whether a top-level / item field name is part of the format (possibly read by a command
/// other than the foundation's).
bool is_known_top_level_field(std::string_view name);
bool is_known_item_field(std::string_view name);

/// The warning for an unknown top-level or item field: "unknown field, kept as is (is it a
/// typo?)", naming the known field it is closest to when one is within two edits
/// ("efort" -> effort, "impcat" -> impact).
std::string unknown_field_message(std::string_view name, bool item_field);

} // namespace gapscore
