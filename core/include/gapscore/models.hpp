#pragma once
/// Scoring models. Each turns a scenario into one score per item plus the terms that
/// explain it; the registry names each model's published variant and source.
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

struct ModelInfo {
  std::string_view id;       ///< "rice"
  std::string_view variant;  ///< the published variant, named in every output
  std::string_view formula;  ///< "reach × impact × confidence / effort"
  std::string_view source;   ///< where the definition comes from
  bool additive;             ///< score = sum of per-term contributions
  std::vector<Field> required_fields;
  bool needs_criteria;
  void (*score)(const Scenario&, ScoreTable&);
  /// The model's part of an explanation: {"terms": [...], "computation": "..."} for one item.
  Json (*explain)(const Scenario&, const ScoreTable&, std::size_t item);
  /// Checks beyond required_fields (e.g. the gap model's outcomes); null when none.
  void (*validate)(const Scenario&, Diagnostics&) = nullptr;
};

/// Every model, in the order they are listed to users.
const std::vector<ModelInfo>& models();
const ModelInfo* find_model(std::string_view id);

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

/// Per criterion: normalized values of the items' scores, as the scenario's normalization says.
std::vector<double> normalize_criterion(const Scenario& s, std::size_t criterion);
/// Weighted score from normalized columns (t.terms) and weight shares (t.term_weights):
/// sum over criteria of (weight / total) x value; fills t.score, t.value and t.parts.
void combine_weighted(ScoreTable& t);
/// Each criterion's share of the total weight (all 0 when the total is 0).
std::vector<double> weight_shares(const std::vector<Criterion>& criteria);
/// TOPSIS closeness from vector-normalized columns r = x / ||x|| and weight shares; the
/// ideal takes the largest weighted r of benefit criteria and the smallest of cost ones.
void topsis_closeness(const Scenario& s, const std::vector<std::vector<double>>& normalized,
                      const std::vector<double>& shares, std::vector<double>& score);

/// Compact terms for a ranking row: {term: value}, where value is the term's contribution
/// to the score for criteria-based models and the input value otherwise.
Json row_terms(const ModelInfo& m, const ScoreTable& t, std::size_t item);

/// Value-vs-effort quadrant names: "quick_win", "big_bet", "fill_in", "money_pit".
std::string_view quadrant(double value, double effort, double value_threshold,
                          double effort_threshold);

} // namespace gapscore
