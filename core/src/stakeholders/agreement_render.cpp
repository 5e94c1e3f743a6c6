// Text renderings of the agreement and AHP results (aligned table / Markdown).
#include <cmath>

#include "commands/request.hpp"
#include "commands/text_table.hpp"

namespace gapscore {
namespace {

std::string text_of(const Json& v) { return v.is_string() ? v.get<std::string>() : ""; }

/// A judgement as people write it on Saaty's scale: "1/3" rather than 0.333333.
std::string ratio_cell(const Json& v) {
  if (!v.is_number()) return "";
  const double r = v.get<double>();
  if (r > 0 && r < 1) {
    const double inv = 1 / r;
    const double whole = std::floor(inv + 0.5); // entries go down to 1e-150: cast only small ones
    if (whole >= 2 && whole < 1e15 && (inv - whole) * (inv - whole) < 1e-12)
      return "1/" + std::to_string(static_cast<long long>(whole));
  }
  return table_number(v);
}

} // namespace

std::string render_agreement_table(const Json& result, bool markdown) {
  std::string out = "Kendall's W = " + table_number(result["kendall_w"]) + " (chi-square " +
                    table_number(result["chi_square"]) + ", df " + table_number(result["df"]) + ", p = " +
                    table_number(result["p_value"]) + ")";
  if (result.contains("interpretation")) out += ": " + text_of(result["interpretation"]);
  out += " among " + table_number(result["stakeholders"]) + " stakeholders over " +
         table_number(result["items_compared"]) + " items\n";
  if (markdown) out += "\n";

  TextTable items;
  const Json& who = result["pairwise"]["stakeholders"];
  items.header = {"id", "title", "mean rank", "dispersion"};
  items.right = {false, false, true, true};
  for (const auto& id : who) {
    items.header.push_back(text_of(id));
    items.right.push_back(true);
  }
  const bool reference = !result["reference"].is_null();
  if (reference) {
    items.header.push_back("ref. rank");
    items.right.push_back(true);
  }
  for (const auto& it : result["items"]) {
    std::vector<std::string> row = {text_of(it["id"]),
                                    markdown ? text_of(it["title"]) : table_cut(text_of(it["title"]), 32),
                                    table_number(it["mean_rank"]), table_number(it["dispersion"])};
    for (const auto& id : who) row.push_back(table_number(it["ratings"][text_of(id)]));
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
    align.rows.push_back({text_of(a["stakeholder"]), text_of(a["name"]), table_number(a["tau_b"]),
                          table_number(a["items"])});
  const Json& ref = result["reference"];
  std::string head = "\nAlignment with model " + text_of(ref["model"]) + " (" + text_of(ref["variant"]) + "; " +
                     text_of(ref["why"]) + "), Kendall's tau-b:\n";
  if (markdown) head += "\n";
  return out + head + align.render(markdown);
}

std::string render_ahp_table(const Json& result, bool markdown) {
  std::string out = "AHP (Saaty), principal eigenvector: lambda_max = " + table_number(result["lambda_max"]) +
                    ", CI = " + table_number(result["ci"]) + ", CR = " + table_number(result["cr"]) + " (" +
                    (result["consistent"].get<bool>() ? "consistent" : "inconsistent") + ", RI = " +
                    table_number(result["random_index"]) + ")\n";
  if (markdown) out += "\n";
  TextTable w;
  w.header = {"criterion", "weight", "share"};
  w.right = {false, true, true};
  for (const auto& [id, weight] : result["weights"].items())
    w.rows.push_back({id, table_number(weight), table_percent(weight.get<double>())});
  out += w.render(markdown);

  TextTable j;
  j.header = {"a", "b", "given", "implied", "inconsistency", "comparison"};
  j.right = {false, false, true, true, true, false};
  for (const auto& x : result["judgements"])
    j.rows.push_back({text_of(x["a"]), text_of(x["b"]), ratio_cell(x["given"]), table_number(x["implied"]),
                      table_number(x["inconsistency"]), text_of(x["comparison"])});
  out += "\nJudgements, most inconsistent first (given = how many times as important a was judged as b):\n";
  if (markdown) out += "\n";
  out += j.render(markdown);
  if (result.contains("warning")) out += (markdown ? "\n" : "") + std::string("warning: ") + text_of(result["warning"]) + "\n";
  return out;
}

} // namespace gapscore
