// gapscore: the command line. It only reads files, turns flags into the options document,
// and prints what gapscore::run_command returns; all the work is in the core.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "gapscore/command.hpp"
#include "gapscore/json.hpp"

namespace {

/// Reads a file, or standard input for "-". Returns false with a message on failure.
bool read_input(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot read " + path + ": no such file or not readable";
    return false;
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  out = buf.str();
  return true;
}

/// What one subcommand collects from its flags before the call.
struct Invocation {
  std::string file, second, item, model, format, reference;
  long long top = 0, runs = 0;
  unsigned long long seed = 0;
  double capacity = 0;
};

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"gapscore: rank a backlog and explain every rank (docs/format.md)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "gapscore 0.1.0");
  Invocation in;
  const char* kFormats = "table, json, csv or markdown";

  auto add = [&](const char* name, const char* summary) {
    CLI::App* sub = app.add_subcommand(name, summary);
    sub->add_option("--format", in.format, kFormats)->check(CLI::IsMember({"table", "json", "csv", "markdown"}));
    return sub;
  };
  auto file = [&](CLI::App* sub, const char* what = "scenario JSON file, or - for standard input") {
    sub->add_option("FILE", in.file, what)->required();
  };

  CLI::App* rank = add("rank", "rank the items by a model");
  file(rank);
  rank->add_option("--model,-m", in.model, "rice, ice, wsjf, value_effort, weighted, topsis, ...");
  rank->add_option("--top,-n", in.top, "show only the first N")->check(CLI::PositiveNumber);

  CLI::App* explain = add("explain", "explain one item's score term by term");
  file(explain);
  explain->add_option("ITEM_ID", in.item, "the item's id")->required();
  explain->add_option("--model,-m", in.model, "the model to explain");

  CLI::App* diff = add("diff", "compare two scenarios: rank changes and what moved them");
  diff->add_option("BEFORE", in.file, "the first scenario")->required();
  diff->add_option("AFTER", in.second, "the second scenario")->required();
  diff->add_option("--model,-m", in.model, "the model to rank both by");
  diff->add_option("--top,-n", in.top, "report items entering and leaving the top N")->check(CLI::PositiveNumber);

  CLI::App* validate = add("validate", "check a document and list every problem");
  file(validate);
  validate->add_option("--model,-m", in.model, "also check the inputs this model needs");

  CLI::App* import_csv = add("import-csv", "turn a CSV of items into a scenario document");
  file(import_csv, "CSV file, or - for standard input");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return gapscore::kUsageError;
  }

  CLI::App* sub = app.get_subcommands().front();
  const std::string command = sub->get_name();

  std::string document, error;
  if (!read_input(in.file, document, error)) {
    std::cerr << "error: " << error << "\n";
    return gapscore::kInputError;
  }
  gapscore::Json options = gapscore::Json::object();
  const std::string format = in.format.empty() ? (command == "rank" ? "table" : "json") : in.format;
  options["format"] = format;
  if (!in.model.empty()) options["model"] = in.model;
  if (sub->count("--top")) options["top"] = in.top;
  if (!in.item.empty()) options["item"] = in.item;
  if (command == "diff") {
    std::string after;
    if (!read_input(in.second, after, error)) {
      std::cerr << "error: " << error << "\n";
      return gapscore::kInputError;
    }
    options["after"] = after;
  }

  const auto result = gapscore::run_command(command, document, options.dump());
  std::cout << result.output;
  std::cerr << result.messages;
  return result.exit_code;
}
