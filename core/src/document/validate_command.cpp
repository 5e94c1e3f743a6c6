// gapscore validate: every problem in one pass; a summary when there are none.
#include "document/commands.hpp"
#include "commands/request.hpp"

namespace gapscore {

Json command_validate(Request& r) {
  auto s = r.load();
  if (!s) return nullptr;
  // The document's own model (or the one asked for) must have its inputs on every item.
  const ModelInfo* m = r.model(*s);
  if (!m) return nullptr;
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
