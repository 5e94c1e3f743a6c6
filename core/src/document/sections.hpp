#pragma once
// The document's sections beyond the items and criteria, each read once by its feature's
// reader when the document is loaded, and held by the Scenario as typed data
// (Scenario::sections()). Commands and models take these; none reads the raw document again.
//
// Sections every command validates (their problems stop the load): customer outcomes,
// evidence, Kano, OKRs, stakeholders, AHP. Sections only some commands use keep their
// problems for those commands to report: what-if scenarios (compare, --scenario) and the
// simulation settings (simulate). The matrix settings are read as given (non-numbers are
// ignored, as docs/format.md says).
#include <optional>
#include <string_view>
#include <vector>

#include "evidence/evidence.hpp"
#include "gaps/gap.hpp"
#include "gaps/kano.hpp"
#include "planning/okr.hpp"
#include "scoring/matrix.hpp"
#include "stakeholders/ahp_section.hpp"
#include "stakeholders/stakeholders.hpp"
#include "whatif/scenario_variants.hpp"
#include "whatif/simulate.hpp"

namespace gapscore {

struct Sections {
  GapData gap;             ///< segments, outcomes, items[].outcomes (gaps/gap.hpp)
  EvidenceData evidence;   ///< measurements, items[].status, released, team (evidence/evidence.hpp)
  PerItem<std::optional<KanoCounts>> kano; ///< per item (gaps/kano.hpp)
  OkrData okr;             ///< objectives, items[].contributes (planning/okr.hpp)
  StakeholderData stakeholders; ///< stakeholders, stakeholder_aggregation
  std::optional<AhpSection> ahp; ///< the "ahp" section; nullopt when the document has none
  ScenarioList scenarios;  ///< what-if scenarios (whatif/scenario_variants.hpp)
  SimulationSection simulation; ///< "simulation": runs and seed as written
  MatrixSettings matrix;   ///< "matrix": value-vs-effort thresholds
};

/// Reads every section of `document` into a new Sections held by `s`, whose items and
/// criteria are already read; validates those every command validates, reporting each
/// problem at its JSON Pointer; fills what sections decide in `s` (criteria scores from
/// "source": "okr", weights from "weights_from": "ahp"). Never throws.
void read_sections(const Json& document, Scenario& s, Diagnostics& diag);
/// The same, told whether the customer sections apply (uses_customer_sections). The text
/// reader knows it from the items it streamed, and passes a document whose items hold only
/// the members the sections read.
void read_sections(const Json& document, bool customer_sections, Scenario& s, Diagnostics& diag);

/// Whether the document uses any customer section: segments, outcomes, objectives,
/// measurements, a criterion's "source", or an item naming one (item_names_customer_section).
/// Without, their readers see an empty document (most backlogs have none).
bool uses_customer_sections(const Json& document);
/// An item key that makes the customer sections apply: outcomes, contributes, kano, status,
/// released.
bool item_names_customer_section(std::string_view key);

} // namespace gapscore
