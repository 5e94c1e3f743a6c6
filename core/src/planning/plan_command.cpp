// gapscore plan: the items that fit an effort budget for the most value, each picked only
// with everything it depends on (precedence-constrained knapsack, planner.hpp). An item's
// value is the model's value term: RICE reach × impact × confidence, WSJF cost of delay, gap
// value, ...; its effort is the model's divisor (WSJF: job size; otherwise effort).
#include <cmath>

#include "planning/commands.hpp"
#include "document/sections.hpp"
#include "document/limits.hpp"
#include "planning/okr.hpp"
#include "planning/planner.hpp"
#include "scoring/scored.hpp"

namespace gapscore {
namespace {

Json objective_coverage(const Scenario& s, const std::vector<std::size_t>& selected) {
  const OkrData& okr = s.sections().okr;
  if (okr.objectives.empty()) return nullptr;
  const OkrCoverage cov = okr_coverage(okr, selected);
  Json objectives = Json::array();
  for (std::size_t k = 0; k < okr.objectives.size(); ++k) {
    const Objective& o = okr.objectives[k];
    Json krs = Json::array();
    for (std::size_t kr : o.key_results)
      krs.push_back({{"id", okr.key_results[kr].id}, {"progress", cov.key_result_progress[kr]}});
    objectives.push_back({{"id", o.id}, {"name", o.name}, {"weight", o.weight}, {"score", cov.objective_score[k]},
                          {"key_results", krs}});
  }
  return Json{{"overall", cov.overall}, {"objectives", objectives}};
}

} // namespace

Json command_plan(Request& r) {
  const auto capacity = r.number("capacity", 0, 1e300);
  if (!capacity && !r.has("capacity")) r.usage("capacity", code::missing, "missing: give the effort budget (e.g. 10 person-months)");
  if (!r.diag.ok()) return nullptr;
  auto sc = load_and_score(r);
  if (!sc) return nullptr;
  const Scenario& s = sc->scenario;
  const std::size_t n = s.size();
  if (n > limits::plan_items) { // refused up front: the closures would exhaust memory
    r.diag.error("/items", code::too_large, "plan handles at most " + std::to_string(limits::plan_items) +
                               " items (it keeps each item's dependency closure: items² bits); this document has " +
                               std::to_string(n));
    return nullptr;
  }
  const Field effort_field = sc->model->effort_field;
  const auto& effort = s.column(effort_field);
  for (std::size_t i = 0; i < n; ++i)
    if (is_missing(effort[i]))
      r.diag.error(pointer(pointer("/items", i), field_name(effort_field)), code::missing_input,
                   "missing: plan needs every item's " + std::string(field_name(effort_field)) +
                       " (in the capacity's unit)");
  if (!r.diag.ok()) return nullptr;

  PlanInput in;
  in.value = sc->table.value;
  in.effort = effort;
  in.capacity = *capacity;
  in.depends_on.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& id : s.items[i].depends_on) in.depends_on[i].push_back(s.item_index(id));
    if (in.value[i] < 0 || !std::isfinite(in.value[i])) {
      r.diag.warning(pointer("/items", i), code::ignored, "has value " + number_text(std::isfinite(in.value[i]) ? in.value[i] : 0) +
                                               " under model " + std::string(sc->model->id) +
                                               "; the plan counts it as 0");
      in.value[i] = 0;
    }
  }
  // The loader rejects cycles; checked again so the planner's precondition never rests on it.
  const auto cycle = find_dependency_cycle(in.depends_on);
  if (!cycle.empty()) {
    std::string text;
    for (std::size_t k : cycle) text += s.items[k].id + " -> ";
    r.diag.error(pointer(pointer("/items", cycle.front()), "depends_on"), code::dependency_cycle,
                 "dependency cycle " + text + s.items[cycle.front()].id);
    return nullptr;
  }
  const PlanResult plan = plan_capacity(in);

  Json out = Json::object();
  describe_model(out, *sc->model, sc->scenario);
  out["value_term"] = sc->model->value_term;
  out["effort_field"] = field_name(effort_field);
  out["capacity"] = *capacity;
  Json ids = Json::array();
  for (std::size_t i : plan.selected) ids.push_back(s.items[i].id);
  out["selected"] = std::move(ids);
  out["total_value"] = plan.total_value;
  out["total_effort"] = plan.total_effort;
  out["remaining_capacity"] = *capacity - plan.total_effort > 0 ? *capacity - plan.total_effort : 0.0;
  out["optimal"] = plan.optimal;
  out["upper_bound"] = plan.upper_bound;
  out["method"] = plan.method;
  out["nodes"] = plan.nodes;
  std::vector<bool> chosen(n, false);
  for (std::size_t i : plan.selected) chosen[i] = true;
  Json items = Json::array();
  for (std::size_t i = 0; i < n; ++i) {
    Json row = {{"id", s.items[i].id}, {"title", s.items[i].title}, {"value", in.value[i]},
                {"effort", effort[i]}, {"selected", chosen[i]}};
    if (!s.items[i].depends_on.empty()) row["depends_on"] = s.items[i].depends_on;
    items.push_back(std::move(row));
  }
  out["items"] = std::move(items);
  if (sc->model->plan_extras) sc->model->plan_extras(s, plan.selected, out, r.diag);
  Json okr = objective_coverage(s, plan.selected);
  if (!okr.is_null()) out["objective_coverage"] = std::move(okr);
  return out;
}

const CommandSpec& plan_command() {
  static const CommandSpec spec{"plan", "the items that fit an effort budget for the most value, with their dependencies", {"model", "capacity"}, command_plan, render_plan_table, nullptr, "table"};
  return spec;
}

} // namespace gapscore
