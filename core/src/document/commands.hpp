#pragma once
// The document commands, each defined with its spec in its own file, for the command table
// (commands/run_command.cpp). validate is in commands/ (validate_command.hpp): it checks every
// feature's sections.
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& describe_command(); // describe.cpp

} // namespace gapscore
