#pragma once
// A scenario scored and ranked by one model: what rank, explain and diff all start from.
#include <optional>

#include "scoring/ranking.hpp"
#include "commands/request.hpp"

namespace gapscore {

struct Scored {
  Scenario scenario;
  const ModelInfo* model = nullptr;
  ScoreTable table;
  Ranking ranking;
};

/// Scores `scenario` with `model` and ranks it.
Scored score_and_rank(Scenario scenario, const ModelInfo& model);

/// Loads the request's document, picks the model and scores it; nullopt on any error.
std::optional<Scored> load_and_score(Request& r);

/// {"model", "variant", "formula"} fields naming the model in every result; for the weighted
/// scorecard the variant names the normalization, also given as "normalization".
void describe_model(Json& out, const ModelInfo& m, const Scenario& s);

/// One ranking row: id, rank, score, title, moscow, terms, tied_with.
Json ranking_row(const Scored& sc, std::size_t item);

/// Compact terms for a ranking row: {term: value}, where value is the term's contribution
/// to the score for criteria-based models and the input value otherwise.
Json row_terms(const ModelInfo& m, const ScoreTable& t, std::size_t item);

/// Value-vs-effort quadrant names: "quick_win", "big_bet", "fill_in", "money_pit".
std::string_view quadrant(double value, double effort, double value_threshold, double effort_threshold);

/// Value-vs-effort thresholds: the document's "matrix" settings, else the medians.
std::pair<double, double> matrix_thresholds(const Scenario& s, const ScoreTable& t);

} // namespace gapscore
