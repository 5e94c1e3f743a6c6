#pragma once
// The evidence commands, each defined with its spec in its own file, for the command table
// (commands/run_command.cpp); their text renderers sit beside them (*_render.cpp).
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& evidence_command(); // evidence_command.cpp

std::string render_evidence_table(const Json& result, bool markdown);

} // namespace gapscore
