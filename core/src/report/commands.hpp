#pragma once
// The report command, defined with its spec in its own file, for the command table
// (commands/run_command.cpp); its Markdown and HTML renderers sit beside it (report_render.cpp).
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& report_command(); // report_command.cpp

} // namespace gapscore
