#pragma once
// The what-if commands, each defined with its spec in its own file, for the command table
// (commands/run_command.cpp); their text renderers sit beside them (*_render.cpp).
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& diff_command(); // diff_command.cpp
const CommandSpec& sensitivity_command(); // sensitivity_command.cpp
const CommandSpec& simulate_command(); // simulate_command.cpp
const CommandSpec& compare_command(); // compare_command.cpp

std::string render_sensitivity_table(const Json& result, bool markdown);
std::string render_simulate_table(const Json& result, bool markdown);
std::string render_simulate_csv(const Json& result);
std::string render_compare_table(const Json& result, bool markdown);

} // namespace gapscore
