#include "document/customer_sections.hpp"

#include "evidence/evidence.hpp"
#include "gaps/gap.hpp"
#include "gaps/kano.hpp"
#include "planning/okr.hpp"

namespace gapscore {
namespace {

/// Whether the document uses any customer section. One pass over the item keys without
/// allocating: most backlogs have none, and loading 100,000 items must stay fast.
bool uses_customer_sections(const Json& doc) {
  if (!doc.is_object()) return false;
  if (doc.contains("segments") || doc.contains("outcomes") || doc.contains("objectives") ||
      doc.contains("measurements"))
    return true;
  if (doc.contains("criteria") && doc["criteria"].is_array())
    for (const Json& c : doc["criteria"])
      if (c.is_object() && c.contains("source")) return true;
  if (!doc.contains("items") || !doc["items"].is_array()) return false;
  for (const Json& item : doc["items"]) {
    if (!item.is_object()) continue;
    for (auto it = item.begin(); it != item.end(); ++it) {
      const std::string& k = it.key();
      const std::size_t n = k.size(); // lengths first: most keys are ruled out without comparing
      if ((n == 8 && k == "outcomes") || (n == 11 && k == "contributes") || (n == 4 && k == "kano") ||
          (n == 6 && k == "status") || (n == 8 && k == "released"))
        return true;
    }
  }
  return false;
}

} // namespace

void load_customer_sections(const Json& document, Scenario& s, Diagnostics& diag) {
  if (!uses_customer_sections(document)) return;
  const GapData gap = read_gap_data(document, s.size(), diag);
  read_evidence_data(document, gap, s.size(), diag); // measurements, status, released
  read_kano_data(document, s.size(), diag);
  const OkrData okr = read_okr_data(document, s.size(), diag);
  apply_okr_criteria(document, okr, s, diag);
}

} // namespace gapscore
