// gapscore import-csv: a spreadsheet of items -> a scenario document.
#include "document/csv.hpp"
#include "commands/request.hpp"

namespace gapscore {

Json command_import_csv(Request& r) {
  auto doc = document_from_csv(r.document, r.diag);
  if (!doc) return nullptr;
  return *doc;
}

} // namespace gapscore
