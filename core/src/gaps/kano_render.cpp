// Text renderings of the Kano and OKR results.
#include "commands/request.hpp"
#include "commands/text_table.hpp"

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
