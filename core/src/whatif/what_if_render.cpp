// Text renderings of the what-if results (sensitivity, simulate, compare): an aligned
// table for terminals, Markdown for wikis, CSV for spreadsheets. Like render_rank.cpp they
// read only the result document.
#include "document/csv.hpp"
#include "commands/request.hpp"
#include "commands/text_table.hpp"

namespace gapscore {
namespace {

std::string text(const Json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

std::string whole(const Json& j) { return std::to_string(j.get<long long>()); }

std::string joined(const Json& list) {
  std::string out;
  for (const auto& v : list) out += (out.empty() ? "" : ", ") + text(v);
  return out.empty() ? "none" : out;
}

std::string heading(const std::string& line, bool markdown) {
  return markdown ? "**" + line + "**\n\n" : line + "\n";
}

} // namespace

std::string render_sensitivity_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"criterion", "weight", "stable range", "below it", "above it"};
  t.right = {false, true, false, false, false};
  auto flip = [](const Json& p) { return p.is_null() ? std::string("-") : text(p[1]) + " passes " + text(p[0]); };
  for (const auto& w : result["weights"]) {
    // [ ] an end that keeps the top N, ( ) one where it already changes (tie-break lost).
    const std::string lo = (w["stable_min_included"].get<bool>() ? "[" : "(") + table_number(w["stable_min"]);
    const std::string hi = w["stable_max"].is_null()
                               ? "∞)"
                               : table_number(w["stable_max"]) + (w["stable_max_included"].get<bool>() ? "]" : ")");
    t.rows.push_back({text(w["criterion"]), table_number(w["current"]), lo + ", " + hi, flip(w["flip_below"]),
                      flip(w["flip_above"])});
  }
  return heading("Top " + whole(result["top"]) + " (" + joined(result["top_items"]) +
                     ") stays the same while each weight, moved alone, stays in its range",
                 markdown) +
         t.render(markdown);
}

std::string render_simulate_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"expected rank", "id", "title", "P(top " + whole(result["top"]) + ")", "5-95 % ranks", "likely rank"};
  t.right = {true, false, false, true, true, true};
  for (const auto& it : result["items"]) {
    t.rows.push_back({table_number(it["expected_rank"]), text(it["id"]), table_cut(text(it["title"]), 40),
                      table_percent(it["p_top"].get<double>()),
                      whole(it["rank_interval"][0]) + "-" + whole(it["rank_interval"][1]), whole(it["likely_rank"])});
  }
  std::string head = text(result["variant"]) + ", " + whole(result["runs"]) + " runs, seed " + whole(result["seed"]) +
                     ", " + text(result["distribution"]) + " ranges (" + whole(result["uncertain_inputs"]) +
                     " uncertain inputs)";
  if (result.contains("cancelled")) head += "; cancelled after " + whole(result["runs_completed"]) + " runs";
  return heading(head, markdown) + t.render(markdown);
}

std::string render_simulate_csv(const Json& result) {
  std::string out = "id,title,likely_rank,expected_rank,p_top,rank_low,rank_high\r\n";
  for (const auto& it : result["items"])
    out += csv_text_for_spreadsheets(text(it["id"])) + "," + csv_text_for_spreadsheets(text(it["title"])) + "," + whole(it["likely_rank"]) + "," +
           number_text(it["expected_rank"].get<double>()) + "," + number_text(it["p_top"].get<double>()) + "," +
           whole(it["rank_interval"][0]) + "," + whole(it["rank_interval"][1]) + "\r\n";
  return out;
}

std::string render_compare_table(const Json& result, bool markdown) {
  const std::string a = text(result["a"]["id"]), b = text(result["b"]["id"]);
  TextTable t;
  t.header = {"rank in " + b, "rank in " + a, "change", "id", "title", "why"};
  t.right = {true, true, true, false, false, false};
  auto rank = [](const Json& v) { return v.is_null() ? std::string("-") : whole(v); };
  for (const auto& it : result["items"]) {
    std::string change;
    if (it.contains("change")) {
      const long long c = it["change"].get<long long>();
      change = c > 0 ? "+" + std::to_string(c) : std::to_string(c);
    }
    std::string why = text(it["reason"]);
    if (it.contains("moved_by") && !it["moved_by"].empty()) {
      std::string terms;
      for (const auto& term : it["moved_by"]) terms += (terms.empty() ? "" : ", ") + text(term["term"]);
      why += " (" + terms + ")";
    }
    t.rows.push_back({rank(it["after_rank"]), rank(it["before_rank"]), change, text(it["id"]),
                      table_cut(text(it["title"]), 40), why});
  }
  std::string out = heading(text(result["a"]["name"]) + " (" + a + ", " + text(result["a"]["model"]) + ") -> " +
                                text(result["b"]["name"]) + " (" + b + ", " + text(result["b"]["model"]) + ")",
                            markdown) +
                    t.render(markdown);
  if (result.contains("top")) {
    const std::string n = whole(result["top"]), gap = markdown ? "\n" : "";
    out += gap + "entered the top " + n + ": " + joined(result["entered_top"]) + "\n";
    out += gap + "left the top " + n + ": " + joined(result["left_top"]) + "\n";
  }
  return out;
}

} // namespace gapscore
