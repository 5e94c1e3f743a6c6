#include "scoring/explain.hpp"

#include <algorithm>
#include <limits>

namespace gapscore {

std::vector<std::string> tied_with(const Scenario& s, const Ranking& r, std::size_t item,
                                   std::size_t most) {
  std::vector<std::string> out;
  // Tied items are adjacent in the order, from tie_start for tie_size positions.
  const std::size_t start = r.tie_start[item], end = start + r.tie_size[item];
  for (std::size_t k = start; k < end && out.size() < most; ++k)
    if (r.order[k] != item) out.push_back(s.items[r.order[k]].id);
  return out;
}

namespace {

/// One term compared between the explained item and a neighbour.
struct Lead {
  std::size_t term = 0;
  double strength = 0; ///< how much the term favours the leader (a difference, or a ratio)
  double leader = 0, other = 0; ///< the values shown
};

/// A term's name for people: a criterion's name (for models that read criteria), else the
/// term with spaces ("time criticality").
std::string term_label(const Scenario& s, const ModelInfo& m, const std::string& term) {
  const std::size_t c = m.needs_criteria ? s.criterion_index(term) : Scenario::npos;
  if (c != Scenario::npos) return s.criteria[c].name;
  std::string out = term;
  for (char& ch : out)
    if (ch == '_') ch = ' ';
  return out;
}

/// The terms on which item `a` leads item `b`, strongest first (at most two), with the names
/// and values to show. By the model's shape: parts of a sum compare by difference; factors of
/// a product by ratio (a divisor leads when smaller); TOPSIS terms by weighted difference
/// with cost criteria reversed. No logarithms: the same comparisons natively and in wasm.
std::vector<Lead> leads(const Scenario& s, const ModelInfo& m, const ScoreTable& t, std::size_t a, std::size_t b,
                        std::vector<std::string>& names) {
  std::vector<Lead> out;
  const bool sum = m.shape == ScoreShape::sum && !t.parts.empty();
  if (sum) {
    names = t.part_names;
    for (std::size_t k = 0; k < t.parts.size(); ++k)
      if (t.parts[k][a] > t.parts[k][b]) out.push_back({k, t.parts[k][a] - t.parts[k][b], t.parts[k][a], t.parts[k][b]});
  } else if (m.shape == ScoreShape::weighted_terms) {
    names = t.term_names;
    for (std::size_t k = 0; k < t.terms.size(); ++k) {
      const double w = k < t.term_weights.size() ? t.term_weights[k] : 1;
      const bool cost = k < s.criteria.size() && s.criteria[k].direction == Direction::cost;
      const double x = w * t.terms[k][a], y = w * t.terms[k][b];
      const double d = cost ? y - x : x - y;
      if (d > 0) out.push_back({k, d, x, y});
    }
  } else { // a product (also a sum whose parts were left out)
    names = t.term_names;
    const std::size_t n = t.terms.size(), divisors = std::min(m.divisors, n);
    for (std::size_t k = 0; k < n; ++k) {
      const double x = t.terms[k][a], y = t.terms[k][b];
      const bool divisor = k >= n - divisors;
      const double hi = divisor ? y : x, lo = divisor ? x : y; // the leader's side is hi
      if (!(hi > lo)) continue;
      const double ratio = lo > 0 ? hi / lo : std::numeric_limits<double>::infinity();
      out.push_back({k, ratio, x, y});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Lead& x, const Lead& y) { return x.strength > y.strength; });
  if (out.size() > 2) out.resize(2);
  return out;
}

Json leads_json(const Scenario& s, const ModelInfo& m, const std::vector<Lead>& ls, const std::vector<std::string>& names, bool leader_is_this) {
  Json out = Json::array();
  for (const Lead& l : ls)
    out.push_back({{"term", names[l.term]},
                   {"name", term_label(s, m, names[l.term])},
                   {"this", leader_is_this ? l.leader : l.other},
                   {"other", leader_is_this ? l.other : l.leader}});
  return out;
}

std::string leads_text(const Scenario& s, const ModelInfo& m, const std::vector<Lead>& ls, const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t k = 0; k < ls.size(); ++k)
    out += std::string(k ? " and " : "") + term_label(s, m, names[ls[k].term]) + " (" + display_number(ls[k].leader, 3) +
           " vs " + display_number(ls[k].other, 3) + ")";
  return out;
}

std::string ordinal(std::uint32_t n) {
  const std::uint32_t last2 = n % 100, last = n % 10;
  const char* suffix = (last2 >= 11 && last2 <= 13) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
  return std::to_string(n) + suffix;
}

} // namespace

Json explain_item(const Scenario& s, const ModelInfo& m, const ScoreTable& t, const Ranking& r,
                  std::size_t i) {
  const ItemInfo& item = s.items[i];
  Json out = {{"id", item.id}, {"rank", r.rank[i]}, {"score", t.score[i]}, {"title", item.title}};
  if (item.moscow != Moscow::none) out["moscow"] = moscow_name(item.moscow);
  out["model"] = m.id;
  out["variant"] = model_variant(m, s);
  out["formula"] = m.formula;
  out["of"] = s.size();
  const Json detail = m.explain(s, t, i);
  for (const auto& [key, value] : detail.items()) out[key] = value;
  const auto ties = tied_with(s, r, i, kMostTiesListed);
  if (!ties.empty()) {
    out["tied_with"] = ties;
    out["tie_count"] = r.tie_size[i] - 1;
    out["tie_break"] = "equal scores are ordered by MoSCoW (must first), then by id";
  }
  // The neighbours above and below say why the item sits where it does: the terms on which
  // it leads the item below, and those on which the item above leads it.
  const std::size_t pos = r.rank[i] - 1;
  std::string why = ordinal(r.rank[i]) + " of " + std::to_string(s.size()) + " by " + std::string(m.label) + ".";
  std::vector<std::string> names;
  Json above, below;
  if (pos + 1 < s.size()) {
    const std::size_t b = r.order[pos + 1];
    const auto ls = leads(s, m, t, i, b, names);
    below = {{"id", s.items[b].id}, {"score", t.score[b]}, {"behind_on", leads_json(s, m, ls, names, true)}};
    why += " Above " + s.items[b].title + " (" + ordinal(r.rank[b]) + ")";
    why += t.score[b] == t.score[i] || ls.empty() ? ": tied, and ahead by the tie-break (MoSCoW, then id)."
                                                  : " mainly on " + leads_text(s, m, ls, names) + ".";
  }
  if (pos > 0) {
    const std::size_t a = r.order[pos - 1];
    const auto ls = leads(s, m, t, a, i, names);
    above = {{"id", s.items[a].id}, {"score", t.score[a]}, {"ahead_on", leads_json(s, m, ls, names, false)}};
    why += " Below " + s.items[a].title + " (" + ordinal(r.rank[a]) + ")";
    why += t.score[a] == t.score[i] || ls.empty() ? ": tied, and behind by the tie-break (MoSCoW, then id)."
                                                  : ", which leads on " + leads_text(s, m, ls, names) + ".";
  }
  if (!above.is_null()) out["above"] = std::move(above);
  if (!below.is_null()) out["below"] = std::move(below);
  out["why"] = why;
  return out;
}

} // namespace gapscore
