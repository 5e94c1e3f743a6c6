#pragma once
/// The one entry point shared by the command line and the WebAssembly module: a command
/// name, a document, and options as JSON, in; the result document (or text), out.
#include <cstdint>
#include <memory>
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
  /// With "table", "markdown", "csv" or "html", text for people, spreadsheets or pages.
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

/// The simulate command in steps, for callers that must stay responsive (the widget runs
/// a slice per animation frame, shows the fraction done and offers Cancel; the CLI draws a
/// progress bar). The constructor does what run_command("simulate", document, options)
/// does before the first run; step() runs more; result() returns exactly the bytes
/// run_command returns for the same input, or, after cancel() (or before the last step),
/// the runs completed so far marked "cancelled": true. A problem with the input is known at
/// once: done() is true and result() has the error. Never throws.
class SteppedSimulation {
public:
  SteppedSimulation(std::string_view document, std::string_view options);
  ~SteppedSimulation();
  SteppedSimulation(const SteppedSimulation&) = delete;
  SteppedSimulation& operator=(const SteppedSimulation&) = delete;

  /// Runs up to `runs` more runs (at least one); true when nothing is left to run.
  bool step(std::uint64_t runs);
  /// True when nothing is left to run: all runs done, cancelled, or the input refused.
  bool done() const;
  void cancel();
  /// Runs completed / runs asked for, 0..1; 1 when the input was refused. After cancel()
  /// (or a run stopped by overflowing values) it stays where the run stopped.
  double fraction_done() const;
  /// The runs asked for (the options', else the document's, else 10000); 0 when the input
  /// was refused.
  std::uint64_t runs_requested() const;
  CommandResult result();

private:
  struct State;
  template <class F> void guarded(F&& f) noexcept;
  void finish_with(CommandResult result) noexcept;
  std::unique_ptr<State> state_;
};

/// The commands run_command knows, with a one-line summary each.
struct CommandSummary {
  std::string_view name;
  std::string_view summary;
  bool table = false; ///< has "table" and "markdown" formats besides "json"
  bool csv = false;   ///< has the "csv" format
  bool html = false;  ///< has the "html" format
  bool markdown_only = false; ///< with `table`: "markdown" but not "table"
  std::string_view terminal_format = "json"; ///< the CLI's format without --format
};
std::vector<CommandSummary> command_summaries();

} // namespace gapscore
