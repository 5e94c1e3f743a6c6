#pragma once
// The stakeholder commands, each defined with its spec in its own file, for the command table
// (commands/run_command.cpp); their text renderers sit beside them (*_render.cpp).
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& agreement_command(); // agreement_command.cpp
const CommandSpec& ahp_command(); // ahp_command.cpp

std::string render_agreement_table(const Json& result, bool markdown);
std::string render_ahp_table(const Json& result, bool markdown);

} // namespace gapscore
