#pragma once
// What every fuzz target checks about a run_command result, beyond "no crash": the
// promises the CLI and the WebAssembly module make to their callers (command.hpp).
// A broken promise aborts, so libFuzzer saves the input as a crash.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../bad_inputs_catalogue.hpp"

#include "gapscore/command.hpp"
#include "gapscore/json.hpp"

namespace gapscore::fuzz {

[[noreturn]] inline void broken(const char* promise, const std::string& output) {
  std::fprintf(stderr, "fuzz: broken promise: %s\n--- output ---\n%.4000s\n", promise, output.c_str());
  std::abort();
}

/// Simulation runs in fuzzed options or documents are capped at this many: the budget
/// check itself is tested by the bad-input catalogue, and a fuzzer spending seconds per
/// input under the sanitizers finds nothing else.
inline constexpr long long kMaxFuzzRuns = 200;

/// Caps "runs" in a JSON object (options, or a document's "simulation" section). Returns
/// the text unchanged when it is not JSON or has nothing to cap.
inline std::string cap_runs(std::string_view text, bool in_simulation_section) {
  Json j = Json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::string(text);
  Json* holder = &j;
  if (in_simulation_section) {
    if (!j.contains("simulation") || !j["simulation"].is_object()) return std::string(text);
    holder = &j["simulation"];
  }
  if (!holder->contains("runs") || !(*holder)["runs"].is_number()) return std::string(text);
  if ((*holder)["runs"].get<double>() <= kMaxFuzzRuns) return std::string(text);
  (*holder)["runs"] = kMaxFuzzRuns;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

/// An error message that means the core failed rather than the input: an exception it did
/// not turn into a reason, a non-finite number that reached a result, memory exhaustion.
inline bool core_failure(std::string_view message) {
  return message.rfind("internal error", 0) == 0 || message.rfind("internal check", 0) == 0 ||
         message.rfind("out of memory", 0) == 0;
}

/// The result contract: exit code 0, 1 or 2; with the JSON format, one valid JSON document;
/// a failure is {"errors": [{"path": text, "message": non-empty text}, ...]} with at least
/// one error, none of them a core failure.
inline void check_result(const CommandResult& res, bool json_format) {
  if (res.exit_code != kOk && res.exit_code != kUsageError && res.exit_code != kInputError)
    broken("exit code is 0, 1 or 2", res.output);
  if (!json_format) {
    // Text formats: problems are "error: /path: reason" lines in messages.
    for (std::size_t at = 0; (at = res.messages.find("error: ", at)) != std::string::npos; at += 7) {
      const std::size_t colon = res.messages.find(": ", at + 7);
      if (colon != std::string::npos && core_failure(std::string_view(res.messages).substr(colon + 2)))
        broken("no core failure", res.messages);
      if (core_failure(std::string_view(res.messages).substr(at + 7))) broken("no core failure", res.messages);
    }
    return;
  }
  Json out = Json::parse(res.output, nullptr, false);
  if (out.is_discarded()) broken("JSON output parses", res.output);
  if (res.exit_code == kOk) return;
  if (!out.is_object() || !out.contains("errors") || !out["errors"].is_array() || out["errors"].empty())
    broken("a failure lists its errors", res.output);
  for (const Json& e : out["errors"]) {
    if (!e.is_object() || !e.contains("path") || !e["path"].is_string() || !e.contains("message") ||
        !e["message"].is_string() || e["message"].get_ref<const std::string&>().empty())
      broken("each error has a path and a message", res.output);
    if (core_failure(e["message"].get_ref<const std::string&>())) broken("no core failure", res.output);
  }
}

/// True when the options text asks for a text format (then the output may be text).
inline bool asks_text_format(std::string_view options) {
  Json j = Json::parse(options.begin(), options.end(), nullptr, false);
  return !j.is_discarded() && j.is_object() && j.contains("format") && j["format"].is_string() &&
         (j["format"] == "table" || j["format"] == "markdown" || j["format"] == "csv");
}

/// Runs a command as every target does: simulation runs capped in the options and in the
/// document's "simulation" section, then the result contract checked.
inline void run_checked(std::string_view command, std::string document, std::string options) {
  if (command == "simulate") {
    options = cap_runs(options, false);
    document = cap_runs(document, true);
  }
  const CommandResult res = run_command(command, document, options);
  check_result(res, !asks_text_format(options));
}

// ---- seeds ------------------------------------------------------------------------------
// Every target writes its own seed corpus when GAPSCORE_FUZZ_WRITE_SEEDS names a folder
// (scripts/fuzz.sh does this before each run), so seeds always match the input layout.

/// Larger files make every fuzz iteration slow; the limits have their own catalogue cases.
inline constexpr std::size_t kMaxSeedBytes = 64 * 1024;

/// (name, text) of the repository's example files with this extension, sorted by path:
/// tests/fixtures/documents, tests/fixtures/csv, tests/fuzz/documents and demo. The name is
/// the folder's label and the file name ("fixtures-gap_small.json", "demo-health-app.csv").
inline std::vector<std::pair<std::string, std::string>> repository_files(const std::string& extension) {
  const std::filesystem::path root = GAPSCORE_SOURCE_DIR;
  const std::pair<const char*, const char*> folders[] = {{"tests/fixtures/documents", "fixtures"},
                                                         {"tests/fixtures/csv", "fixtures"},
                                                         {"tests/fuzz/documents", "documents"},
                                                         {"demo", "demo"}};
  std::vector<std::pair<std::filesystem::path, std::string>> paths;
  for (const auto& [dir, label] : folders) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(root / dir, ec))
      if (e.path().extension() == extension && e.file_size() <= kMaxSeedBytes) paths.emplace_back(e.path(), label);
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [p, label] : paths) out.emplace_back(label + "-" + p.filename().string(), catalogue::read_bytes(p));
  return out;
}

/// The bad-input catalogue's cases small enough to be seeds.
inline std::vector<catalogue::BadInputCase> catalogue_seeds() {
  std::vector<catalogue::BadInputCase> out;
  for (auto& c : catalogue::read_cases(std::filesystem::path(GAPSCORE_SOURCE_DIR) / "tests" / "bad-inputs"))
    if (c.document.size() <= kMaxSeedBytes && c.options.size() <= kMaxSeedBytes) out.push_back(std::move(c));
  return out;
}

inline void write_seed(const std::filesystem::path& dir, const std::string& name, const std::string& bytes) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

/// Calls write(dir) and exits when GAPSCORE_FUZZ_WRITE_SEEDS is set.
template <class F> void write_seeds_if_asked(F write) {
  const char* dir = std::getenv("GAPSCORE_FUZZ_WRITE_SEEDS");
  if (!dir || !*dir) return;
  write(std::filesystem::path(dir));
  std::exit(0);
}

} // namespace gapscore::fuzz
