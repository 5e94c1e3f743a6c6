// gapscore import-csv: a spreadsheet of items -> a scenario document.
#include "document/commands.hpp"
#include "document/csv.hpp"
#include "commands/request.hpp"

namespace gapscore {

Json command_import_csv(Request& r) {
  auto doc = document_from_csv(r.document, r.diag);
  if (!doc) return nullptr;
  return *doc;
}

const CommandSpec& import_csv_command() {
  static const CommandSpec spec{"import-csv", "turn a CSV of items into a scenario document", {}, command_import_csv, nullptr, nullptr};
  return spec;
}

} // namespace gapscore
