// Dispatch: options parsing, the command table, output formats. Nothing here throws out:
// the WebAssembly module relies on that (an exception reaching JavaScript is a bug).
#include <algorithm>

#include "gapscore/command.hpp"
#include "request.hpp"

namespace gapscore {

const std::vector<CommandSpec>& command_specs() {
  static const std::vector<CommandSpec> specs = {
      {"rank", "rank the items by a model", {"model", "top"}, command_rank, render_rank_table,
       render_rank_csv},
      {"explain", "explain one item's score term by term", {"model", "item"}, command_explain, nullptr,
       nullptr},
      {"diff", "compare two scenarios: rank changes and the terms that moved them",
       {"model", "after", "top"}, command_diff, nullptr, nullptr},
      {"validate", "check a document and list every problem", {"model"}, command_validate, nullptr,
       nullptr},
      {"import-csv", "turn a CSV of items into a scenario document", {}, command_import_csv, nullptr,
       nullptr},
  };
  return specs;
}

std::vector<CommandSummary> command_summaries() {
  std::vector<CommandSummary> out;
  for (const auto& c : command_specs()) out.push_back({c.name, c.summary});
  return out;
}

namespace {

std::string dump(const Json& j) {
  // replace: a string that is not valid UTF-8 must never make printing fail.
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string problem_lines(const char* kind, const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems)
    out += std::string(kind) + ": " + (p.path.empty() ? "" : p.path + ": ") + p.message + "\n";
  return out;
}

CommandResult failure(const Request& r, const std::string& format) {
  CommandResult res;
  res.exit_code = r.usage_error ? kUsageError : kInputError;
  if (format == "json") res.output = dump(r.diag.errors_document());
  else res.messages = problem_lines("error", r.diag.errors()) + problem_lines("warning", r.diag.warnings());
  return res;
}

CommandResult run_checked(std::string_view command, std::string_view document,
                          std::string_view options) {
  Request r;
  r.command = command;
  r.document = document;
  std::string format = "json";

  const auto spec = std::find_if(command_specs().begin(), command_specs().end(),
                                 [&](const CommandSpec& c) { return c.name == command; });
  if (spec == command_specs().end()) {
    std::string names;
    for (const auto& c : command_specs()) names += (names.empty() ? "" : ", ") + std::string(c.name);
    r.usage_error = true;
    r.diag.error("command", "unknown command " + describe(Json(std::string(command))) + " (choose " + names + ")");
    return failure(r, format);
  }
  if (!options.empty()) {
    Diagnostics option_diag;
    auto parsed = parse_json_text(options, option_diag, "options");
    if (!parsed || !parsed->is_object()) {
      r.usage_error = true;
      if (parsed) r.diag.error("options", "must be a JSON object");
      for (const auto& p : option_diag.errors()) r.diag.error(p.path, p.message);
      return failure(r, format);
    }
    r.options = std::move(*parsed);
  }
  if (auto f = r.text("format")) {
    if (*f == "json" || *f == "table" || *f == "markdown" || *f == "csv") format = *f;
    else r.usage("format", "must be json, table, markdown or csv (got " + describe(Json(*f)) + ")");
    if ((format == "table" || format == "markdown") && !spec->table) format = "json";
    if (format == "csv" && !spec->csv)
      r.usage("format", "csv is not available for " + std::string(command) + " (use json)");
  }
  for (const auto& [key, value] : r.options.items()) {
    (void)value;
    if (key != "format" && std::find(spec->options.begin(), spec->options.end(), key) == spec->options.end())
      r.usage(key, "unknown option for " + std::string(command));
  }
  if (!r.diag.ok()) return failure(r, format == "json" ? "json" : format);

  Json result = spec->run(r);
  if (!r.diag.ok() || result.is_null()) {
    if (r.diag.ok()) r.diag.error("", "the command produced no result");
    return failure(r, format);
  }
  if (!r.diag.warnings().empty() && result.is_object() && !result.contains("warnings"))
    result["warnings"] = r.diag.warnings_array();

  CommandResult res;
  if (format == "json") {
    res.output = dump(result);
  } else {
    res.output = format == "csv" ? spec->csv(result) : spec->table(result, format == "markdown");
    res.messages = problem_lines("warning", r.diag.warnings());
  }
  return res;
}

} // namespace

CommandResult run_command(std::string_view command, std::string_view document,
                          std::string_view options) {
  try {
    return run_checked(command, document, options);
  } catch (const std::bad_alloc&) {
    return {kInputError, "{\n  \"errors\": [\n    {\n      \"path\": \"\",\n      \"message\": \"out of memory\"\n    }\n  ]\n}\n", ""};
  } catch (const std::exception& ex) {
    Diagnostics d;
    d.error("", std::string("internal error: ") + ex.what());
    return {kInputError, dump(d.errors_document()), ""};
  }
}

} // namespace gapscore
