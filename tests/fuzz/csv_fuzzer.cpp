// Fuzzes the CSV importer. Properties beyond "no crash, no sanitizer report":
// - a refused CSV has at least one error;
// - document_from_csv only returns documents that load (its contract in csv.hpp);
// - parse_csv and csv_field round-trip: writing the parsed cells back with csv_field and
//   parsing again gives the same cells.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "document/csv.hpp"
#include "gapscore/load.hpp"

using namespace gapscore;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  fuzz::write_seeds_if_asked([](const std::filesystem::path& dir) {
    for (const auto& [name, text] : fuzz::repository_files(".csv")) fuzz::write_seed(dir, name, text);
    for (const auto& c : fuzz::catalogue_seeds())
      if (c.command == "import-csv") fuzz::write_seed(dir, c.name, c.document);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diag;
  auto doc = document_from_csv(text, diag);
  if (!doc) {
    if (diag.ok()) fuzz::broken("a refused CSV has an error", std::string(text));
  } else {
    Diagnostics check;
    if (!load_scenario(*doc, check)) fuzz::broken("an imported document loads", check.errors_document().dump());
  }

  Diagnostics parse_diag;
  auto table = parse_csv(text, parse_diag);
  if (!table) return 0;
  std::string written;
  for (const auto& row : table->rows) {
    for (std::size_t c = 0; c < row.size(); ++c) written += (c ? "," : "") + csv_field(row[c]);
    written += "\n";
  }
  Diagnostics again_diag;
  auto again = parse_csv(written, again_diag);
  if (!again || again->rows != table->rows) fuzz::broken("CSV cells round-trip through csv_field", written);
  return 0;
}
