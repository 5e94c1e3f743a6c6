#pragma once
// Shared helpers for the native tests: fixture paths and running commands.
#include <fstream>
#include <sstream>
#include <string>

#include "gapscore/command.hpp"
#include "gapscore/json.hpp"

namespace gapscore::test {

inline std::string source_path(const std::string& relative) {
  return std::string(GAPSCORE_SOURCE_DIR) + "/" + relative;
}

/// Whether the build has the CLI (GAPSCORE_CLI names it; empty with GAPSCORE_BUILD_CLI=OFF).
inline bool cli_built() { return GAPSCORE_CLI[0] != '\0'; }

inline std::string read_file(const std::string& relative) {
  std::ifstream in(source_path(relative), std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

/// Runs a command and parses its JSON output.
inline Json run_json(const std::string& command, const std::string& document, Json options = Json::object(),
                     int* exit_code = nullptr) {
  const auto r = run_command(command, document, options.dump());
  if (exit_code) *exit_code = r.exit_code;
  return Json::parse(r.output);
}

} // namespace gapscore::test
