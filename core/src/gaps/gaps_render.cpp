// Text rendering of the gaps result (aligned table / Markdown).
#include "commands/text_table.hpp"
#include "gaps/commands.hpp"

namespace gapscore {

std::string render_gaps_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"rank", "outcome", "segment", "customers", "importance", "satisfaction", "opportunity", "status",
              "unrealized value", "share"};
  t.right = {true, false, false, true, true, true, true, false, true, true};
  for (const auto& o : result["outcomes"])
    t.rows.push_back({std::to_string(o["rank"].get<long long>()), markdown ? o["name"].get<std::string>() : table_cut(o["name"].get<std::string>(), 40),
                      o["segment"].get<std::string>(), table_number(o["customers"]), table_number(o["importance"]),
                      table_number(o["satisfaction"]), table_number(o["opportunity"]), o["status"].get<std::string>(),
                      table_number(o["unrealized_value"]), table_percent(o["share_of_unrealized_value"].get<double>())});
  std::string out;
  if (!markdown) out += result["variant"].get<std::string>() + ": " + result["formula"].get<std::string>() + "\n";
  out += t.render(markdown);
  out += (markdown ? "\n" : "") + std::string("total unrealized value: ") +
         table_number(result["total_unrealized_value"]) + " (" + result["unrealized_value_unit"].get<std::string>() + ")\n";
  return out;
}

} // namespace gapscore
