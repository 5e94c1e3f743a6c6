#pragma once
// The planning commands, each defined with its spec in its own file, for the command table
// (commands/run_command.cpp); their text renderers sit beside them (*_render.cpp).
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& plan_command(); // plan_command.cpp
const CommandSpec& okr_command(); // okr_command.cpp

std::string render_plan_table(const Json& result, bool markdown);
std::string render_okr_table(const Json& result, bool markdown);

} // namespace gapscore
