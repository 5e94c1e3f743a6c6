// Text renderings of the simulate result: an aligned table or Markdown, and CSV for
// spreadsheets (formula-like cells defused).
#include "commands/text_table.hpp"
#include "document/csv.hpp"
#include "whatif/commands.hpp"

namespace gapscore {

std::string render_simulate_table(const Json& result, bool markdown) {
  TextTable t;
  t.header = {"expected rank", "id", "title", "P(top " + whole_cell(result["top"]) + ")", "5-95 % ranks", "likely rank"};
  t.right = {true, false, false, true, true, true};
  for (const auto& it : result["items"]) {
    t.rows.push_back({table_number(it["expected_rank"]), value_cell(it["id"]), table_cut(value_cell(it["title"]), 40),
                      table_percent(it["p_top"].get<double>()),
                      whole_cell(it["rank_interval"][0]) + "-" + whole_cell(it["rank_interval"][1]), whole_cell(it["likely_rank"])});
  }
  std::string head = value_cell(result["variant"]) + ", " + whole_cell(result["runs"]) + " runs, seed " + whole_cell(result["seed"]) +
                     ", " + value_cell(result["distribution"]) + " ranges (" + whole_cell(result["uncertain_inputs"]) +
                     (result["uncertain_inputs"] == 1 ? " uncertain input)" : " uncertain inputs)");
  if (result.contains("cancelled")) head += "; cancelled after " + whole_cell(result["runs_completed"]) + " runs";
  return table_heading(head, markdown) + t.render(markdown);
}

std::string render_simulate_csv(const Json& result) {
  std::string out = "id,title,likely_rank,expected_rank,p_top,rank_low,rank_high\r\n";
  for (const auto& it : result["items"])
    out += csv_text_for_spreadsheets(value_cell(it["id"])) + "," + csv_text_for_spreadsheets(value_cell(it["title"])) + "," + whole_cell(it["likely_rank"]) + "," +
           number_text(it["expected_rank"].get<double>()) + "," + number_text(it["p_top"].get<double>()) + "," +
           whole_cell(it["rank_interval"][0]) + "," + whole_cell(it["rank_interval"][1]) + "\r\n";
  return out;
}

} // namespace gapscore
