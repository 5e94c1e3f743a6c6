#pragma once
// The document commands, each defined with its spec in its own file, for the command table
// (commands/run_command.cpp).
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& validate_command(); // validate_command.cpp
const CommandSpec& describe_command(); // describe.cpp

} // namespace gapscore
