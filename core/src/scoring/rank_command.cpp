// gapscore rank: the ranked backlog.
#include "scoring/commands.hpp"
#include "evidence/evidence_confidence.hpp"
#include "scoring/scored.hpp"

namespace gapscore {

Json command_rank(Request& r) {
  Json evidence; // {"confidence_from": "evidence"}: only when asked for, and reported
  if (!r.has("confidence_from") && !evidence_options_unused(r)) return nullptr;
  auto sc = r.has("confidence_from") ? load_and_score_with_evidence(r, evidence) : load_and_score(r);
  if (!sc) return nullptr;
  const std::size_t top = r.top(sc->scenario);
  if (!r.diag.ok()) return nullptr;
  const std::size_t n = sc->scenario.size();
  const std::size_t shown = top == 0 ? n : std::min(top, n);

  Json out = Json::object();
  describe_model(out, *sc->model, sc->scenario);
  if (auto w = r.options.find("weights"); w != r.options.end()) out["weight_set"] = *w; // stakeholder id
  if (!evidence.is_null()) out["confidence_from"] = std::move(evidence);
  out["items"] = n;
  if (top) out["top"] = top;
  const bool matrix = sc->model->quadrants;
  std::pair<double, double> thresholds;
  if (matrix) {
    thresholds = matrix_thresholds(sc->scenario, sc->table);
    out["matrix"] = {{"value_threshold", thresholds.first}, {"effort_threshold", thresholds.second}};
  }
  Json ranking = Json::array();
  ranking.get_ref<Json::array_t&>().reserve(shown);
  for (std::size_t k = 0; k < shown; ++k) {
    const std::size_t i = sc->ranking.order[k];
    Json row = ranking_row(*sc, i);
    if (matrix)
      row["quadrant"] = quadrant(sc->table.value[i], sc->scenario.column(Field::effort)[i],
                                 thresholds.first, thresholds.second);
    ranking.push_back(std::move(row));
  }
  out["ranking"] = std::move(ranking);
  return out;
}

const CommandSpec& rank_command() {
  static const CommandSpec spec{"rank", "rank the items by a model", {"model", "top", "weights", "confidence_from", "lag_days", "prior_items", "prior_ratio"}, command_rank, render_rank_table, render_rank_csv, "table"};
  return spec;
}

} // namespace gapscore
