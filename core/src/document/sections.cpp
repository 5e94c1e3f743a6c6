// Reading the sections once, at load, in the order their problems are reported.
#include "document/sections.hpp"

#include <stdexcept>

namespace gapscore {
bool item_names_customer_section(std::string_view k) {
  const std::size_t n = k.size(); // lengths first: most keys are ruled out without comparing
  return (n == 8 && k == "outcomes") || (n == 11 && k == "contributes") || (n == 4 && k == "kano") ||
         (n == 6 && k == "status") || (n == 8 && k == "released");
}

// One pass over the item keys without allocating: loading 100,000 items must stay fast.
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
    for (auto it = item.begin(); it != item.end(); ++it)
      if (item_names_customer_section(it.key())) return true;
  }
  return false;
}

void read_sections(const Json& document, Scenario& s, Diagnostics& diag) {
  read_sections(document, uses_customer_sections(document), s, diag);
}

void read_sections(const Json& document, bool customer_sections, Scenario& s, Diagnostics& diag) {
  auto out = std::make_shared<Sections>();
  const std::size_t n = s.size();
  // Without customer sections their readers see an empty document: empty sections, without
  // walking every item's keys again, and no memory per item (document/per_item.hpp).
  static const Json kNone = Json::object();
  const Json& customer = customer_sections ? document : kNone;
  out->gap = read_gap_data(customer, n, diag);
  out->evidence = read_evidence_data(customer, out->gap, n, diag); // measurements, status, released
  out->kano = read_kano_data(customer, n, diag);
  out->okr = read_okr_data(customer, n, diag);
  apply_okr_criteria(customer, out->okr, s, diag);
  read_stakeholder_sections(document, s, *out, diag); // stakeholders, weights_from, ahp
  out->scenarios = read_scenario_list(document, s);
  out->simulation = read_simulation_section(document);
  out->matrix = read_matrix_settings(document);
  s.set_sections(std::move(out));
}

const Sections& Scenario::sections() const {
  static const Sections kEmpty;
  return sections_ ? *sections_ : kEmpty;
}

Sections& Scenario::edit_sections() {
  if (!sections_) sections_ = std::make_shared<Sections>();
  // Only a scenario that holds its sections alone may change them (a freshly loaded one
  // does): a copy would otherwise see the change. No copy of the sections is made here, on
  // purpose: copying every section type would add 6 KB of code to the module for a case that
  // does not occur.
  if (sections_.use_count() > 1) throw std::logic_error("the scenario's sections are shared with a copy");
  // Made by read_sections or above as a non-const Sections.
  return const_cast<Sections&>(*sections_);
}

} // namespace gapscore
