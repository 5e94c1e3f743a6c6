// Text rendering of the portfolio result (aligned table / Markdown).
#include "commands/text_table.hpp"
#include "gaps/commands.hpp"

namespace gapscore {

std::string render_portfolio_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"#", "id", "title", "effort", "marginal value", "cum. effort", "closed", ""};
  t.right = {true, false, false, true, true, true, true, false};
  if (markdown) t.header.pop_back();
  for (const auto& st : result["steps"]) {
    const double share = st["share_closed"].get<double>();
    std::vector<std::string> row = {std::to_string(st["position"].get<long long>()) + (st.contains("planned_for") ? "*" : ""),
                                    st["id"].get<std::string>(),
                                    markdown ? st["title"].get<std::string>() : table_cut(st["title"].get<std::string>(), 36),
                                    table_number(st["effort"]), table_number(st["marginal_value"]),
                                    table_number(st["cumulative_effort"]), table_percent(share)};
    if (!markdown) row.push_back(std::string(static_cast<std::size_t>(share * 20 + 0.5), '#'));
    t.rows.push_back(std::move(row));
  }
  std::string out;
  if (!markdown) out += result["variant"].get<std::string>() + " (" + result["value"].get<std::string>() + ")\n";
  out += t.render(markdown);
  if (markdown) out += "\n";
  const Json& reach = result["reach_80_percent"];
  if (reach.is_object())
    out += "80 % of the closable unrealized value after " + std::to_string(reach["items"].get<long long>()) +
           " items (" + table_percent(reach["share_of_items"].get<double>()) + " of items, " +
           table_percent(reach["share_of_effort"].get<double>()) + " of effort)\n";
  bool deps = false;
  for (const auto& st : result["steps"]) deps |= st.contains("planned_for");
  if (deps) out += "(* planned early because a later item depends on it)\n";
  return out;
}

} // namespace gapscore
