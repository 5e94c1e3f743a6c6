// Text rendering of the compare result (aligned table / Markdown).
#include "commands/text_table.hpp"
#include "whatif/commands.hpp"

namespace gapscore {

std::string render_compare_table(const Json& result, bool markdown) {
  const std::string a = value_cell(result["a"]["id"]), b = value_cell(result["b"]["id"]);
  TextTable t;
  t.header = {"rank in " + b, "rank in " + a, "change", "id", "title", "why"};
  t.right = {true, true, true, false, false, false};
  auto rank = [](const Json& v) { return v.is_null() ? std::string("-") : whole_cell(v); };
  for (const auto& it : result["items"]) {
    std::string change;
    if (it.contains("change")) {
      const long long c = it["change"].get<long long>();
      change = c > 0 ? "+" + std::to_string(c) : std::to_string(c);
    }
    std::string why = value_cell(it["reason"]);
    if (it.contains("moved_by") && !it["moved_by"].empty()) {
      std::string terms;
      for (const auto& term : it["moved_by"]) terms += (terms.empty() ? "" : ", ") + value_cell(term["term"]);
      why += " (" + terms + ")";
    }
    t.rows.push_back({rank(it["after_rank"]), rank(it["before_rank"]), change, value_cell(it["id"]),
                      table_cut(value_cell(it["title"]), 40), why});
  }
  std::string out = table_heading(value_cell(result["a"]["name"]) + " (" + a + ", " + value_cell(result["a"]["model"]) + ") -> " +
                                value_cell(result["b"]["name"]) + " (" + b + ", " + value_cell(result["b"]["model"]) + ")",
                            markdown) +
                    t.render(markdown);
  if (result.contains("top")) {
    const std::string n = whole_cell(result["top"]), gap = markdown ? "\n" : "";
    out += gap + "entered the top " + n + ": " + list_cell(result["entered_top"]) + "\n";
    out += gap + "left the top " + n + ": " + list_cell(result["left_top"]) + "\n";
  }
  return out;
}

} // namespace gapscore
