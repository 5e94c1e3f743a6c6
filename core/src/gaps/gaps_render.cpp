// Text renderings of the gaps and portfolio results (aligned table / Markdown).
#include "commands/request.hpp"
#include "commands/text_table.hpp"

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
