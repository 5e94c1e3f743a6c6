// gapscore compare: two what-if scenarios of one document side by side: rank deltas, items
// entering and leaving the top N, and the terms that moved each item (the diff logic).
#include "whatif/commands.hpp"
#include "whatif/rank_changes.hpp"
#include "whatif/requested_scenario.hpp"

namespace gapscore {
namespace {

std::optional<std::string> scenario_option(Request& r, const char* name,
                                           const std::vector<ScenarioVariant>& variants) {
  auto id = r.text(name);
  if (!id) {
    if (!r.has(name))
      r.usage(name, code::missing, std::string("missing: name the ") + (name[0] == 'a' ? "first" : "second") +
                        " scenario (choose " + scenario_choices(variants) + ")");
    return std::nullopt;
  }
  bool known = *id == kBaseScenario;
  for (const auto& v : variants) known |= v.id == *id;
  if (!known) {
    r.usage(name, code::unknown_reference, "no scenario with id " + describe(Json(*id)) + " (choose " + scenario_choices(variants) + ")");
    return std::nullopt;
  }
  return id;
}

Json side(const std::string& id, const std::vector<ScenarioVariant>& variants, const ModelInfo& m) {
  std::string name = id == kBaseScenario ? "the document as it is" : id;
  for (const auto& v : variants)
    if (v.id == id) name = v.name;
  return Json{{"id", id}, {"name", name}, {"model", m.id}, {"variant", m.variant}};
}

} // namespace

Json command_compare(Request& r) {
  auto base = r.load();
  if (!base) return nullptr;
  const auto& variants = scenario_variants(*base, r.diag);
  if (!r.diag.ok()) return nullptr;
  const auto a = scenario_option(r, "a", variants);
  const auto b = scenario_option(r, "b", variants);
  const std::size_t top = r.top(*base);
  if (!r.diag.ok() || !a || !b) return nullptr;

  auto sa = load_variant(*base, *a, r.diag);
  auto sb = load_variant(*base, *b, r.diag);
  if (!sa || !sb) return nullptr;
  const ModelInfo* ma = r.model(*sa);
  if (!ma) return nullptr;
  const ModelInfo* mb = r.model(*sb);
  if (!mb) return nullptr;

  const Scored before = score_and_rank(std::move(*sa), *ma);
  const Scored after = score_and_rank(std::move(*sb), *mb);
  Json out = Json::object();
  out["a"] = side(*a, variants, *ma);
  out["b"] = side(*b, variants, *mb);
  if (ma == mb) describe_model(out, *ma, before.scenario);
  add_rank_changes(out, before, after, top, ma != mb);
  return out;
}

const CommandSpec& compare_command() {
  static const CommandSpec spec{"compare", "compare two scenarios of the document: rank deltas and what moved them", {"a", "b", "model", "top"}, command_compare, render_compare_table, nullptr};
  return spec;
}

} // namespace gapscore
