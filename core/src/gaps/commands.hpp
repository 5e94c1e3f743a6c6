#pragma once
// The customer-gap commands, each defined with its spec in its own file, for the command table
// (commands/run_command.cpp); their text renderers sit beside them (*_render.cpp).
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& gaps_command(); // gaps_command.cpp
const CommandSpec& portfolio_command(); // portfolio_command.cpp
const CommandSpec& kano_command(); // kano_command.cpp

std::string render_gaps_table(const Json& result, bool markdown);
std::string render_portfolio_table(const Json& result, bool markdown);
std::string render_kano_table(const Json& result, bool markdown);

} // namespace gapscore
