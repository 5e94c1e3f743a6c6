#pragma once
// The scoring commands, each defined with its spec in its own file, for the command table
// (commands/run_command.cpp); their text renderers sit beside them (*_render.cpp).
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& rank_command(); // rank_command.cpp
const CommandSpec& explain_command(); // explain_command.cpp

std::string render_rank_table(const Json& result, bool markdown);
std::string render_rank_csv(const Json& result);

} // namespace gapscore
