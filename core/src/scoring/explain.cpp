#include "scoring/explain.hpp"

namespace gapscore {

std::vector<std::string> tied_with(const Scenario& s, const Ranking& r, std::size_t item,
                                   std::size_t most) {
  std::vector<std::string> out;
  // Tied items are adjacent in the order, from tie_start for tie_size positions.
  const std::size_t start = r.tie_start[item], end = start + r.tie_size[item];
  for (std::size_t k = start; k < end && out.size() < most; ++k)
    if (r.order[k] != item) out.push_back(s.items[r.order[k]].id);
  return out;
}

Json explain_item(const Scenario& s, const ModelInfo& m, const ScoreTable& t, const Ranking& r,
                  std::size_t i) {
  const ItemInfo& item = s.items[i];
  Json out = {{"id", item.id}, {"rank", r.rank[i]}, {"score", t.score[i]}, {"title", item.title}};
  if (item.moscow != Moscow::none) out["moscow"] = moscow_name(item.moscow);
  out["model"] = m.id;
  out["variant"] = model_variant(m, s);
  out["formula"] = m.formula;
  out["of"] = s.size();
  const Json detail = m.explain(s, t, i);
  for (const auto& [key, value] : detail.items()) out[key] = value;
  const auto ties = tied_with(s, r, i, kMostTiesListed);
  if (!ties.empty()) {
    out["tied_with"] = ties;
    out["tie_count"] = r.tie_size[i] - 1;
    out["tie_break"] = "equal scores are ordered by MoSCoW (must first), then by id";
  }
  // The neighbours above and below say why the item sits where it does.
  const std::size_t pos = r.rank[i] - 1;
  if (pos > 0) {
    const std::size_t a = r.order[pos - 1];
    out["above"] = {{"id", s.items[a].id}, {"score", t.score[a]}};
  }
  if (pos + 1 < s.size()) {
    const std::size_t b = r.order[pos + 1];
    out["below"] = {{"id", s.items[b].id}, {"score", t.score[b]}};
  }
  return out;
}

} // namespace gapscore
