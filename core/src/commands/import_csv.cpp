// gapscore import-csv: a spreadsheet of items -> a scenario document.
#include "gapscore/csv.hpp"
#include "request.hpp"

namespace gapscore {

Json command_import_csv(Request& r) {
  auto doc = document_from_csv(r.document, r.diag);
  if (!doc) return nullptr;
  return *doc;
}

} // namespace gapscore
