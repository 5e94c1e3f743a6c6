// Text rendering of a capacity plan: what is in, what is out, and whether it is optimal.
#include "commands/request.hpp"
#include "commands/text_table.hpp"

namespace gapscore {

std::string render_plan_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"", "id", "title", "value", result["effort_field"].get<std::string>(), "depends on"};
  t.right = {false, false, false, true, true, false};
  // Selected items first (document order), then the rest.
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& it : result["items"]) {
      if (it["selected"].get<bool>() != (pass == 0)) continue;
      std::string deps;
      if (it.contains("depends_on"))
        for (const auto& d : it["depends_on"]) deps += (deps.empty() ? "" : ", ") + d.get<std::string>();
      t.rows.push_back({pass == 0 ? "in" : "out", it["id"].get<std::string>(),
                        markdown ? it["title"].get<std::string>() : table_cut(it["title"].get<std::string>(), 40),
                        table_number(it["value"]), table_number(it["effort"]), deps});
    }
  std::string out;
  if (!markdown)
    out += "Plan for capacity " + table_number(result["capacity"]) + " by " + result["variant"].get<std::string>() +
           " (value: " + result["value_term"].get<std::string>() + ")\n";
  out += t.render(markdown);
  if (markdown) out += "\n";
  out += "total value " + table_number(result["total_value"]) + ", total " + result["effort_field"].get<std::string>() +
         " " + table_number(result["total_effort"]) + " of " + table_number(result["capacity"]) + "; " +
         (result["optimal"].get<bool>() ? std::string("optimal")
                                        : "not proven optimal: the best plan is worth at most " +
                                              table_number(result["upper_bound"])) +
         "\n";
  // The gap model's knapsack adds lifts that claim one outcome twice: its "optimal" is for
  // those summed claims, and what the plan closes counting each gap once is another number.
  const Json* gap = result.contains("gap") ? &result["gap"] : nullptr;
  if (gap && (*gap)["value_counting_each_gap_once"].get<double>() < result["total_value"].get<double>() * (1 - 1e-9))
    out += "counting each gap once the plan is worth " + table_number((*gap)["value_counting_each_gap_once"]) +
           ": optimal is for the summed claims, and another selection may close more (see the warnings)\n";
  if (result.contains("objective_coverage"))
    out += "objective coverage: " + table_percent(result["objective_coverage"]["overall"].get<double>()) + "\n";
  return out;
}

} // namespace gapscore
