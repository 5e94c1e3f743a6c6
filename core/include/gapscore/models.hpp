#pragma once
/// Scoring models. Each turns a scenario into one score per item plus the terms that
/// explain it; the registry names each model's published variant and source.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "gapscore/diagnostics.hpp"
#include "gapscore/scenario.hpp"

namespace gapscore {

/// Scores of every item under one model, stored column-wise.
struct ScoreTable {
  /// One column per term of the formula (RICE: reach, impact, confidence, effort; weighted:
  /// one per criterion holding the normalized value).
  std::vector<std::string> term_names;
  std::vector<std::vector<double>> terms; ///< [term][item]
  /// Additive models: each term's weight share (weighted, topsis); empty otherwise.
  std::vector<double> term_weights;
  std::vector<double> score; ///< per item
  /// Additive models: parts that add up to each score (stacked bars), named like terms.
  /// WSJF: each cost-of-delay component / job size; weighted: weight share × normalized.
  /// Empty for models whose score is not a sum (RICE, ICE, value/effort, TOPSIS).
  std::vector<std::string> part_names;
  std::vector<std::vector<double>> parts; ///< [part][item]
  std::vector<double> value; ///< per item: the model's value term (planning, value/effort)
};

/// What `rank --confidence-from evidence` replaces in a model (the evidence loop's suggested
/// confidence, docs/models.md "Evidence").
enum class EvidenceConfidence : std::uint8_t {
  none,       ///< the model has no confidence to replace
  confidence, ///< the item's confidence field (RICE)
  lifts,      ///< each of the item's lifts, scaled (lift × confidence: the gap model)
};

/// How a score is built from its terms, so an explanation can say which terms make the
/// difference between two items.
enum class ScoreShape : std::uint8_t {
  sum,            ///< score = Σ parts (the stacked bar): weighted, stakeholder
  product,        ///< score = Π factors / Π divisors (the last `divisors` terms): RICE, ICE
  sum_over_divisor, ///< score = value (Σ the terms before the last) / the last term: WSJF, gap
  weighted_terms, ///< neither: the terms weighted by their shares, cost criteria reversed (TOPSIS)
};

/// A scoring model: how it scores, and what callers would otherwise ask by comparing ids.
/// Each model is one file that fills one of these; the registry (models()) lists them.
struct ModelInfo {
  std::string_view id;       ///< "rice"
  std::string_view label;    ///< what people call it: "RICE", "Weighted scorecard"
  std::string_view variant;  ///< the published variant, named in every output
  std::string_view formula;  ///< "reach × impact × confidence / effort"
  std::string_view source;   ///< where the definition comes from
  bool additive = false;     ///< score = sum of per-term contributions
  std::vector<Field> required_fields;
  /// Scores items against the document's criteria: their scores and their weights.
  bool needs_criteria = false;
  /// Inputs beyond item fields and criteria, as messages name them ("its outcomes").
  std::string_view other_inputs;

  void (*score)(const Scenario&, ScoreTable&) = nullptr;
  /// The model's part of an explanation: {"terms": [...], "computation": "..."} for one item.
  Json (*explain)(const Scenario&, const ScoreTable&, std::size_t item) = nullptr;
  /// Checks beyond required_fields (e.g. the gap model's outcomes); null when none.
  void (*validate)(const Scenario&, Diagnostics&) = nullptr;

  /// Criteria models: criterion c's term column (its normalized scores, which no weight
  /// changes), and the score from those columns and the criteria's current weights (fills
  /// term_weights, score, value, parts). A weight change alone re-runs only `combine` (the
  /// engine's drag, drawn weights in a simulation); a drawn score, only its own column.
  std::vector<double> (*criterion_term)(const Scenario&, std::size_t criterion) = nullptr;
  void (*combine)(const Scenario&, ScoreTable&) = nullptr;
  /// Sensitivity: a weight's stable interval is exact (scores linear in each weight share).
  bool exact_sensitivity = false;
  /// The order depends on the document's normalization, so results name it.
  bool uses_normalization = false;

  /// Planning: what the value term is (plan picks the most value for the effort), and the
  /// field the effort comes from.
  std::string_view value_term = "the model's value";
  Field effort_field = Field::effort;
  /// What the model adds to a plan's output beyond value and effort (the gap model: the
  /// share of each gap the selection really closes); null when nothing.
  void (*plan_extras)(const Scenario&, const std::vector<std::size_t>& selected, Json& out, Diagnostics&) = nullptr;
  /// `rank` places each item in the value-vs-effort quadrants.
  bool quadrants = false;
  EvidenceConfidence evidence_confidence = EvidenceConfidence::none;

  /// How the score is built from its terms; a sum whose parts are left out (too many to
  /// show) is compared as a product of its terms, the last `divisors` dividing.
  /// sum_over_divisor ignores `divisors`: its divisor is always the last term.
  ScoreShape shape = ScoreShape::sum;
  std::size_t divisors = 0;

  /// Whether the model reads criterion weights (a weight slider means something).
  bool reads_weights() const { return combine != nullptr; }
};

/// Every model, in the order they are listed to users (`for (const ModelInfo& m : models())`).
/// Each model has one address for the life of the program, so a model is known by its
/// entry (its own function returns the same one), never by comparing ids.
const std::vector<std::reference_wrapper<const ModelInfo>>& models();
const ModelInfo* find_model(std::string_view id);
/// The model used when a document names none (the first one listed).
const ModelInfo& default_model();
/// Adds a model to the registry (an extension, or a test's own model): every command, the
/// engine and the module then offer it. False when the id is taken or empty, or the model
/// has no score or explain function. Not safe while other threads run commands.
bool register_model(ModelInfo model);

/// The model's variant as results name it: the weighted scorecard's order depends on how
/// the criteria are normalized, so its variant names the document's normalization.
std::string model_variant(const ModelInfo& m, const Scenario& s);
/// "rice, ice, wsjf, ..." for messages.
std::string model_list();

/// Reports, for each item, the inputs the model needs but the document lacks, and (when
/// none lacks) every item whose score overflows to infinity or NaN (finite_scores.hpp).
void check_model_inputs(const Scenario& s, const ModelInfo& m, Diagnostics& diag);

/// Runs the model. Preconditions: check_model_inputs found no error.
ScoreTable score_items(const Scenario& s, const ModelInfo& m);

} // namespace gapscore
