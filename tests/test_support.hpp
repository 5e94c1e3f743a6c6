#pragma once
// Shared helpers for the native tests: fixture paths, running commands, reading their
// outputs, loading scenarios, and seeded draws from the core's generator.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "gapscore/command.hpp"
#include "gapscore/json.hpp"
#include "gapscore/load.hpp"
#include "math/random.hpp"

namespace gapscore::test {

// ---- files and commands ----------------------------------------------------------------

inline std::string source_path(const std::string& relative) {
  return std::string(GAPSCORE_SOURCE_DIR) + "/" + relative;
}

/// Whether the build has the CLI (GAPSCORE_CLI names it; empty with GAPSCORE_BUILD_CLI=OFF).
inline bool cli_built() { return GAPSCORE_CLI[0] != '\0'; }

/// The bytes of the file at `path` (any path; "" when it cannot be read).
inline std::string read_path(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

/// The bytes of a file given relative to the source folder.
inline std::string read_file(const std::string& relative) { return read_path(source_path(relative)); }

/// Example documents (scenario JSON) the tests read, by file name: where they live, relative
/// to the source folder (as the CLI is run from there), their text and their JSON.
inline std::string document_path(const std::string& name) { return "tests/fixtures/documents/" + name; }
inline std::string document_text(const std::string& name) { return read_file(document_path(name)); }
inline Json document_json(const std::string& name) { return Json::parse(document_text(name)); }

/// Runs a command and parses its JSON output.
inline Json run_json(const std::string& command, const std::string& document, Json options = Json::object(),
                     int* exit_code = nullptr) {
  const auto r = run_command(command, document, options.dump());
  if (exit_code) *exit_code = r.exit_code;
  return Json::parse(r.output);
}

// ---- reading outputs -------------------------------------------------------------------

/// The errors of an output as "path: message" lines ("" when there are none).
inline std::string errors_text(const Json& out) {
  std::string s;
  if (out.contains("errors"))
    for (const auto& e : out["errors"]) s += e["path"].get<std::string>() + ": " + e["message"].get<std::string>() + "\n";
  return s;
}

/// The errors, then the warnings, of an output as "path: message" lines.
inline std::string problems(const Json& out) {
  std::string s;
  for (const char* kind : {"errors", "warnings"})
    if (out.contains(kind))
      for (const auto& e : out[kind]) s += e["path"].get<std::string>() + ": " + e["message"].get<std::string>() + "\n";
  return s;
}

/// Whether `list` (errors or warnings) has one at `path` whose message contains `words`.
inline bool has_problem(const Json& list, const std::string& path, const std::string& words) {
  for (const auto& p : list)
    if (p["path"] == path && p["message"].get<std::string>().find(words) != std::string::npos) return true;
  return false;
}

/// The first row of `list` whose `key` is `value`, or nullptr.
inline const Json* find_by(const Json& list, const char* key, const std::string& value) {
  for (const auto& row : list)
    if (row[key] == value) return &row;
  return nullptr;
}

/// The first row of `list` whose "id" is `id`, or nullptr.
inline const Json* find_by_id(const Json& list, const std::string& id) { return find_by(list, "id", id); }

/// The "id" of every row of `rows`, in order.
inline std::vector<std::string> ids_of(const Json& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row["id"].get<std::string>());
  return out;
}

/// The item ids of a ranking output (its "ranking" rows), best first.
inline std::vector<std::string> ranking_ids(const Json& out) { return ids_of(out["ranking"]); }

// ---- scenarios -------------------------------------------------------------------------

/// The scenario of a JSON document; a document that does not load fails the test.
inline Scenario load(const Json& doc) {
  Diagnostics d;
  auto s = load_scenario(doc, d);
  EXPECT_TRUE(s.has_value()) << d.errors_document().dump();
  return s ? std::move(*s) : Scenario{};
}

/// The scenario of a document's text; text that does not load fails the test.
inline Scenario load(const std::string& text) {
  Diagnostics d;
  auto s = load_scenario_text(text, d);
  EXPECT_TRUE(s.has_value()) << d.errors_document().dump();
  return s ? std::move(*s) : Scenario{};
}

// ---- seeded draws ----------------------------------------------------------------------

/// Draws from the core's splitmix64 (math/random.hpp) started at `state`: the same numbers
/// with every standard library (no std:: distributions). below(n) is next() mod n.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() { return splitmix64_next(state); }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

} // namespace gapscore::test
