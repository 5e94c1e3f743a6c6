// Text rendering of the sensitivity result (aligned table / Markdown). It leads with what
// stakeholders ask, which items stay in the top N, and shows the narrower range that also
// keeps their order beside it.
#include "commands/text_table.hpp"
#include "whatif/commands.hpp"

namespace gapscore {
namespace {

/// "[3.9, 5.5)": [ ] an end that keeps the property, ( ) one where it already changes.
std::string range_cell(const Json& min, bool min_included, const Json& max, bool max_included) {
  const std::string lo = (min_included ? "[" : "(") + table_number(min);
  const std::string hi = max.is_null() ? "∞)" : table_number(max) + (max_included ? "]" : ")");
  return lo + ", " + hi;
}

} // namespace

std::string render_sensitivity_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"criterion", "weight", "same top " + whole_cell(result["top"]), "below it", "above it", "same order"};
  t.right = {false, true, false, false, false, false};
  auto swap = [](const Json& s) {
    return s.is_null() ? std::string("-") : value_cell(s["enters"]) + " replaces " + value_cell(s["leaves"]);
  };
  for (const auto& w : result["weights"]) {
    const Json& set = w["same_items"];
    t.rows.push_back({value_cell(w["criterion"]), table_number(w["current"]),
                      range_cell(set["min"], set["min_included"].get<bool>(), set["max"], set["max_included"].get<bool>()),
                      swap(set["below"]), swap(set["above"]),
                      range_cell(w["stable_min"], w["stable_min_included"].get<bool>(), w["stable_max"],
                                 w["stable_max_included"].get<bool>())});
  }
  return table_heading("The same items stay in the top " + whole_cell(result["top"]) + " (" + list_cell(result["top_items"]) +
                           ") while each weight, moved alone, stays in its range; \"same order\" is the narrower "
                           "range that also keeps their order",
                       markdown) +
         t.render(markdown);
}

} // namespace gapscore
