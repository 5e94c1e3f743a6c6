#pragma once
// The import commands, each defined with its spec in its own file, for the command table
// (commands/run_command.cpp).
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& import_csv_command(); // import_csv_command.cpp

} // namespace gapscore
