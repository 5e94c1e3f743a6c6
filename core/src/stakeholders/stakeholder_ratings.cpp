// Combining the stakeholders' ratings of each item (mean, median, influence-weighted), and
// applying one stakeholder's criterion weights as a named weight set.
#include <algorithm>
#include <cmath>

#include "stakeholders/stakeholders.hpp"

namespace gapscore {
namespace {

/// Σ share × rating: the same score without the intermediate sum, for ratings so large that
/// the sum overflows while the combined score is still a finite number.
template <class Rating>
double scaled_sum(const std::vector<std::size_t>& raters, const std::vector<std::vector<double>>& share,
                  std::size_t item, const Rating& rating) {
  double score = 0;
  for (std::size_t k : raters) score += share[k][item] * rating(k);
  return score;
}

} // namespace

AggregatedRatings aggregate_ratings(const StakeholderData& d, std::size_t items) {
  const std::size_t m = d.stakeholders.size();
  AggregatedRatings out;
  out.score.assign(items, 0.0);
  out.share.assign(m, std::vector<double>(items, 0.0));
  out.raters.assign(items, 0);
  std::vector<std::size_t> raters;
  raters.reserve(m);
  for (std::size_t i = 0; i < items; ++i) {
    raters.clear();
    for (std::size_t k = 0; k < m; ++k)
      if (!is_missing(d.stakeholders[k].ratings[i])) raters.push_back(k);
    out.raters[i] = raters.size();
    if (raters.empty()) continue;
    const auto rating = [&](std::size_t k) { return d.stakeholders[k].ratings[i]; };
    const double count = static_cast<double>(raters.size());
    switch (d.aggregation) {
    case Aggregation::mean: {
      // Σ r / k, summed in stakeholder order: the computation the explanation writes out.
      double sum = 0;
      for (std::size_t k : raters) {
        sum += rating(k);
        out.share[k][i] = 1.0 / count;
      }
      out.score[i] = sum / count;
      // Ratings near the largest double: the sum overflows though the mean fits.
      if (!std::isfinite(out.score[i])) out.score[i] = scaled_sum(raters, out.share, i, rating);
      break;
    }
    case Aggregation::influence_weighted: {
      double weighted = 0, total = 0;
      for (std::size_t k : raters) {
        weighted += d.stakeholders[k].influence * rating(k);
        total += d.stakeholders[k].influence;
      }
      if (total <= 0) break; // only zero-influence raters: the model's validation reports it
      if (std::isfinite(total)) {
        for (std::size_t k : raters) out.share[k][i] = d.stakeholders[k].influence / total;
        out.score[i] = weighted / total;
      } else {
        // Influences near the largest double: their sum overflows (every share read as 0 and
        // the score as 0), their ratios do not. The shares from influences scaled by the largest.
        double largest = 0, scaled_total = 0;
        for (std::size_t k : raters) largest = std::max(largest, d.stakeholders[k].influence);
        for (std::size_t k : raters) scaled_total += d.stakeholders[k].influence / largest;
        for (std::size_t k : raters) out.share[k][i] = d.stakeholders[k].influence / largest / scaled_total;
      }
      if (!std::isfinite(total) || !std::isfinite(out.score[i])) out.score[i] = scaled_sum(raters, out.share, i, rating);
      break;
    }
    case Aggregation::median: {
      // Equal ratings keep stakeholder order, so which rater "is" the median is deterministic.
      std::stable_sort(raters.begin(), raters.end(),
                       [&](std::size_t a, std::size_t b) { return rating(a) < rating(b); });
      const std::size_t mid = raters.size() / 2;
      if (raters.size() % 2) {
        out.share[raters[mid]][i] = 1.0;
        out.score[i] = rating(raters[mid]);
      } else {
        out.share[raters[mid - 1]][i] = 0.5;
        out.share[raters[mid]][i] = 0.5;
        const double a = rating(raters[mid - 1]), b = rating(raters[mid]);
        out.score[i] = std::isfinite(a + b) ? (a + b) / 2 : a / 2 + b / 2;
      }
      break;
    }
    }
  }
  return out;
}

void apply_weight_set(const Stakeholder& st, Scenario& s, Diagnostics& diag, const std::string& where) {
  std::string kept;
  for (std::size_t c = 0; c < s.criteria.size() && c < st.weights.size(); ++c) {
    if (is_missing(st.weights[c])) {
      kept += (kept.empty() ? "" : ", ") + s.criteria[c].id;
      continue;
    }
    s.criteria[c].weight = st.weights[c];
    // A weight range in the document no longer applies: the stakeholder gave one number.
    s.uncertain.erase(std::remove_if(s.uncertain.begin(), s.uncertain.end(),
                                     [c](const UncertainInput& u) {
                                       return u.target == UncertainInput::Target::weight && u.column == c;
                                     }),
                      s.uncertain.end());
  }
  if (!kept.empty())
    diag.warning(where, code::incomplete, st.id + " gives no weight for " + kept + ": the document's weight" +
                            (kept.find(',') == std::string::npos ? " is" : "s are") + " kept there");
}

} // namespace gapscore
