// gapscore sensitivity: how far each criterion weight can move before the top N changes,
// both its members (same_items, with the item that enters and the one that leaves at each end)
// and its order (stable_min/stable_max, with the pair that swaps first at each end).
#include "whatif/commands.hpp"
#include "whatif/sensitivity.hpp"

#include "whatif/requested_scenario.hpp"
#include "scoring/scored.hpp"

namespace gapscore {
namespace {

Json pair_json(const Scenario& s, const std::optional<std::pair<std::uint32_t, std::uint32_t>>& p) {
  if (!p) return nullptr;
  return Json::array({s.items[p->first].id, s.items[p->second].id});
}

/// {"enters", "leaves"} at one end of the membership interval, or null when unbounded.
Json swap_json(const Scenario& s, const std::optional<std::pair<std::uint32_t, std::uint32_t>>& p) {
  if (!p) return nullptr;
  return Json{{"enters", s.items[p->second].id}, {"leaves", s.items[p->first].id}};
}

Json same_items_json(const Scenario& s, const WeightInterval& w) {
  return Json{{"min", w.min},
              {"max", w.max ? Json(*w.max) : Json(nullptr)},
              {"min_included", w.min_included},
              {"max_included", w.max_included},
              {"below", swap_json(s, w.flip_below)},
              {"above", swap_json(s, w.flip_above)}};
}

} // namespace

Json command_sensitivity(Request& r) {
  auto s = load_requested_scenario(r);
  if (!s) return nullptr;
  // A document that names no model but has criteria means the model with exact intervals
  // here (the weighted scorecard): it is the model whose weights this command is about.
  const ModelInfo& exact = exact_sensitivity_model();
  const std::string e(exact.id);
  if (!r.has("model") && !s->model_given) s->model = e;
  // Name the right problem first: another model is refused before its inputs are checked.
  const auto asked = r.text("model");
  if (!r.diag.ok()) return nullptr;
  const std::string id = asked ? *asked : s->model;
  const ModelInfo* named = find_model(id);
  if (named && !named->exact_sensitivity) {
    const std::string why =
        named->reads_weights()
            ? "sensitivity intervals are computed exactly for the " + e + " model, whose scores are linear in "
              "each weight share; " + std::string(named->value_term) + " is not, so it has no exact interval (use --model " + e + ")"
            : "model " + id + " has no criterion weights to move; sensitivity analyses the " + e + " model's "
              "criterion weights (use --model " + e + ")";
    if (asked) r.usage("model", code::unsupported, why);
    else r.diag.error("/model", code::unsupported, why);
    return nullptr;
  }
  const ModelInfo* m = r.model(*s);
  if (!m) return nullptr;
  const std::size_t requested = r.top(*s);
  if (!r.diag.ok()) return nullptr;
  const std::size_t top = requested == 0 || requested > s->size() ? s->size() : requested;

  const Scored sc = score_and_rank(*s, *m);
  Json out = Json::object();
  describe_model(out, *m, *s);
  out["top"] = top;
  Json top_items = Json::array();
  for (std::size_t k = 0; k < top; ++k) top_items.push_back(s->items[sc.ranking.order[k]].id);
  out["top_items"] = std::move(top_items);
  Json weights = Json::array();
  for (const WeightSensitivity& w : weight_sensitivity(*s, *m, top)) {
    weights.push_back(Json{{"criterion", s->criteria[w.criterion].id},
                           {"current", w.current},
                           {"stable_min", w.stable_min},
                           {"stable_max", w.stable_max ? Json(*w.stable_max) : Json(nullptr)},
                           {"stable_min_included", w.min_included},
                           {"stable_max_included", w.max_included},
                           {"flip_below", pair_json(*s, w.flip_below)},
                           {"flip_above", pair_json(*s, w.flip_above)},
                           {"same_items", same_items_json(*s, w.same_items)}});
  }
  out["weights"] = std::move(weights);
  return out;
}

const CommandSpec& sensitivity_command() {
  static const CommandSpec spec{"sensitivity", "how far each criterion weight can move before the top N changes", {"model", "top", "scenario"}, command_sensitivity, render_sensitivity_table, nullptr};
  return spec;
}

} // namespace gapscore
