// Text rendering of the AHP result (aligned table / Markdown).
#include <cmath>

#include "commands/text_table.hpp"
#include "stakeholders/commands.hpp"

namespace gapscore {
namespace {

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
    j.rows.push_back({text_cell(x["a"]), text_cell(x["b"]), ratio_cell(x["given"]), table_number(x["implied"]),
                      table_number(x["inconsistency"]), text_cell(x["comparison"])});
  out += "\nJudgements, most inconsistent first (given = how many times as important a was judged as b):\n";
  if (markdown) out += "\n";
  out += j.render(markdown);
  if (result.contains("warning")) out += (markdown ? "\n" : "") + std::string("warning: ") + text_cell(result["warning"]) + "\n";
  return out;
}

} // namespace gapscore
