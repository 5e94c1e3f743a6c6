// Text rendering of the Kano result (aligned table / Markdown).
#include "commands/text_table.hpp"
#include "gaps/commands.hpp"

namespace gapscore {

std::string render_kano_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"id", "title", "A", "O", "M", "I", "R", "Q", "category", "better", "worse"};
  t.right = {false, false, true, true, true, true, true, true, false, true, true};
  for (const auto& it : result["items"]) {
    const Json& c = it["counts"];
    std::string category = it["category"].get<std::string>() + " " + it["category_name"].get<std::string>();
    if (it.contains("tied")) category += " (tie)";
    t.rows.push_back({it["id"].get<std::string>(),
                      markdown ? it["title"].get<std::string>() : table_cut(it["title"].get<std::string>(), 32),
                      table_number(c["A"]), table_number(c["O"]), table_number(c["M"]), table_number(c["I"]),
                      table_number(c["R"]), table_number(c["Q"]), category, table_number(it["better"]),
                      table_number(it["worse"])});
  }
  std::string out;
  if (!markdown) out += result["variant"].get<std::string>() + ": " + result["formula"].get<std::string>() + "\n";
  return out + t.render(markdown);
}

} // namespace gapscore
