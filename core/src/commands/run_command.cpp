// Dispatch: options parsing, the command table, output formats. Nothing here throws out:
// the WebAssembly module relies on that (an exception reaching JavaScript is a bug).
#include <algorithm>

#include "gapscore/command.hpp"
#include "scoring/finite_scores.hpp"
#include "commands/request.hpp"
#include "commands/validate_command.hpp"
#include "document/json_text.hpp"
#include "document/commands.hpp"
#include "evidence/commands.hpp"
#include "gaps/commands.hpp"
#include "imports/commands.hpp"
#include "planning/commands.hpp"
#include "report/commands.hpp"
#include "scoring/commands.hpp"
#include "stakeholders/commands.hpp"
#include "whatif/commands.hpp"

namespace gapscore {

const std::vector<CommandSpec>& command_specs() {
  // One line per command, in the order `gapscore --help` lists them.
  static const std::vector<CommandSpec> specs = {
      rank_command(),      explain_command(),     diff_command(),     validate_command(),
      import_csv_command(), gaps_command(),       plan_command(),     portfolio_command(),
      kano_command(),      okr_command(),         sensitivity_command(), simulate_command(),
      compare_command(),   agreement_command(),   ahp_command(),      evidence_command(),
      describe_command(),  report_command(),
  };
  return specs;
}

std::vector<CommandSummary> command_summaries() {
  std::vector<CommandSummary> out;
  for (const auto& c : command_specs())
    out.push_back({c.name, c.summary, c.table != nullptr, c.csv != nullptr, c.html != nullptr, c.markdown_only, c.terminal_format});
  return out;
}

namespace {

std::string dump(const Json& j) {
  // As nlohmann's dump(2, ' ', false, replace) prints it: a string that is not valid UTF-8
  // must never make printing fail.
  return pretty_json(j) + "\n";
}

std::string problem_lines(const char* kind, const std::vector<Problem>& problems, std::size_t hidden) {
  std::string out;
  for (const auto& p : problems)
    if (!p.message.empty()) // empty: past Diagnostics::kShown, counted in `hidden`
      out += std::string(kind) + ": " + (p.path.empty() ? "" : p.path + ": ") + p.message + "\n";
  if (hidden) out += std::string(kind) + ": and " + std::to_string(hidden) + " more (only the first " +
                     std::to_string(Diagnostics::kShown) + " are listed)\n";
  return out;
}

CommandResult failure(const Request& r, const std::string& format) {
  CommandResult res;
  res.exit_code = r.usage_error ? kUsageError : kInputError;
  if (format == "json") res.output = dump(r.diag.errors_document());
  else res.messages = problem_lines("error", r.diag.errors(), r.diag.hidden_errors()) +
                        problem_lines("warning", r.diag.warnings(), r.diag.hidden_warnings());
  return res;
}

} // namespace

bool prepare_command(PreparedCommand& p, std::string_view command, std::string_view document,
                     std::string_view options) {
  Request& r = p.request;
  r.command = command;
  r.document = document;
  auto failed = [&](const std::string& format) {
    p.failure = failure(r, format);
    return false;
  };

  const auto spec = std::find_if(command_specs().begin(), command_specs().end(),
                                 [&](const CommandSpec& c) { return c.name == command; });
  if (spec == command_specs().end()) {
    std::string names;
    for (const auto& c : command_specs()) names += (names.empty() ? "" : ", ") + std::string(c.name);
    r.usage_error = true;
    r.diag.error("command", code::unknown_command, "unknown command " + describe(Json(std::string(command))) + " (choose " + names + ")");
    return failed(p.format);
  }
  p.spec = &*spec;
  if (!options.empty()) {
    Diagnostics option_diag;
    auto parsed = parse_json_text(options, option_diag, "options");
    if (!parsed || !parsed->is_object()) {
      r.usage_error = true;
      if (parsed) r.diag.error("options", code::wrong_type, "must be a JSON object");
      for (const auto& pr : option_diag.errors()) r.diag.error(pr);
      return failed(p.format);
    }
    r.options = std::move(*parsed);
  }
  if (auto f = r.text("format")) {
    if (*f == "json" || *f == "table" || *f == "markdown" || *f == "csv" || (*f == "html" && spec->html)) p.format = *f;
    else r.usage("format", code::invalid_option, "must be json, table, markdown or csv (got " + describe(Json(*f)) + ")");
    if (((p.format == "table" || p.format == "markdown") && !spec->table) || (p.format == "csv" && !spec->csv) ||
        (p.format == "table" && spec->markdown_only)) {
      r.usage("format", code::invalid_option, p.format + " is not available for " + std::string(command) +
                                                  (spec->markdown_only ? " (use markdown, html or json)" : " (use json)"));
      p.format = "json";
    }
  }
  for (const auto& [key, value] : r.options.items()) {
    (void)value;
    if (key != "format" && std::find(spec->options.begin(), spec->options.end(), key) == spec->options.end())
      r.usage(key, code::unknown_option, "unknown option for " + std::string(command));
  }
  if (!r.diag.ok()) return failed(p.format);
  return true;
}

CommandResult complete_command(PreparedCommand& p, Json result) {
  Request& r = p.request;
  if (!r.diag.ok() || result.is_null()) {
    if (r.diag.ok()) r.diag.error("", code::internal_error, "the command produced no result");
    return failure(r, p.format);
  }
  // Last line of defence: nlohmann prints NaN and infinity as null, silently. Every score is
  // checked where it is computed (finite_scores.hpp); anything that still slips through
  // becomes an error instead of a null in a ranking. -0.0 is printed as 0.
  if (auto where = tidy_result_numbers(result)) {
    r.diag.error("", code::overflow, "internal check: the result at " + *where +
                         " is not a finite number (an input overflowed); please report this input");
    return failure(r, p.format);
  }
  if (!r.diag.warnings().empty() && result.is_object() && !result.contains("warnings"))
    result["warnings"] = r.diag.warnings_array();

  CommandResult res;
  if (p.format == "json") {
    res.output = dump(result);
  } else {
    res.output = p.format == "csv"    ? p.spec->csv(result)
                 : p.format == "html" ? p.spec->html(result)
                                      : p.spec->table(result, p.format == "markdown");
    res.messages = problem_lines("warning", r.diag.warnings(), r.diag.hidden_warnings());
  }
  return res;
}

std::string json_result_text(Json result, const Diagnostics& diag) {
  tidy_result_numbers(result);
  if (!diag.warnings().empty() && result.is_object() && !result.contains("warnings"))
    result["warnings"] = diag.warnings_array();
  return dump(result);
}

CommandResult command_failure(std::string_view what) {
  Diagnostics d;
  d.error("", code::internal_error, std::string(what));
  return {kInputError, dump(d.errors_document()), ""};
}

namespace {

CommandResult run_checked(std::string_view command, std::string_view document,
                          std::string_view options) {
  PreparedCommand p;
  if (!prepare_command(p, command, document, options)) return std::move(*p.failure);
  Json result = p.spec->run(p.request);
  return complete_command(p, std::move(result));
}

} // namespace

CommandResult out_of_memory_result() {
  // Written out: building it with Json could itself run out of memory.
  return {kInputError, "{\n  \"errors\": [\n    {\n      \"path\": \"\",\n      \"message\": \"out of memory\",\n      \"code\": \"out_of_memory\"\n    }\n  ]\n}\n", ""};
}

CommandResult run_command(std::string_view command, std::string_view document,
                          std::string_view options) {
  try {
    return run_checked(command, document, options);
  } catch (const std::bad_alloc&) {
    return out_of_memory_result();
  } catch (const std::exception& ex) {
    return command_failure(std::string("internal error: ") + ex.what());
  }
}

} // namespace gapscore
