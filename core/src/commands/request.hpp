#pragma once
// What a command gets: the document text, its options, and a place for problems. Option
// readers here keep option checking uniform across commands (usage errors exit 1).
#include <optional>
#include <string>
#include <string_view>

#include "gapscore/command.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"
#include "gapscore/load.hpp"
#include "gapscore/models.hpp"

namespace gapscore {

struct Request {
  std::string_view command;
  std::string_view document;
  Json options = Json::object();
  Diagnostics diag;
  bool usage_error = false;

  /// A problem with the options (exit code 1), reported at path "options/<name>".
  void usage(std::string_view option, std::string_view code, std::string message);

  bool has(std::string_view name) const { return options.contains(std::string(name)); }
  std::optional<std::string> text(std::string_view name);
  /// A whole number in [min, max]; nullopt (and a usage error) when given but wrong.
  std::optional<long long> integer(std::string_view name, long long min, long long max);
  std::optional<double> number(std::string_view name, double min, double max);

  /// Loads and validates the document. nullopt when it has errors.
  std::optional<Scenario> load();
  /// The model named by the options, else the document's; checks the items have its inputs.
  const ModelInfo* model(const Scenario& s);
  /// The top N from the options, else the document, else 0 (= all).
  std::size_t top(const Scenario& s);
};

/// A command: reads the request, returns its result document (null when diag has errors).
struct CommandSpec {
  std::string_view name;
  std::string_view summary;
  std::vector<std::string_view> options; ///< accepted option names besides "format"
  Json (*run)(Request&);
  /// Text renderers; null when the command only has JSON.
  std::string (*table)(const Json& result, bool markdown);
  std::string (*csv)(const Json& result);
  /// The format a person at a terminal gets without --format: "table" for the commands read
  /// there (rank, gaps, plan...), "markdown" for the report, "json" for those scripts consume.
  std::string_view terminal_format = "json";
  /// Static HTML (the report's); null for the other commands.
  std::string (*html)(const Json& result) = nullptr;
  /// `table` writes Markdown only: "markdown" is offered, "table" is not.
  bool markdown_only = false;
};

const std::vector<CommandSpec>& command_specs();

/// A command checked and ready to run: run_command is prepare_command, the command's own
/// function, then complete_command. Commands that run in steps (SteppedSimulation) call
/// the three themselves, so their output is the same bytes.
struct PreparedCommand {
  Request request;
  const CommandSpec* spec = nullptr;
  std::string format = "json";
  std::optional<CommandResult> failure; ///< set when prepare_command returned false
};
/// Finds the command, parses and checks the options and the format. False (with `failure`
/// set) on any problem. `document` must outlive the prepared command.
bool prepare_command(PreparedCommand& p, std::string_view command, std::string_view document,
                     std::string_view options);
/// The command's result (null when request.diag has errors) as run_command returns it:
/// numbers checked, warnings attached, in the requested format.
CommandResult complete_command(PreparedCommand& p, Json result);
/// A successful JSON result as run_command prints it: numbers tidied, the warnings of `diag`
/// attached, two-space indentation and a final newline (for callers outside run_command
/// whose output must be the same bytes, such as Engine::describe_json).
std::string json_result_text(Json result, const Diagnostics& diag);
/// {"errors": [{"path": "", "message": what}]} with exit code 2.
CommandResult command_failure(std::string_view what);
CommandResult out_of_memory_result();

} // namespace gapscore
