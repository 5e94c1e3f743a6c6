// Fuzzes what commands read besides the items: their options (simulate's runs and seed,
// sensitivity's scenario, compare's a/b, plan's capacity, ...) and the document sections
// that configure them (the "ahp" comparisons, "simulation", "scenarios", "stakeholders",
// "objectives", "outcomes"). The documents are fixed, valid examples from the repository,
// so the fuzzer spends its time past the loader.
//
// Input: byte 0 picks the command, byte 1 the document, byte 2 the mode (even: the rest is
// the options JSON; odd: the rest is spliced into the document as the command's section).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "gapscore/load.hpp"

using namespace gapscore;

namespace {

std::vector<std::string> g_commands;
std::vector<Json> g_documents;

/// The document section each command reads beyond the items.
const char* section_of(const std::string& command) {
  if (command == "ahp") return "ahp";
  if (command == "simulate") return "simulation";
  if (command == "sensitivity" || command == "compare") return "scenarios";
  if (command == "agreement") return "stakeholders";
  if (command == "okr") return "objectives";
  if (command == "gaps" || command == "portfolio") return "outcomes";
  if (command == "kano") return "items";
  if (command == "plan") return "matrix";
  return "criteria";
}

/// Options worth starting from; each command refuses the ones it does not know, quickly.
std::vector<Json> typical_options(const Json& doc) {
  std::string first_item = "a";
  if (doc.contains("items") && doc["items"].is_array() && !doc["items"].empty() && doc["items"][0].contains("id") &&
      doc["items"][0]["id"].is_string())
    first_item = doc["items"][0]["id"].get<std::string>();
  std::string scenario = "base";
  if (doc.contains("scenarios") && doc["scenarios"].is_array() && !doc["scenarios"].empty() &&
      doc["scenarios"][0].contains("id") && doc["scenarios"][0]["id"].is_string())
    scenario = doc["scenarios"][0]["id"].get<std::string>();
  return {Json::object(),
          {{"top", 2}},
          {{"format", "table"}},
          {{"runs", 50}, {"seed", 7}, {"top", 2}},
          {{"capacity", 5}},
          {{"a", "base"}, {"b", scenario}},
          {{"scenario", scenario}, {"top", 2}},
          {{"item", first_item}, {"model", "weighted"}},
          {{"reference", "rice"}}};
}

std::string with_header(std::size_t command, std::size_t document, bool splice, const std::string& rest) {
  std::string out;
  out += static_cast<char>(command);
  out += static_cast<char>(document);
  out += static_cast<char>(splice ? 1 : 0);
  return out + rest;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (const auto& c : command_summaries())
    if (c.name != "import-csv") g_commands.emplace_back(c.name);
  std::sort(g_commands.begin(), g_commands.end());
  for (const auto& [name, text] : fuzz::repository_files(".json")) {
    Diagnostics d;
    if (load_scenario_text(text, d)) g_documents.push_back(Json::parse(text));
  }
  if (g_documents.empty()) g_documents.push_back(Json::object({{"format", "gapscore/1"}, {"items", Json::array()}}));
  // Byte 1 picks the document: more than 256 would make some unreachable.
  if (g_documents.size() > 256) g_documents.resize(256);

  fuzz::write_seeds_if_asked([](const std::filesystem::path& dir) {
    for (std::size_t c = 0; c < g_commands.size(); ++c) {
      for (std::size_t d = 0; d < g_documents.size(); ++d) {
        const Json& doc = g_documents[d];
        const std::string stem = g_commands[c] + "-" + std::to_string(d);
        const auto options = typical_options(doc);
        for (std::size_t k = 0; k < options.size(); ++k)
          fuzz::write_seed(dir, stem + "-options-" + std::to_string(k), with_header(c, d, false, options[k].dump()));
        const char* key = section_of(g_commands[c]);
        if (doc.contains(key))
          fuzz::write_seed(dir, stem + "-section", with_header(c, d, true, doc[key].dump()));
      }
    }
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 3) return 0;
  const std::string& command = g_commands[data[0] % g_commands.size()];
  Json doc = g_documents[data[1] % g_documents.size()];
  const bool splice = data[2] & 1;
  std::string fuzzed(reinterpret_cast<const char*>(data + 3), size - 3);

  std::string document, options;
  if (splice) {
    const char* key = section_of(command);
    doc.erase(key);
    document = doc.dump(-1, ' ', false, Json::error_handler_t::replace);
    document.pop_back(); // the closing brace: the fuzzed section goes in front of it
    document += ",\"" + std::string(key) + "\":" + fuzzed + "}";
  } else {
    document = doc.dump(-1, ' ', false, Json::error_handler_t::replace);
    options = std::move(fuzzed);
  }
  fuzz::run_checked(command, std::move(document), std::move(options));
  return 0;
}
