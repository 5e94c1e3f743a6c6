#pragma once
/// The one entry point shared by the command line and the WebAssembly module: a command
/// name, a document, and options as JSON, in; the result document (or text), out.
#include <string>
#include <string_view>
#include <vector>

namespace gapscore {

/// Exit codes, as the CLI returns them.
enum ExitCode : int { kOk = 0, kUsageError = 1, kInputError = 2 };

struct CommandResult {
  int exit_code = kOk;
  /// The result: with "format": "json" (the default) one JSON document, pretty-printed with
  /// two spaces and a final newline; errors are {"errors": [{"path", "message"}...]}.
  /// With "table", "markdown" or "csv", text for people or spreadsheets.
  std::string output;
  /// With a text format: warnings and errors as "warning: /path: reason" lines, meant for
  /// stderr. Empty with "format": "json" (they are inside `output`).
  std::string messages;
};

/// Runs a command. `document` is the scenario JSON text (CSV text for "import-csv");
/// `options` is a JSON object (e.g. {"model": "rice", "top": 10, "format": "json"}), or
/// empty for none. Never throws: every failure is a structured error in the result.
CommandResult run_command(std::string_view command, std::string_view document,
                          std::string_view options);

/// The commands run_command knows, with a one-line summary each.
struct CommandSummary {
  std::string_view name;
  std::string_view summary;
};
std::vector<CommandSummary> command_summaries();

} // namespace gapscore
