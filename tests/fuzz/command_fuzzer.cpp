// Fuzzes the one entry point the CLI and the WebAssembly module share: run_command with the
// command name, the document and the options all taken from the input.
//
// Input: the command name up to the first newline, then the document up to the first NUL
// byte, then the options JSON (empty: none). tests/fuzz/README.md shows how seeds are made.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"

using namespace gapscore;

namespace {
std::string seed(std::string_view command, const std::string& document, const std::string& options) {
  std::string out(command);
  out += '\n';
  out += document;
  out += '\0';
  out += options;
  return out;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::write_seeds_if_asked([](const std::filesystem::path& dir) {
    const auto documents = fuzz::repository_files(".json");
    for (const auto& c : command_summaries()) {
      if (c.name == "import-csv") {
        for (const auto& [name, text] : fuzz::repository_files(".csv"))
          fuzz::write_seed(dir, "import-csv-" + name, seed(c.name, text, ""));
        continue;
      }
      for (const auto& [name, text] : documents)
        fuzz::write_seed(dir, std::string(c.name) + "-" + name, seed(c.name, text, "{}"));
    }
    for (const auto& c : fuzz::catalogue_seeds()) fuzz::write_seed(dir, c.name, seed(c.command, c.document, c.options));
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = rest.find('\n');
  if (newline == std::string_view::npos || newline > 64) return 0;
  const std::string_view command = rest.substr(0, newline);
  rest.remove_prefix(newline + 1);
  const std::size_t nul = rest.find('\0');
  std::string document(rest.substr(0, nul));
  std::string options(nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1));
  fuzz::run_checked(command, std::move(document), std::move(options));
  return 0;
}
