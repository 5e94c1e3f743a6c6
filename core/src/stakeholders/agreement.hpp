#pragma once
/// Stakeholder agreement and alignment (docs/models.md, "Stakeholders"). Agreement is not
/// alignment: agreement says how much the stakeholders' rankings agree with each other
/// (Kendall's W); alignment says how much each one agrees with a reference ranking, by default
/// the customers' outcomes (Kendall's tau-b against the gap model).
#include <cstddef>
#include <string_view>
#include <vector>

#include "stakeholders/concordance.hpp"
#include "stakeholders/stakeholders.hpp"

namespace gapscore {

/// Kendall's W over the stakeholders who rated anything ("raters") and the items all of them
/// rated. W needs every rater to rank every item (Kendall & Babington Smith 1939; Siegel &
/// Castellan 1988, section 9.4), so items some rater left unrated are excluded rather than
/// given an invented rank, and listed.
struct StakeholderAgreement {
  std::vector<std::size_t> raters;         ///< stakeholder indices with at least one rating
  std::vector<std::size_t> items;          ///< item indices every rater rated: W's columns
  std::vector<std::size_t> excluded_items; ///< rated by some raters but not all
  std::vector<std::size_t> unrated_items;  ///< rated by nobody
  ConcordanceResult concordance;           ///< raters x items; per-item vectors follow `items`
  /// [rater][position in items]: average ranks, 1 = that rater's most important item.
  std::vector<std::vector<double>> ranks;
  /// Positions in `items`, the largest rank dispersion (disagreement) first; equal dispersions
  /// by mean rank (most important first), then document order.
  std::vector<std::size_t> disputed;
};
StakeholderAgreement stakeholder_agreement(const StakeholderData& d, std::size_t items);

/// One stakeholder's Kendall tau-b against a reference, over the items the stakeholder rated.
struct Alignment {
  std::size_t stakeholder = 0;
  double tau_b = 0;
  std::size_t items = 0; ///< items compared
  bool defined = false;  ///< at least 2 items and neither side ties them all (else tau_b = 0)
};

/// Every stakeholder with ratings against `reference` (one score per item, higher = better;
/// pass score_key()ed scores so floating-point noise does not order equal scores), most
/// aligned first; equal tau by document order.
std::vector<Alignment> stakeholder_alignment(const StakeholderData& d, const std::vector<double>& reference);

/// tau-b between every two of `who` (stakeholder indices), over the items both rated.
struct PairwiseAgreement {
  std::vector<std::vector<double>> tau_b;       ///< symmetric, 1 on the diagonal
  std::vector<std::vector<std::size_t>> items;  ///< items both rated
};
PairwiseAgreement pairwise_agreement(const StakeholderData& d, const std::vector<std::size_t>& who);

/// The nearest of Schmidt's benchmarks for W ("Managing Delphi surveys using nonparametric
/// statistical techniques", Decision Sciences 28(3), 1997): 0.1 very weak, 0.3 weak,
/// 0.5 moderate, 0.7 strong, 0.9 unusually strong agreement.
std::string_view agreement_strength(double w);

} // namespace gapscore
