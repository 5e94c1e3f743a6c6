// The "stakeholder" model: the stakeholders' ratings of each item, combined. Terms and parts
// are the stakeholders' contributions (share × rating), so they add up to the score and the
// stacked bar shows who put an item where it is.
#include "stakeholders/stakeholder_model.hpp"

#include <algorithm>

#include "document/sections.hpp"
#include "stakeholders/stakeholders.hpp"

namespace gapscore {
namespace {

const StakeholderData& stakeholders_of(const Scenario& s) { return s.sections().stakeholders; }

std::string computation(const StakeholderData& d, std::size_t i, double score) {
  std::vector<std::size_t> raters;
  for (std::size_t k = 0; k < d.stakeholders.size(); ++k)
    if (!is_missing(d.stakeholders[k].ratings[i])) raters.push_back(k);
  const auto rating = [&](std::size_t k) { return display_number(d.stakeholders[k].ratings[i]); };
  std::string text;
  switch (d.aggregation) {
  case Aggregation::mean:
    for (std::size_t k : raters) text += (text.empty() ? "" : " + ") + rating(k);
    text = "(" + text + ") / " + std::to_string(raters.size());
    break;
  case Aggregation::influence_weighted: {
    std::string total;
    for (std::size_t k : raters) {
      text += (text.empty() ? "" : " + ") + display_number(d.stakeholders[k].influence) + " × " + rating(k);
      total += (total.empty() ? "" : " + ") + display_number(d.stakeholders[k].influence);
    }
    text = "(" + text + ") / (" + total + ")";
    break;
  }
  case Aggregation::median:
    std::stable_sort(raters.begin(), raters.end(), [&](std::size_t a, std::size_t b) {
      return d.stakeholders[a].ratings[i] < d.stakeholders[b].ratings[i];
    });
    for (std::size_t k : raters) text += (text.empty() ? "" : ", ") + rating(k);
    text = "median of " + text;
    break;
  }
  return text + " = " + display_number(score);
}

void score_stakeholder(const Scenario& s, ScoreTable& t) {
  const StakeholderData& d = stakeholders_of(s);
  AggregatedRatings a = aggregate_ratings(d, s.size());
  t.term_names.clear();
  t.terms.clear();
  for (std::size_t k = 0; k < d.stakeholders.size(); ++k) {
    const Stakeholder& st = d.stakeholders[k];
    if (st.rated == 0) continue; // weights only: not part of this model
    t.term_names.push_back(st.id);
    std::vector<double> contribution(s.size(), 0.0);
    for (std::size_t i = 0; i < s.size(); ++i)
      if (a.share[k][i] > 0) contribution[i] = a.share[k][i] * st.ratings[i];
    t.terms.push_back(std::move(contribution));
  }
  t.part_names = t.term_names;
  t.parts = t.terms;
  t.score = std::move(a.score);
  t.value = t.score;
}

Json explain_stakeholder(const Scenario& s, const ScoreTable& t, std::size_t i) {
  const StakeholderData& d = stakeholders_of(s);
  const AggregatedRatings a = aggregate_ratings(d, s.size());
  Json terms = Json::array();
  for (std::size_t k = 0; k < d.stakeholders.size(); ++k) {
    const Stakeholder& st = d.stakeholders[k];
    if (st.rated == 0) continue; // weights only: not part of this model
    Json row = {{"term", st.id}, {"name", st.name}};
    if (!st.role.empty()) row["role"] = st.role;
    row["influence"] = st.influence;
    const bool rated = !is_missing(st.ratings[i]);
    row["rated"] = rated;
    if (rated) row["rating"] = st.ratings[i];
    row["weight"] = a.share[k][i];
    row["contribution"] = rated ? a.share[k][i] * st.ratings[i] : 0.0;
    terms.push_back(std::move(row));
  }
  return Json{{"terms", terms},
              {"aggregation", aggregation_name(d.aggregation)},
              {"raters", a.raters[i]},
              {"computation", a.raters[i] ? computation(d, i, t.score[i]) : "no ratings = 0"},
              {"reading", "weight = each stakeholder's share in this item's score; contribution = weight × rating"}};
}

/// Stakeholders with ratings must exist and every item needs at least one rating (from a
/// stakeholder with influence above 0 when influence-weighted); warns about unrated items.
void validate_stakeholder(const Scenario& s, Diagnostics& diag) {
  const StakeholderData& d = stakeholders_of(s);
  std::size_t with_ratings = 0;
  for (const auto& st : d.stakeholders) with_ratings += st.rated > 0;
  if (with_ratings == 0) {
    diag.error("/stakeholders", code::missing_input, std::string(d.stakeholders.empty() ? "missing" : "no stakeholder rates any item") +
                                    ": model stakeholder combines the stakeholders' ratings "
                                    "[{\"id\", \"ratings\": {item id: number}}]");
    return;
  }
  const bool influence = d.aggregation == Aggregation::influence_weighted;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool rated = false, weighted = false;
    for (const auto& st : d.stakeholders) {
      if (is_missing(st.ratings[i])) continue;
      rated = true;
      weighted = weighted || st.influence > 0;
    }
    if (!rated)
      diag.error(pointer("/items", i), code::missing_input, "no stakeholder rated " + describe(Json(s.items[i].id)) +
                                           ": model stakeholder needs at least one rating of every item");
    else if (influence && !weighted)
      diag.error(pointer("/items", i), code::missing_input, "only stakeholders with influence 0 rated " + describe(Json(s.items[i].id)) +
                                           ": the influence-weighted aggregation has nothing to weigh");
  }
  for (std::size_t k = 0; k < d.stakeholders.size(); ++k) {
    const Stakeholder& st = d.stakeholders[k];
    const std::string path = pointer(pointer("/stakeholders", k), "ratings");
    if (st.rated == 0)
      diag.warning(pointer("/stakeholders", k), code::incomplete, st.id + " rates no item, so it does not count in model stakeholder");
    else if (st.rated < s.size())
      diag.warning(path, code::incomplete, st.id + " did not rate " + unrated_items_text(st, s) +
                             ": their scores combine the other stakeholders' ratings only");
  }
}

} // namespace

const ModelInfo& stakeholder_model() {
  static const ModelInfo m = [] {
    ModelInfo m;
    m.id = "stakeholder";
    m.label = "Stakeholder ratings";
    m.variant = "Stakeholder ratings, aggregated (mean, median or influence-weighted)";
    m.formula = "aggregate of the stakeholders' ratings of the item (document's stakeholder_aggregation: mean by default)";
    m.source = "ratings per stakeholder (docs/models.md, \"Stakeholders\"); influence-weighted = weighted arithmetic mean";
    m.additive = true;
    m.other_inputs = "its stakeholders' ratings";
    m.score = score_stakeholder;
    m.explain = explain_stakeholder;
    m.validate = validate_stakeholder;
    return m;
  }();
  return m;
}

} // namespace gapscore
