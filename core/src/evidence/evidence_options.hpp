#pragma once
// The options of the evidence loop shared by `evidence` and `rank {"confidence_from":
// "evidence"}`: the default effect lag and the prior of the suggested confidence.
#include <optional>

#include "commands/request.hpp"
#include "evidence/evidence.hpp"

namespace gapscore {

struct EvidenceOptions {
  std::int64_t lag_days = kNoLag; ///< "lag_days": for outcomes without their own
  ConfidencePrior prior;          ///< "prior_items" (≥ 0), "prior_ratio" (0..1)
};

/// Reads lag_days, prior_items and prior_ratio; nullopt after a usage error.
std::optional<EvidenceOptions> read_evidence_options(Request& r);

/// An "unusual_value" warning at /items/i/released for every realized lift measured less than
/// kEarlyDays after the release with no lag given: the change may not have shown yet.
void warn_early_measurements(Request& r, const Scenario& s, const std::vector<RealizedLift>& rows);

} // namespace gapscore
