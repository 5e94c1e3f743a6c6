// gapscore explain: one item's score, term by term, with the arithmetic written out.
#include "scoring/commands.hpp"
#include "scoring/explain.hpp"
#include "scoring/scored.hpp"

namespace gapscore {

Json command_explain(Request& r) {
  auto item_id = r.text("item");
  if (!item_id && !r.has("item")) r.usage("item", code::missing, "missing: name the item to explain");
  if (!r.diag.ok()) return nullptr;
  auto sc = load_and_score(r);
  if (!sc) return nullptr;
  const std::size_t i = sc->scenario.item_index(*item_id);
  if (i == Scenario::npos) {
    r.usage("item", code::unknown_reference, "no item with id " + describe(Json(*item_id)));
    return nullptr;
  }
  return explain_item(sc->scenario, *sc->model, sc->table, sc->ranking, i);
}

const CommandSpec& explain_command() {
  static const CommandSpec spec{"explain", "explain one item's score term by term", {"model", "item", "weights"}, command_explain, nullptr, nullptr};
  return spec;
}

} // namespace gapscore
