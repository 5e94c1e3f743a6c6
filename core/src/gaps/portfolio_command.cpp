// gapscore portfolio: items in the order that closes the most opportunity-weighted gap per
// effort, given what is already planned (a gap closes only once), and the value curve: the
// share of the total unrealized value closed after the first k items (the 80/20 view).
#include "gaps/commands.hpp"
#include "document/sections.hpp"
#include "gaps/gap.hpp"
#include "gaps/gap_model.hpp"
#include "commands/request.hpp"

namespace gapscore {

Json command_portfolio(Request& r) {
  auto s = r.load();
  if (!s) return nullptr;
  const std::size_t top = r.top(*s);
  check_model_inputs(*s, gap_model(), r.diag); // effort and outcomes on every item
  if (!r.diag.ok()) return nullptr;
  const GapData& g = s->sections().gap;
  std::vector<std::vector<std::size_t>> deps(s->size());
  for (std::size_t i = 0; i < s->size(); ++i)
    for (const auto& id : s->items[i].depends_on) deps[i].push_back(s->item_index(id));
  const Portfolio p = build_portfolio(g, s->column(Field::effort), deps);

  // The 80/20 point: the first step reaching 80 % of what the whole backlog closes.
  const double reachable = p.steps.empty() ? 0 : p.steps.back().share_closed;
  const double total_effort = p.steps.empty() ? 0 : p.steps.back().cumulative_effort;
  Json reach = nullptr;
  for (std::size_t k = 0; k < p.steps.size() && reachable > 0; ++k)
    if (p.steps[k].share_closed >= 0.8 * reachable) {
      reach = {{"items", k + 1},
               {"share_of_items", static_cast<double>(k + 1) / static_cast<double>(p.steps.size())},
               {"effort", p.steps[k].cumulative_effort},
               {"share_of_effort", total_effort > 0 ? p.steps[k].cumulative_effort / total_effort : 0.0},
               {"share_closed", p.steps[k].share_closed}};
      break;
    }

  Json steps = Json::array();
  const std::size_t shown = top == 0 ? p.steps.size() : std::min(top, p.steps.size());
  for (std::size_t k = 0; k < shown; ++k) {
    const PortfolioStep& st = p.steps[k];
    Json row = {{"position", k + 1},
                {"id", s->items[st.item].id},
                {"title", s->items[st.item].title},
                {"effort", st.effort},
                {"standalone_value", st.standalone_value},
                {"marginal_value", st.marginal_value},
                {"marginal_value_per_effort", st.effort > 0 ? st.marginal_value / st.effort : 0.0},
                {"cumulative_effort", st.cumulative_effort},
                {"cumulative_value", st.cumulative_value},
                {"unrealized_value_closed", st.unrealized_value_closed},
                {"share_closed", st.share_closed}};
    if (st.dependency) row["planned_for"] = "a later item depends on it";
    steps.push_back(std::move(row));
  }
  Json out = Json::object();
  out["variant"] = "Gap portfolio: greedy by marginal gap value per effort";
  out["method"] = p.method;
  out["value"] = "Σ lift × unrealized value × opportunity / 10, each outcome's gap closed at most once";
  out["items"] = s->size();
  if (top) out["top"] = top;
  out["total_unrealized_value"] = p.total_unrealized_value;
  out["total_value"] = p.total_value;
  out["reachable_share"] = reachable;
  out["reach_80_percent"] = reach;
  out["steps"] = std::move(steps);
  return out;
}

const CommandSpec& portfolio_command() {
  static const CommandSpec spec{"portfolio", "items by marginal gap value per effort, and the value curve", {"top"}, command_portfolio, render_portfolio_table, nullptr, "table"};
  return spec;
}

} // namespace gapscore
