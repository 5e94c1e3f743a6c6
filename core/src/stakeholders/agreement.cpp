// Kendall's W over the stakeholders' ratings, each stakeholder's tau-b against a reference
// ranking, and tau-b between every two stakeholders.
#include "stakeholders/agreement.hpp"

#include <algorithm>
#include <numeric>

#include "scoring/ranking.hpp"

namespace gapscore {
namespace {

/// The two stakeholders' (or a stakeholder's and the reference's) values on the items both have.
struct Paired {
  std::vector<double> x, y;
};

Paired paired(const std::vector<double>& a, const std::vector<double>& b) {
  Paired p;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    if (!is_missing(a[i]) && !is_missing(b[i])) {
      p.x.push_back(a[i]);
      p.y.push_back(b[i]);
    }
  return p;
}

bool varies(const std::vector<double>& v) {
  return !v.empty() && std::any_of(v.begin(), v.end(), [&](double x) { return x != v.front(); });
}

} // namespace

StakeholderAgreement stakeholder_agreement(const StakeholderData& d, std::size_t items) {
  StakeholderAgreement a;
  for (std::size_t k = 0; k < d.stakeholders.size(); ++k)
    if (d.stakeholders[k].rated > 0) a.raters.push_back(k);
  for (std::size_t i = 0; i < items; ++i) {
    std::size_t count = 0;
    for (std::size_t k : a.raters) count += !is_missing(d.stakeholders[k].ratings[i]);
    if (count == 0) a.unrated_items.push_back(i);
    else if (count < a.raters.size()) a.excluded_items.push_back(i);
    else a.items.push_back(i);
  }
  std::vector<std::vector<double>> matrix;
  for (std::size_t k : a.raters) {
    std::vector<double> row;
    row.reserve(a.items.size());
    for (std::size_t i : a.items) row.push_back(d.stakeholders[k].ratings[i]);
    a.ranks.push_back(average_ranks(row, true));
    matrix.push_back(std::move(row));
  }
  a.concordance = kendall_w(matrix);
  if (a.raters.empty()) {
    a.concordance.rank_sums.clear(); // no raters: no per-item statistics to show
    a.concordance.mean_rank.clear();
    a.concordance.rank_sd.clear();
    a.items.clear();
  }
  const ConcordanceResult& c = a.concordance;
  a.disputed.resize(c.rank_sd.size());
  std::iota(a.disputed.begin(), a.disputed.end(), std::size_t{0});
  std::stable_sort(a.disputed.begin(), a.disputed.end(), [&](std::size_t p, std::size_t q) {
    const double sp = score_key(c.rank_sd[p]), sq = score_key(c.rank_sd[q]);
    if (sp != sq) return sp > sq;
    return score_key(c.mean_rank[p]) < score_key(c.mean_rank[q]);
  });
  return a;
}

std::vector<Alignment> stakeholder_alignment(const StakeholderData& d, const std::vector<double>& reference) {
  std::vector<Alignment> out;
  for (std::size_t k = 0; k < d.stakeholders.size(); ++k) {
    const Stakeholder& st = d.stakeholders[k];
    if (st.rated == 0) continue;
    const Paired p = paired(st.ratings, reference);
    Alignment al;
    al.stakeholder = k;
    al.items = p.x.size();
    al.defined = p.x.size() >= 2 && varies(p.x) && varies(p.y);
    al.tau_b = al.defined ? kendall_tau_b(p.x, p.y) : 0.0;
    out.push_back(al);
  }
  // Most aligned first; an undefined tau-b (a stakeholder who rated everything alike) is not
  // "unrelated" (0) and goes last.
  std::stable_sort(out.begin(), out.end(), [](const Alignment& a, const Alignment& b) {
    if (a.defined != b.defined) return a.defined;
    return score_key(a.tau_b) > score_key(b.tau_b);
  });
  return out;
}

PairwiseAgreement pairwise_agreement(const StakeholderData& d, const std::vector<std::size_t>& who) {
  const std::size_t m = who.size();
  PairwiseAgreement out;
  out.tau_b.assign(m, std::vector<double>(m, 1.0));
  out.items.assign(m, std::vector<std::size_t>(m, 0));
  for (std::size_t a = 0; a < m; ++a) {
    out.items[a][a] = d.stakeholders[who[a]].rated;
    for (std::size_t b = a + 1; b < m; ++b) {
      const Paired p = paired(d.stakeholders[who[a]].ratings, d.stakeholders[who[b]].ratings);
      const double tau = kendall_tau_b(p.x, p.y); // 0 when undefined (too few items, all tied)
      out.tau_b[a][b] = out.tau_b[b][a] = tau;
      out.items[a][b] = out.items[b][a] = p.x.size();
    }
  }
  return out;
}

std::string_view agreement_strength(double w) {
  if (w < 0.2) return "very weak agreement";
  if (w < 0.4) return "weak agreement";
  if (w < 0.6) return "moderate agreement";
  if (w < 0.8) return "strong agreement";
  return "unusually strong agreement";
}

} // namespace gapscore
