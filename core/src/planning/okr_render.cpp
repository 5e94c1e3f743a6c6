// Text rendering of the OKR result (aligned table / Markdown).
#include "commands/text_table.hpp"
#include "planning/commands.hpp"

namespace gapscore {

std::string render_okr_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"id", "title", "alignment", "contributes to"};
  t.right = {false, false, true, false};
  for (const auto& it : result["items"]) {
    std::string krs;
    for (const auto& c : it["contributes"])
      krs += (krs.empty() ? "" : ", ") + c["key_result"].get<std::string>() + " " + table_percent(c["progress"].get<double>());
    t.rows.push_back({it["id"].get<std::string>(),
                      markdown ? it["title"].get<std::string>() : table_cut(it["title"].get<std::string>(), 40),
                      table_percent(it["alignment"].get<double>()), krs});
  }
  std::string out;
  if (!markdown) out += result["variant"].get<std::string>() + ": " + result["formula"].get<std::string>() + "\n";
  out += t.render(markdown);
  if (markdown) out += "\n";
  out += "the whole backlog would reach " + table_percent(result["backlog_coverage"].get<double>()) +
         " of the weighted objectives\n";
  return out;
}

} // namespace gapscore
