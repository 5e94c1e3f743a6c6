#pragma once
// gapscore validate, for the command table (run_command.cpp). It lives beside the table, not
// in document/, because it checks what every feature reads (the simulation and scenarios
// sections too), so a document it calls valid does not fail in another command.
#include "commands/request.hpp"

namespace gapscore {

const CommandSpec& validate_command(); // validate_command.cpp

} // namespace gapscore
