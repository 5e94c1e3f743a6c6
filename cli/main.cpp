// gapscore: the command line. It only reads files, turns flags into the options document,
// and prints what gapscore::run_command returns; all the work is in the core.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <vector>

#include "gapscore/command.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/json.hpp"
#include "gapscore/models.hpp"

namespace {

/// Reads a file, or standard input for "-". Returns false with a message on failure.
bool read_input(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "cannot read " + path + ": it is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path + ": no such file or not readable";
    return false;
  }
  // A regular file is read in one piece into a string of its size (a stringstream copied a
  // large file three times over); anything else (a pipe, <(...)) until its end.
  const auto size = std::filesystem::is_regular_file(path, ec) ? std::filesystem::file_size(path, ec) : 0;
  if (!ec && size > 0) {
    out.resize(static_cast<std::size_t>(size));
    in.read(out.data(), static_cast<std::streamsize>(size));
    out.resize(static_cast<std::size_t>(in.gcount()));
  } else {
    out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (in.bad()) {
    error = "cannot read " + path + ": read error";
    return false;
  }
  return true;
}

/// What one subcommand collects from its flags before the call.
struct Invocation {
  std::string file, second, item, model, format, reference;
  long long top = 0, runs = 0;
  long long seed = 0; // signed, so --seed -1 is reported as -1 (the core checks the range)
  double capacity = 0;
  std::string scenario_a, scenario_b; // compare
  std::string scenario;               // simulate, sensitivity: run on a what-if variant
  std::string weights;                // rank, explain: a stakeholder's weight set
  std::string from, to, confidence_from; // evidence window; rank --confidence-from evidence
  std::string as_of;                     // evidence: the day "what to measure next" is judged on
  long long lag_days = 0, stale_days = 0; // evidence (lag also rank --confidence-from)
  double prior_items = 0, prior_ratio = 0; // the suggested confidence's prior (evidence, rank)
  std::vector<std::string> map;          // import-csv: FIELD=COLUMN, each
  std::string locale;                    // import-csv: how the sheet writes numbers
  bool detect = false;                   // import-csv: print the mapping instead of the document
  std::string baseline;                  // report: the baseline document's file
};

/// Whether text is valid UTF-8, by nlohmann's own check (its strict dump throws on anything else).
bool is_utf8(const std::string& text) {
  try {
    (void)gapscore::Json(text).dump();
    return true;
  } catch (const gapscore::Json::type_error&) {
    return false;
  }
}

/// A progress bar on stderr for long simulations: redrawn in place, erased when done.
void draw_progress(double fraction) {
  const int width = 30, filled = static_cast<int>(fraction * width);
  std::cerr << "\rsimulating [" << std::string(filled, '#') << std::string(width - filled, ' ') << "] "
            << static_cast<int>(fraction * 100 + 0.5) << "%" << std::flush;
  if (fraction >= 1) std::cerr << "\r" << std::string(width + 20, ' ') << "\r" << std::flush;
}

/// `simulate` with the bar: the core's stepped simulation, a hundredth of the runs per step.
/// The result is the same bytes run_command gives.
gapscore::CommandResult simulate_with_progress(const std::string& document, const std::string& options) {
  gapscore::SteppedSimulation sim(document, options);
  const std::uint64_t slice = std::max<std::uint64_t>(1, sim.runs_requested() / 100);
  while (!sim.step(slice)) draw_progress(sim.fraction_done());
  if (sim.runs_requested()) draw_progress(1.0);
  return sim.result();
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"gapscore: rank a backlog and explain every rank (docs/format.md)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gapscore 0.1.0");
  Invocation in;

  // Each command offers the formats the core can print for it (json always).
  const auto summaries = gapscore::command_summaries();
  auto add = [&](const char* name, const char* summary) {
    CLI::App* sub = app.add_subcommand(name, summary);
    std::vector<std::string> formats;
    std::string_view default_format = "json";
    for (const auto& c : summaries)
      if (c.name == name) {
        default_format = c.terminal_format;
        if (c.table && !c.markdown_only) formats.push_back("table");
        if (c.table) formats.push_back("markdown");
        if (c.html) formats.push_back("html");
        formats.push_back("json");
        if (c.csv) formats.push_back("csv");
      }
    std::string help;
    for (const auto& f : formats) help += (help.empty() ? "" : ", ") + f;
    sub->add_option("--format", in.format, "output format: " + help + " (default " + std::string(default_format) + ")")->check(CLI::IsMember(formats));
    return sub;
  };
  auto file = [&](CLI::App* sub, const char* what = "scenario JSON file, or - for standard input") {
    sub->add_option("FILE", in.file, what)->required();
  };

  CLI::App* rank = add("rank", "rank the items by a model");
  file(rank);
  rank->add_option("--model,-m", in.model, "the model to rank by: " + gapscore::model_list());
  rank->add_option("--top,-n", in.top, "show only the first N");
  rank->add_option("--weights,-w", in.weights, "rank with this stakeholder's criterion weights (a stakeholder id)");
  rank->add_option("--confidence-from", in.confidence_from,
                   "evidence: use the confidence suggested by the measured history (rice, gap)")
      ->check(CLI::IsMember({"evidence"}));
  // The evidence options that shape the suggested confidence (with --confidence-from evidence).
  const auto confidence_prior = [&](CLI::App* sub) {
    sub->add_option("--lag-days", in.lag_days, "days after a release before its effect is measured, for outcomes "
                                               "without their own lag_days (default 0)");
    sub->add_option("--prior-items", in.prior_items, "the suggested confidence's prior: as many windows as this "
                                                     "(default 2) ...");
    sub->add_option("--prior-ratio", in.prior_ratio, "... that delivered this share of their promise (default 0.5)");
  };
  confidence_prior(rank);

  CLI::App* explain = add("explain", "explain one item's score term by term");
  file(explain);
  explain->add_option("ITEM_ID", in.item, "the item's id")->required();
  explain->add_option("--model,-m", in.model, "the model to explain");
  explain->add_option("--weights,-w", in.weights, "with this stakeholder's criterion weights (a stakeholder id)");

  CLI::App* diff = add("diff", "compare two scenarios: rank changes and what moved them");
  diff->add_option("BEFORE", in.file, "the first scenario")->required();
  diff->add_option("AFTER", in.second, "the second scenario")->required();
  diff->add_option("--model,-m", in.model, "the model to rank both by");
  diff->add_option("--top,-n", in.top, "report items entering and leaving the top N");

  CLI::App* validate = add("validate", "check a document and list every problem");
  file(validate);
  validate->add_option("--model,-m", in.model, "also check the inputs this model needs");

  CLI::App* describe = add("describe", "what the document offers: models (usable or why not), criteria and weights in "
                                       "use, sections, views, the default top N (JSON)");
  file(describe);

  CLI::App* import_csv = add("import-csv", "turn a CSV of items into a scenario document");
  file(import_csv, "CSV file (a Jira, Azure DevOps, GitHub Projects or Linear export too), or - for standard input");
  import_csv->add_option("--map", in.map, "FIELD=COLUMN: read the field from this column (title=Summary, "
                                          "effort=\"Story Points\"; FIELD= leaves it out); repeat for each field")
      ->allow_extra_args(false);
  import_csv->add_option("--locale", in.locale, "how the sheet writes numbers: en (1,234.5), de (1.234,5), fr (1 234,5), "
                                                "de-CH (1'234.5), ...");
  import_csv->add_flag("--detect", in.detect, "print the mapping it would use (the columns, the export recognized, "
                                              "what is left out) instead of the document");

  CLI::App* report = add("report", "a decision record for the wiki: model and weights, the top N with reasons, what "
                                   "changed, agreement, underserved outcomes");
  file(report);
  report->add_option("--model,-m", in.model, "the model to rank by: " + gapscore::model_list());
  report->add_option("--top,-n", in.top, "how many items (default: the document's top, else 10)");
  report->add_option("--scenario", in.scenario, "what this what-if scenario of the document would change");
  report->add_option("--baseline", in.baseline, "what changed since this document (a file)");

  CLI::App* sensitivity = add("sensitivity", "how far each criterion weight can move before the top N changes");
  file(sensitivity);
  sensitivity->add_option("--top,-n", in.top, "the ordered top N to keep (default: the document's, else all)");
  sensitivity->add_option("--model,-m", in.model, "weighted (the only model with exact intervals)");
  sensitivity->add_option("--scenario", in.scenario, "run on this what-if scenario of the document");

  CLI::App* simulate = add("simulate", "Monte Carlo over ranged inputs: each item's chance of each rank");
  file(simulate);
  simulate->add_option("--runs,-r", in.runs, "number of runs (default 10000)");
  simulate->add_option("--seed,-s", in.seed, "seed of the random generator (default 1); same seed, same numbers");
  simulate->add_option("--top,-n", in.top, "K in the probability of being in the top K (default: the document's, else 1)");
  simulate->add_option("--model,-m", in.model, "the model to rank by");
  simulate->add_option("--scenario", in.scenario, "run on this what-if scenario of the document");

  CLI::App* compare = add("compare", "compare two scenarios of the document: rank deltas and what moved them");
  file(compare);
  compare->add_option("A", in.scenario_a, "the first scenario's id (base = the document as it is)")->required();
  compare->add_option("B", in.scenario_b, "the second scenario's id")->required();
  compare->add_option("--top,-n", in.top, "report items entering and leaving the top N");
  compare->add_option("--model,-m", in.model, "rank both by this model (default: each scenario's own)");

  CLI::App* gaps = add("gaps", "customer outcomes: opportunity score, status and unrealized value");
  file(gaps);

  CLI::App* plan = add("plan", "the items that fit an effort budget for the most value, with their dependencies");
  file(plan);
  plan->add_option("--capacity,-c", in.capacity, "the effort budget, in the items' effort unit")->required();
  plan->add_option("--model,-m", in.model, "the model whose value term is planned (default: the document's)");

  CLI::App* portfolio = add("portfolio", "items by marginal gap value per effort, and the value curve");
  file(portfolio);
  portfolio->add_option("--top,-n", in.top, "show only the first N steps");

  CLI::App* kano = add("kano", "Kano categories and Better/Worse coefficients from questionnaire answers");
  file(kano);

  CLI::App* okr = add("okr", "each item's alignment with the weighted objectives");
  file(okr);

  CLI::App* agreement = add("agreement", "stakeholders' agreement (Kendall's W) and alignment with a reference ranking");
  file(agreement);
  agreement->add_option("--reference,-r", in.reference,
                        "the model to align with (default: gap when the document has outcomes, else its model)");

  CLI::App* ahp = add("ahp", "criteria weights from the document's pairwise comparisons (AHP), with the consistency ratio");
  file(ahp);

  CLI::App* evidence = add("evidence", "did the released work close the gap: realized vs predicted lift, calibration, gap over time");
  file(evidence);
  evidence->add_option("--from", in.from, "first day of the gap-over-time window (YYYY-MM-DD)");
  evidence->add_option("--to", in.to, "last day of the window (YYYY-MM-DD)");
  confidence_prior(evidence);
  evidence->add_option("--stale-days", in.stale_days, "what to measure next: a measurement older than this many days "
                                                      "is stale (default 90)");
  evidence->add_option("--as-of", in.as_of, "what to measure next: judged on this day (YYYY-MM-DD; default the latest "
                                            "date in the document)");

  // Every number flag's text must be a number that fits: CLI11 reads "" as 0, and inf, nan or
  // a seed past the largest integer reached the core as null ("(got null)") or clamped.
  const CLI::Validator number_text(
      [](std::string& text) -> std::string {
        if (text.empty()) return "must be a number (got nothing)";
        errno = 0;
        char* end = nullptr;
        const double x = std::strtod(text.c_str(), &end);
        if (end == text.c_str() || *end != '\0') return ""; // not a number: CLI11's conversion says so
        if (!std::isfinite(x)) return "must be a finite number (got " + text + ")";
        if (text.find_first_of(".eE") == std::string::npos) {
          errno = 0;
          (void)std::strtoll(text.c_str(), nullptr, 10);
          if (errno == ERANGE) return "is too large (got " + text + ")";
        }
        return "";
      },
      "NUMBER");
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    for (CLI::Option* o : sub->get_options())
      for (const char* flag : {"--top", "--runs", "--seed", "--capacity", "--lag-days", "--stale-days", "--prior-items", "--prior-ratio"})
        if (o->check_lname(flag + 2)) o->check(number_text);

  // CLI11 would answer "A subcommand is required" for a misspelt command: name it instead,
  // with the same words run_command (and so the WebAssembly module) uses.
  const auto is_command = [&](const char* word) {
    for (const auto& c : summaries)
      if (c.name == word) return true;
    return false;
  };
  // A usage error is an errors document too when the command line asks for JSON (the flags
  // were not parsed, so the words are looked for: --format json or --format=json).
  const bool json_asked = [&] {
    for (int i = 1; i < argc; ++i) {
      const std::string_view a = argv[i];
      if (a == "--format=json" || (a == "--format" && i + 1 < argc && std::string_view(argv[i + 1]) == "json")) return true;
    }
    return false;
  }();
  const auto usage_error = [&](std::string_view code, const std::string& message, const char* path = "options") {
    if (!json_asked) return false;
    gapscore::Diagnostics d;
    d.error(path, code, message);
    std::cout << d.errors_document().dump(2) << "\n";
    return true;
  };
  if (argc > 1 && argv[1][0] != '-' && !is_command(argv[1])) {
    std::string names;
    for (const auto& c : summaries) names += (names.empty() ? "" : ", ") + std::string(c.name);
    const std::string message = "unknown command \"" + std::string(argv[1]) + "\" (choose " + names + ")";
    if (!usage_error(gapscore::code::unknown_command, message, "command")) // run_command's path
      std::cerr << "error: " << message << "\nRun with --help for more information.\n";
    return gapscore::kUsageError;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::RequiredError& e) {
    if (!usage_error(gapscore::code::missing, e.what())) app.exit(e);
    return gapscore::kUsageError;
  } catch (const CLI::ExtrasError& e) {
    if (!usage_error(gapscore::code::unknown_option, e.what())) app.exit(e);
    return gapscore::kUsageError;
  } catch (const CLI::ParseError& e) {
    // A value CLI11 could not convert or check (--top abc, --format xml), and the like.
    if (!usage_error(gapscore::code::invalid_option, e.what())) app.exit(e);
    return gapscore::kUsageError;
  }

  CLI::App* sub = app.get_subcommands().front();
  const std::string command = sub->get_name();

  if (command == "diff" && in.file == "-" && in.second == "-") {
    std::cerr << "error: BEFORE and AFTER cannot both be - (standard input can be read once)\n";
    return gapscore::kUsageError;
  }
  // Without --format: what the command's spec says a person at a terminal reads (a table, the
  // report's Markdown, else JSON).
  std::string format = in.format;
  if (format.empty())
    for (const auto& c : summaries)
      if (c.name == command) format = std::string(c.terminal_format);
  // An input the core never sees (a file that cannot be read, text that is not UTF-8) is
  // reported as the core reports its own: an errors document with --format json.
  const auto input_error = [&](const std::string& path, std::string_view code, const std::string& message) {
    gapscore::Diagnostics d;
    d.error(path, code, message);
    if (format == "json") std::cout << d.errors_document().dump(2) << "\n";
    else std::cerr << "error: " << (path.empty() ? "" : path + ": ") << message << "\n";
    return gapscore::kInputError;
  };
  std::string document, error;
  if (!read_input(in.file, document, error)) return input_error("", gapscore::code::unreadable, error);
  gapscore::Json options = gapscore::Json::object();
  options["format"] = format;
  if (!in.model.empty()) options["model"] = in.model;
  if (sub->get_option_no_throw("--top") && sub->count("--top")) options["top"] = in.top; // not every command has --top
  if (!in.item.empty()) options["item"] = in.item;
  if (!in.reference.empty()) options["reference"] = in.reference;
  if (!in.weights.empty()) options["weights"] = in.weights;
  if (!in.confidence_from.empty()) options["confidence_from"] = in.confidence_from;
  if (!in.from.empty()) options["from"] = in.from;
  if (!in.to.empty()) options["to"] = in.to;
  if (!in.as_of.empty()) options["as_of"] = in.as_of;
  // Only the flags given: the core knows the defaults (and refuses these without --confidence-from).
  const auto given = [&](const char* flag) { return sub->get_option_no_throw(flag) && sub->count(flag); };
  if (given("--lag-days")) options["lag_days"] = in.lag_days;
  if (given("--stale-days")) options["stale_days"] = in.stale_days;
  if (given("--prior-items")) options["prior_items"] = in.prior_items;
  if (given("--prior-ratio")) options["prior_ratio"] = in.prior_ratio;
  if (command == "plan") options["capacity"] = in.capacity;
  if (command == "simulate" && sub->count("--runs")) options["runs"] = in.runs;
  if (command == "simulate" && sub->count("--seed")) options["seed"] = in.seed;
  if (!in.scenario.empty()) options["scenario"] = in.scenario;
  if (command == "compare") {
    options["a"] = in.scenario_a;
    options["b"] = in.scenario_b;
  }
  if (command == "diff") {
    std::string after;
    if (!read_input(in.second, after, error)) return input_error("after", gapscore::code::unreadable, error);
    options["after"] = after;
  }
  if (!in.baseline.empty()) {
    if (in.baseline == "-" && in.file == "-") {
      std::cerr << "error: FILE and --baseline cannot both be - (standard input can be read once)\n";
      return gapscore::kUsageError;
    }
    std::string baseline;
    if (!read_input(in.baseline, baseline, error)) return input_error("baseline", gapscore::code::unreadable, error);
    options["baseline"] = baseline;
  }
  if (!in.locale.empty()) options["locale"] = in.locale;
  if (in.detect) options["detect"] = true;
  if (!in.map.empty()) {
    gapscore::Json map = gapscore::Json::object();
    for (const auto& entry : in.map) {
      const auto eq = entry.find('=');
      if (eq == std::string::npos || eq == 0) {
        std::cerr << "error: --map takes FIELD=COLUMN (got \"" << entry << "\"), e.g. --map title=Summary\n";
        return gapscore::kUsageError;
      }
      const std::string field = entry.substr(0, eq), column = entry.substr(eq + 1);
      if (!is_utf8(field) || !is_utf8(column))
        return input_error("options/map", gapscore::code::invalid_text, "--map " + std::string("is not valid UTF-8 text"));
      map[field] = column.empty() ? gapscore::Json(nullptr) : gapscore::Json(column);
    }
    options["map"] = std::move(map);
  }

  // The arguments and the AFTER file travel to the core as JSON text, which is UTF-8: name
  // one that is not (as the core names a document that is not), instead of failing to print it.
  for (const auto& [key, value] : options.items()) {
    if (!value.is_string() || is_utf8(value.get_ref<const std::string&>())) continue;
    return input_error(key, gapscore::code::invalid_text, key == "after"      ? "the AFTER file is not valid UTF-8 text (save it as UTF-8)"
                                                          : key == "baseline" ? "the baseline file is not valid UTF-8 text (save it as UTF-8)"
                                                                              : "not valid UTF-8 text");
  }

  const bool progress_bar = command == "simulate" && isatty(STDERR_FILENO);
  const auto result = progress_bar ? simulate_with_progress(document, options.dump())
                                   : gapscore::run_command(command, document, options.dump());
  std::cout << result.output;
  std::cerr << result.messages;
  return result.exit_code;
}
