// gapscore okr: how each item aligns with the weighted objectives, and how far the whole
// backlog would take each objective.
#include <algorithm>
#include <numeric>

#include "planning/commands.hpp"
#include "document/sections.hpp"
#include "planning/okr.hpp"
#include "commands/request.hpp"

namespace gapscore {

Json command_okr(Request& r) {
  auto s = r.load();
  if (!s) return nullptr;
  const OkrData& okr = s->sections().okr;
  if (okr.objectives.empty()) {
    r.diag.error("/objectives", code::missing_input, "missing: list the objectives with their weights and key results");
    return nullptr;
  }
  const std::vector<double> w = key_result_weights(okr);
  const std::vector<double> alignment = okr_alignment(okr, s->size());
  std::vector<std::size_t> order(s->size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return alignment[a] > alignment[b]; });

  Json items = Json::array();
  for (std::size_t i : order) {
    Json contributions = Json::array();
    for (const Contribution& c : okr.contributes[i]) {
      const KeyResult& kr = okr.key_results[c.key_result];
      const double p = contribution_progress(okr, c);
      contributions.push_back({{"key_result", kr.id},
                               {"objective", okr.objectives[kr.objective].id},
                               {"amount", c.amount},
                               {"progress", p},
                               {"weight", w[c.key_result]},
                               {"alignment", w[c.key_result] * p}});
    }
    items.push_back({{"id", s->items[i].id}, {"title", s->items[i].title}, {"alignment", alignment[i]},
                     {"contributes", contributions}});
  }
  std::vector<std::size_t> all(s->size());
  std::iota(all.begin(), all.end(), std::size_t{0});
  const OkrCoverage cov = okr_coverage(okr, all);
  double total_weight = 0;
  for (const Objective& o : okr.objectives) total_weight += o.weight;
  Json objectives = Json::array();
  for (std::size_t k = 0; k < okr.objectives.size(); ++k) {
    const Objective& o = okr.objectives[k];
    Json krs = Json::array();
    for (std::size_t kr : o.key_results) {
      Json row = {{"id", okr.key_results[kr].id}, {"name", okr.key_results[kr].name}, {"weight", w[kr]},
                  {"backlog_progress", cov.key_result_progress[kr]}};
      if (!is_missing(okr.key_results[kr].target)) row["target"] = okr.key_results[kr].target;
      krs.push_back(std::move(row));
    }
    objectives.push_back({{"id", o.id},
                          {"name", o.name},
                          {"weight", o.weight},
                          {"weight_share", total_weight > 0 ? o.weight / total_weight : 0.0},
                          {"backlog_score", cov.objective_score[k]},
                          {"key_results", krs}});
  }
  Json out = Json::object();
  out["variant"] = "OKR alignment";
  out["formula"] = "alignment = Σ over contributions of (objective weight share / its key results) × "
                   "min(amount / target, 1)";
  out["objectives"] = std::move(objectives);
  out["backlog_coverage"] = cov.overall;
  out["items"] = std::move(items);
  return out;
}

const CommandSpec& okr_command() {
  static const CommandSpec spec{"okr", "each item's alignment with the weighted objectives", {}, command_okr, render_okr_table, nullptr, "table"};
  return spec;
}

} // namespace gapscore
