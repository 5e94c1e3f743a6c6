// Text rendering of the sensitivity result (aligned table / Markdown).
#include "commands/text_table.hpp"
#include "whatif/commands.hpp"

namespace gapscore {

std::string render_sensitivity_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"criterion", "weight", "stable range", "below it", "above it"};
  t.right = {false, true, false, false, false};
  auto flip = [](const Json& p) { return p.is_null() ? std::string("-") : value_cell(p[1]) + " passes " + value_cell(p[0]); };
  for (const auto& w : result["weights"]) {
    // [ ] an end that keeps the top N, ( ) one where it already changes (tie-break lost).
    const std::string lo = (w["stable_min_included"].get<bool>() ? "[" : "(") + table_number(w["stable_min"]);
    const std::string hi = w["stable_max"].is_null()
                               ? "∞)"
                               : table_number(w["stable_max"]) + (w["stable_max_included"].get<bool>() ? "]" : ")");
    t.rows.push_back({value_cell(w["criterion"]), table_number(w["current"]), lo + ", " + hi, flip(w["flip_below"]),
                      flip(w["flip_above"])});
  }
  return table_heading("Top " + whole_cell(result["top"]) + " (" + list_cell(result["top_items"]) +
                     ") stays the same while each weight, moved alone, stays in its range",
                 markdown) +
         t.render(markdown);
}

} // namespace gapscore
