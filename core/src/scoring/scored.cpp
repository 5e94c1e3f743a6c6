#include "document/sections.hpp"
#include "scoring/scored.hpp"

#include <algorithm>
#include <cmath>

#include "scoring/explain.hpp"

namespace gapscore {

Scored score_and_rank(Scenario scenario, const ModelInfo& model) {
  Scored sc;
  sc.scenario = std::move(scenario);
  sc.model = &model;
  sc.table = score_items(sc.scenario, model);
  Ranker(sc.scenario).rank(sc.table.score, sc.ranking);
  return sc;
}

std::optional<Scored> load_and_score(Request& r) {
  auto s = r.load();
  if (!s) return std::nullopt;
  const ModelInfo* m = r.model(*s);
  if (!m) return std::nullopt;
  return score_and_rank(std::move(*s), *m);
}

void describe_model(Json& out, const ModelInfo& m, const Scenario& s) {
  out["model"] = m.id;
  out["variant"] = model_variant(m, s);
  out["formula"] = m.formula;
  if (m.uses_normalization) out["normalization"] = normalization_name(s.normalization);
}

namespace {
double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  if (v.size() % 2) return v[m];
  // Halving first when the sum overflows: two finite values near the double's limit have a
  // finite midpoint. Otherwise the same bits as halving each (scaling by 2 is exact).
  const double a = v[m - 1], b = v[m];
  return std::isfinite(a + b) ? (a + b) / 2 : a / 2 + b / 2;
}
} // namespace

std::pair<double, double> matrix_thresholds(const Scenario& s, const ScoreTable& t) {
  double value = s.sections().matrix.value_threshold, effort = s.sections().matrix.effort_threshold;
  if (is_missing(value)) value = median(t.value);
  if (is_missing(effort)) effort = median(s.column(Field::effort));
  return {value, effort};
}

Json ranking_row(const Scored& sc, std::size_t i) {
  const ItemInfo& item = sc.scenario.items[i];
  Json row = {{"id", item.id},
              {"rank", sc.ranking.rank[i]},
              {"score", sc.table.score[i]},
              {"title", item.title}};
  if (item.moscow != Moscow::none) row["moscow"] = moscow_name(item.moscow);
  row["terms"] = row_terms(*sc.model, sc.table, i);
  auto ties = tied_with(sc.scenario, sc.ranking, i, kMostTiesListed);
  if (!ties.empty()) {
    row["tied_with"] = std::move(ties);
    row["tie_count"] = sc.ranking.tie_size[i] - 1;
  }
  return row;
}

} // namespace gapscore
