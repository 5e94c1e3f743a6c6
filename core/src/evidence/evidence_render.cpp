// Text rendering of the evidence result (aligned table / Markdown): the gap over time, predicted
// versus realized lift per released item, and the calibration in one sentence.
#include "commands/request.hpp"
#include "commands/text_table.hpp"

namespace gapscore {
namespace {

std::string percent_or_dash(const Json& v) { return v.is_number() ? table_percent(v.get<double>()) : "–"; }

std::string ratio_text(const Json& v) { return v.is_number() ? table_number(v) : "–"; }

std::string trend_table(const Json& total, bool markdown) {
  TextTable t;
  t.header = {"date", "unrealized value", "closed"};
  t.right = {false, true, true};
  for (const auto& p : total["trend"])
    t.rows.push_back({p["date"].get<std::string>(), table_number(p["unrealized_value"]), percent_or_dash(p["closed_share"])});
  return t.render(markdown);
}

std::string lift_table(const Json& items, bool markdown) {
  TextTable t;
  t.header = {"item", "outcome", "released", "predicted", "realized", "ratio", "note"};
  t.right = {false, false, false, true, true, true, false};
  for (const auto& row : items) {
    std::string note;
    if (row.contains("shared_with")) {
      note = "shared with";
      for (const auto& other : row["shared_with"]) note += " " + other.get<std::string>();
      note += " (" + table_percent(row["share"].get<double>()) + " of the change)";
    }
    if (row.contains("reason")) note = row["reason"].get<std::string>();
    t.rows.push_back({row["id"].get<std::string>(), row["outcome"].get<std::string>(), row["released"].get<std::string>(),
                      table_percent(row["predicted_lift"].get<double>()), percent_or_dash(row["realized_lift"]),
                      ratio_text(row["ratio"]), markdown ? note : table_cut(note, 60)});
  }
  return t.render(markdown);
}

std::string calibration_lines(const Json& c) {
  if (!c["ratio"].is_number()) return "calibration: none yet (" + c["reason"].get<std::string>() + ")\n";
  const Json& s = c["spread"];
  std::string out = "calibration: realized / predicted lift = " + table_number(c["ratio"]) + " over " +
                    std::to_string(c["items"].get<long long>()) + " released items (per item: min " + table_number(s["min"]) +
                    ", median " + table_number(s["median"]) + ", max " + table_number(s["max"]) + ")\n";
  out += "suggested confidence for new estimates: " + table_number(c["suggested_confidence"]) + " (" +
         c["confidence_rule"].get<std::string>() + ")\n";
  for (const auto& [group, key] : {std::pair{"by_team", "team"}, std::pair{"by_tag", "tag"}}) {
    if (!c.contains(group)) continue;
    std::string line = std::string(key) + ":";
    for (const auto& g : c[group])
      line += " " + g[key].get<std::string>() + " " + table_number(g["ratio"]) + " (n=" +
              std::to_string(g["items"].get<long long>()) + ", confidence " + table_number(g["suggested_confidence"]) + ");";
    line.back() = '\n';
    out += line;
  }
  return out;
}

} // namespace

std::string render_evidence_table(const Json& result, bool markdown) {
  const Json& total = result["total"];
  std::string out;
  if (!markdown)
    out += std::string(result["variant"].get<std::string>()) + " — unrealized value in " +
           result["unrealized_value_unit"].get<std::string>() + "\n";
  out += trend_table(total, markdown);
  if (markdown) out += "\n";
  out += "closed " + percent_or_dash(total["closed_share"]) + " of the customers' unrealized value from " +
         total["from"].get<std::string>() + " to " + total["to"].get<std::string>() + " (" +
         table_number(total["closed"]) + "); " + std::to_string(total["measured_outcomes"].get<long long>()) +
         " outcomes measured";
  if (!total["unmeasured_outcomes"].empty())
    out += ", " + std::to_string(total["unmeasured_outcomes"].size()) + " counted at their document levels (" +
           percent_or_dash(total["closed_share_of_measured"]) + " of the measured outcomes' value)";
  out += "\n\n";
  out += lift_table(result["items"], markdown);
  if (markdown) out += "\n";
  out += calibration_lines(result["calibration"]);
  if (result.contains("not_measured"))
    for (const auto& n : result["not_measured"])
      out += "not measured: " + n["id"].get<std::string>() + ": " + n["reason"].get<std::string>() + "\n";
  return out;
}

} // namespace gapscore
