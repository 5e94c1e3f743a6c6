// Text rendering of the agreement result (aligned table / Markdown).
#include "commands/text_table.hpp"
#include "stakeholders/commands.hpp"

namespace gapscore {

std::string render_agreement_table(const Json& result, bool markdown) {
  std::string out = "Kendall's W = " + table_number(result["kendall_w"]) + " (chi-square " +
                    table_number(result["chi_square"]) + ", df " + table_number(result["df"]) + ", p = " +
                    table_number(result["p_value"]) + ")";
  if (result.contains("interpretation")) out += ": " + text_cell(result["interpretation"]);
  out += " among " + table_number(result["stakeholders"]) + " stakeholders over " +
         table_number(result["items_compared"]) + " items\n";
  if (markdown) out += "\n";

  TextTable items;
  const Json& who = result["pairwise"]["stakeholders"];
  items.header = {"id", "title", "mean rank", "dispersion"};
  items.right = {false, false, true, true};
  // Each stakeholder's column is the rank they gave the item (what the mean rank and the
  // dispersion are over), their rating after it: a rating of 10 is often rank 1.
  for (const auto& id : who) {
    items.header.push_back(text_cell(id) + " rank (rating)");
    items.right.push_back(true);
  }
  const bool reference = !result["reference"].is_null();
  if (reference) {
    items.header.push_back("ref. rank");
    items.right.push_back(true);
  }
  for (const auto& it : result["items"]) {
    std::vector<std::string> row = {text_cell(it["id"]),
                                    markdown ? text_cell(it["title"]) : table_cut(text_cell(it["title"]), 32),
                                    table_number(it["mean_rank"]), table_number(it["dispersion"])};
    for (const auto& id : who) {
      const std::string k = text_cell(id);
      row.push_back(it["ranks"].contains(k) ? table_number(it["ranks"][k]) + " (" + table_number(it["ratings"][k]) + ")"
                                            : "—");
    }
    if (reference) row.push_back(table_number(it["reference_rank"]));
    items.rows.push_back(std::move(row));
  }
  out += "Items, most disputed first (dispersion = standard deviation of the ranks given):\n";
  if (markdown) out += "\n";
  out += items.render(markdown);
  if (!reference) return out;

  TextTable align;
  align.header = {"stakeholder", "name", "tau-b", "items"};
  align.right = {false, false, true, true};
  for (const auto& a : result["alignment"])
    align.rows.push_back({text_cell(a["stakeholder"]), text_cell(a["name"]), table_number(a["tau_b"]),
                          table_number(a["items"])});
  const Json& ref = result["reference"];
  std::string head = "\nAlignment with model " + text_cell(ref["model"]) + " (" + text_cell(ref["variant"]) + "; " +
                     text_cell(ref["why"]) + "), Kendall's tau-b:\n";
  if (markdown) head += "\n";
  return out + head + align.render(markdown);
}

} // namespace gapscore
