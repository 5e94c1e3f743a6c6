// Text rendering of the evidence result (aligned table / Markdown): the gap over time, predicted
// versus realized lift per released item with its interval, the calibration in one sentence,
// and what to measure next.
#include "commands/request.hpp"
#include "commands/text_table.hpp"

namespace gapscore {
namespace {

std::string percent_or_dash(const Json& v) { return v.is_number() ? table_percent(v.get<double>()) : "–"; }

std::string ratio_text(const Json& v) { return v.is_number() ? table_number(v) : "–"; }

std::string interval_text(const Json& v) {
  if (!v.is_object()) return "–";
  return table_percent(v["low"].get<double>()) + " to " + table_percent(v["high"].get<double>());
}

std::string join(const Json& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id.get<std::string>();
  return out;
}

std::string trend_table(const Json& total, bool markdown) {
  const bool sums = total["unit"].is_string();
  TextTable t;
  t.header = {"date"};
  t.right = {false};
  if (sums) {
    t.header.push_back("unrealized value");
    t.right.push_back(true);
  }
  t.header.insert(t.header.end(), {"gap left", "closed"});
  t.right.insert(t.right.end(), {true, true});
  for (const auto& p : total["trend"]) {
    std::vector<std::string> row = {p["date"].get<std::string>()};
    if (sums) row.push_back(table_number(p["unrealized_value"]));
    row.push_back(percent_or_dash(p["gap_share"]));
    row.push_back(percent_or_dash(p["closed_share"]));
    t.rows.push_back(std::move(row));
  }
  return t.render(markdown);
}

std::string lift_table(const Json& items, bool markdown) {
  TextTable t;
  t.header = {"item", "outcome", "released", "predicted", "realized", "95% interval", "ratio", "note"};
  t.right = {false, false, false, true, true, true, true, false};
  for (const auto& row : items) {
    std::vector<std::string> notes;
    if (row["within_noise"] == true) notes.push_back("within noise");
    if (row.value("early_measurement", false)) {
      const long long days = row["measured_after_days"].get<long long>();
      notes.push_back(days == 0 ? "measured on the release day"
                                : "measured " + std::to_string(days) + (days == 1 ? " day" : " days") + " after release");
    }
    if (row.contains("shared_with"))
      notes.push_back("shared with " + join(row["shared_with"]) + " (" + table_percent(row["share"].get<double>()) +
                      " of the change)");
    if (row.contains("reason")) notes.push_back(row["reason"].get<std::string>());
    std::string note;
    for (const auto& n : notes) note += (note.empty() ? "" : "; ") + n;
    t.rows.push_back({row["id"].get<std::string>(), row["outcome"].get<std::string>(), row["released"].get<std::string>(),
                      table_percent(row["predicted_lift"].get<double>()), percent_or_dash(row["realized_lift"]),
                      interval_text(row["interval"]), ratio_text(row["ratio"]), markdown ? note : table_cut(note, 60)});
  }
  return t.render(markdown);
}

std::string calibration_lines(const Json& c) {
  if (!c["ratio"].is_number()) return "calibration: none yet (" + c["reason"].get<std::string>() + ")\n";
  const Json& s = c["spread"];
  const auto count = [](const Json& v, const char* one, const char* many) {
    const long long n = v.get<long long>();
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string out = "calibration: realized / predicted lift = " + table_number(c["ratio"]) + " over " +
                    count(c["windows"], "window", "windows") + " of " + count(c["items"], "released item", "released items") +
                    " (per window: min " + table_number(s["min"]) + ", median " + table_number(s["median"]) + ", max " +
                    table_number(s["max"]) + ")\n";
  out += "suggested confidence for new estimates: " + table_number(c["suggested_confidence"]) +
         (c["capped"] == true ? (c["suggested_confidence"] == 1 ? " (capped at 1)" : " (cut to 0)") : "") + " = " + c["confidence_rule"].get<std::string>() +
         "; prior_items " + table_number(c["prior"]["items"]) + ", prior_ratio " + table_number(c["prior"]["ratio"]) + "\n";
  for (const auto& [group, key] : {std::pair{"by_team", "team"}, std::pair{"by_tag", "tag"}}) {
    if (!c.contains(group)) continue;
    std::string line = std::string(key) + ":";
    for (const auto& g : c[group])
      line += " " + g[key].get<std::string>() + " " + table_number(g["ratio"]) + " (n=" +
              std::to_string(g["windows"].get<long long>()) + ", confidence " + table_number(g["suggested_confidence"]) +
              (g["capped"] == true ? ", capped" : "") + ");";
    line.back() = '\n';
    out += line;
  }
  return out;
}

std::string measure_next_lines(const Json& next) {
  std::string out;
  for (const auto& o : next["outcomes"]) {
    out += "measure next: " + o["id"].get<std::string>() + " (" +
           (o["last_measured"].is_string()
                ? "last measured " + o["last_measured"].get<std::string>() + ", " +
                      std::to_string(o["days_since_last"].get<long long>()) + " days before " + next["as_of"].get<std::string>()
                : "no measurement on or before " + next["as_of"].get<std::string>()) +
           "); waiting: " + join(o["waiting"]) + "\n";
  }
  for (const auto& n : next["no_baseline"])
    out += "no baseline: " + n["item"].get<std::string>() + " on " + n["outcome"].get<std::string>() + " (released " +
           n["released"].get<std::string>() + " with no earlier measurement: it cannot be calibrated)\n";
  return out;
}

} // namespace

std::string render_evidence_table(const Json& result, bool markdown) {
  const Json& total = result["total"];
  std::string out;
  if (!markdown)
    out += std::string(result["variant"].get<std::string>()) +
           (result["unrealized_value_unit"].is_string()
                ? " — unrealized value in " + result["unrealized_value_unit"].get<std::string>()
                : " — outcomes in different units: each counts the share of its own gap") +
           "\n";
  out += trend_table(total, markdown);
  if (markdown) out += "\n";
  out += "closed " + percent_or_dash(total["closed_share"]) + " of the customers' gap from " + total["from"].get<std::string>() +
         " to " + total["to"].get<std::string>() + " (each outcome's share of its own gap, weighted by customers)";
  if (total["closed"].is_number()) out += "; unrealized value closed: " + table_number(total["closed"]);
  out += "; " + std::to_string(total["measured_outcomes"].get<long long>()) + " outcomes measured";
  if (!total["unmeasured_outcomes"].empty())
    out += ", " + std::to_string(total["unmeasured_outcomes"].size()) + " counted at their document levels (" +
           percent_or_dash(total["closed_share_of_measured"]) + " of the measured outcomes' gap)";
  out += "\n\n";
  out += lift_table(result["items"], markdown);
  if (markdown) out += "\n";
  out += calibration_lines(result["calibration"]);
  if (result.contains("not_measured"))
    for (const auto& n : result["not_measured"])
      out += "not measured: " + n["id"].get<std::string>() + ": " + n["reason"].get<std::string>() + "\n";
  out += measure_next_lines(result["measure_next"]);
  return out;
}

} // namespace gapscore
