#pragma once
/// OKRs (docs/models.md, "Gap scoring"): objectives with weights and key results, items that
/// contribute to key results, each item's alignment and a plan's objective coverage.
///
///   objectives: [{"id", "name", "weight" (>= 0, default 1),
///                 "key_results": [{"id", "name", "target" (optional, > 0)}]}]
///   items[].contributes: [{"key_result", "amount"}]
///     amount is in the key result's unit when it has a target (progress = amount / target),
///     otherwise it is the fraction of the key result the item achieves, in (0, 1].
///
/// A criterion of the weighted model can take its scores from here: {"id": "okr", "source":
/// "okr"} scores each item by its alignment, on a fixed 0..1 scale unless a scale is given.
#include <string>
#include <vector>

#include "document/per_item.hpp"
#include "gapscore/diagnostics.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

struct KeyResult {
  std::string id;
  std::string name;
  std::size_t objective = 0; ///< index into OkrData::objectives
  double target = kMissing;  ///< > 0, or missing: amounts are then fractions of the key result
};

struct Objective {
  std::string id;
  std::string name;
  double weight = 1;
  std::vector<std::size_t> key_results; ///< indices into OkrData::key_results
};

struct Contribution {
  std::size_t key_result = 0;
  double amount = 0;
};

struct OkrData {
  std::vector<Objective> objectives;
  std::vector<KeyResult> key_results;
  PerItem<std::vector<Contribution>> contributes; ///< per item
};

/// Reads objectives and items[].contributes, reporting every problem with its JSON Pointer.
OkrData read_okr_data(const Json& document, std::size_t items, Diagnostics& diag);

/// Progress of one contribution on its key result, in [0, 1]: min(amount / target, 1), or
/// the amount itself when the key result has no target.
double contribution_progress(const OkrData& okr, const Contribution& c);

/// How much each key result counts toward the whole set of objectives: the objective's
/// share of the total weight divided by its number of key results (an objective's score is
/// the average of its key results' progress, as OKR grading does).
std::vector<double> key_result_weights(const OkrData& okr);

/// Per item: Σ over its contributions of key-result weight × progress, in [0, 1]: the share
/// of the weighted objectives the item would achieve on its own.
std::vector<double> okr_alignment(const OkrData& okr, std::size_t items);

/// What a set of items achieves together (progress on a key result is capped at 1).
struct OkrCoverage {
  std::vector<double> key_result_progress; ///< per key result, 0..1
  std::vector<double> objective_score;     ///< per objective: average progress of its key results
  double overall = 0;                      ///< Σ weight share × objective score, 0..1
};
OkrCoverage okr_coverage(const OkrData& okr, const std::vector<std::size_t>& items);

/// Loader hook: fills the scores of every criterion with "source": "okr" with the items'
/// alignment (an error when the document has no objectives or an item scores it by hand).
void apply_okr_criteria(const Json& document, const OkrData& okr, Scenario& s, Diagnostics& diag);

} // namespace gapscore
