// gapscore validate: every problem in one pass; a summary when there are none.
#include "commands/validate_command.hpp"

#include "commands/request.hpp"
#include "whatif/scenario_variants.hpp"
#include "whatif/simulate.hpp"

namespace gapscore {

Json command_validate(Request& r) {
  auto s = r.load();
  if (!s) return nullptr;
  // The document's own model (or the one asked for) must have its inputs on every item.
  const ModelInfo* m = r.model(*s);
  if (!m) return nullptr;
  // The sections other commands read when they run, checked as they check them: a document
  // called valid here must not fail in simulate or compare.
  check_simulation_section(*s, r.diag);
  const auto& variants = scenario_variants(*s, r.diag);
  if (r.diag.ok())
    for (const ScenarioVariant& v : variants) (void)load_variant(*s, v.id, r.diag, pointer(pointer("/scenarios", v.index), "id"));
  if (!r.diag.ok()) return nullptr;
  Json out = {{"valid", true},
              {"format", "gapscore/1"},
              {"items", s->size()},
              {"criteria", s->criteria.size()},
              {"model", m->id},
              {"uncertain_inputs", s->uncertain.size()}};
  return out;
}

const CommandSpec& validate_command() {
  static const CommandSpec spec{"validate", "check a document and list every problem", {"model"}, command_validate, nullptr, nullptr};
  return spec;
}

} // namespace gapscore
