#include "scoring/explain.hpp"

#include <algorithm>
#include <limits>
#include <map>

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
  double leader = 0, other = 0; ///< the values shown, of the kind Leads::measure names
};

/// What the compared numbers are, named as the key of the model's own explanation that
/// holds them ("terms"[k][measure]), so a label never calls a share of the score the input:
/// a sum's parts are contributions, TOPSIS compares weighted normalized values, a product
/// its factors' values.
struct Leads {
  std::vector<Lead> terms;
  const char* measure = "value";
};

/// The words the sentence puts before the two numbers: the same measure as Leads::measure.
const char* measure_words(const char* measure) {
  const std::string m = measure;
  return m == "contribution" ? "contributing " : m == "weighted" ? "weighted and normalized " : "";
}

/// The names the model's own explanation gives its terms ({"term", "name"} entries: a
/// stakeholder's name for the stakeholder model), so the sentence says what the table says.
using TermNames = std::map<std::string, std::string, std::less<>>;
TermNames term_names(const Json& detail) {
  TermNames out;
  if (auto t = detail.find("terms"); t != detail.end() && t->is_array())
    for (const Json& term : *t)
      if (term.is_object() && term.contains("term") && term["term"].is_string() && term.contains("name") && term["name"].is_string())
        out.emplace(term["term"].get<std::string>(), term["name"].get<std::string>());
  return out;
}

/// A term's name for people: a criterion's name (for models that read criteria), the name
/// the model's explanation gives it, a field's label ("ICE impact", as describe names it),
/// else the term with spaces ("gap value").
std::string term_label(const Scenario& s, const ModelInfo& m, const TermNames& named, const std::string& term) {
  const std::size_t c = m.needs_criteria ? s.criterion_index(term) : Scenario::npos;
  if (c != Scenario::npos) return s.criteria[c].name;
  if (auto n = named.find(term); n != named.end()) return n->second;
  if (auto f = field_from_name(term)) return std::string(field_label(*f));
  std::string out = term;
  for (char& ch : out)
    if (ch == '_') ch = ' ';
  return out;
}

/// The terms on which item `a` leads item `b`, strongest first (at most two), with the names
/// and values to show. By the model's shape: parts of a sum compare by difference; factors of
/// a product by ratio (a divisor leads when smaller); TOPSIS terms by weighted difference
/// with cost criteria reversed. No logarithms: the same comparisons natively and in wasm.
Leads leads(const Scenario& s, const ModelInfo& m, const ScoreTable& t, std::size_t a, std::size_t b,
            std::vector<std::string>& names) {
  Leads result;
  std::vector<Lead>& out = result.terms;
  const bool sum = m.shape == ScoreShape::sum && !t.parts.empty();
  if (sum) {
    result.measure = "contribution";
    names = t.part_names;
    for (std::size_t k = 0; k < t.parts.size(); ++k)
      if (t.parts[k][a] > t.parts[k][b]) out.push_back({k, t.parts[k][a] - t.parts[k][b], t.parts[k][a], t.parts[k][b]});
  } else if (m.shape == ScoreShape::sum_over_divisor) {
    // value / divisor (WSJF: cost of delay / job size): the two compared by ratio, as a
    // product's factors are, so a smaller job size is named when it decides. The
    // contributions (each term ÷ divisor) would credit a term the other item has more of:
    // (5 + 5 + 5) / 1 leads (8 + 8 + 8) / 3 on business value contributing 5 vs 2.67. The
    // value is named by its term that leads most, with the terms' own numbers.
    names = t.term_names;
    const std::size_t d = t.terms.size() - 1;
    const double da = t.terms[d][a], db = t.terms[d][b];
    const double inf = std::numeric_limits<double>::infinity();
    if (db > da) out.push_back({d, da > 0 ? db / da : inf, da, db});
    if (t.value[a] > t.value[b]) {
      std::size_t best = d;
      for (std::size_t k = 0; k < d; ++k)
        if (t.terms[k][a] > t.terms[k][b] &&
            (best == d || t.terms[k][a] - t.terms[k][b] > t.terms[best][a] - t.terms[best][b]))
          best = k;
      if (best != d)
        out.push_back({best, t.value[b] > 0 ? t.value[a] / t.value[b] : inf, t.terms[best][a], t.terms[best][b]});
    }
  } else if (m.shape == ScoreShape::weighted_terms) {
    result.measure = "weighted";
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
  return result;
}

Json leads_json(const Scenario& s, const ModelInfo& m, const TermNames& named, const Leads& ls, const std::vector<std::string>& names, bool leader_is_this) {
  Json out = Json::array();
  for (const Lead& l : ls.terms)
    out.push_back({{"term", names[l.term]},
                   {"name", term_label(s, m, named, names[l.term])},
                   {"measure", ls.measure},
                   {"this", leader_is_this ? l.leader : l.other},
                   {"other", leader_is_this ? l.other : l.leader}});
  return out;
}

std::string leads_text(const Scenario& s, const ModelInfo& m, const TermNames& named, const Leads& ls, const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t k = 0; k < ls.terms.size(); ++k) {
    const Lead& l = ls.terms[k];
    out += std::string(k ? " and " : "") + term_label(s, m, named, names[l.term]) + " (" + measure_words(ls.measure) +
           display_number(l.leader, 3) + " vs " + display_number(l.other, 3) + ")";
  }
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
  const TermNames named = term_names(detail);
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
    below = {{"id", s.items[b].id}, {"score", t.score[b]}, {"behind_on", leads_json(s, m, named, ls, names, true)}};
    why += " Above " + s.items[b].title + " (" + ordinal(r.rank[b]) + ")";
    // Tied as the ranking ties (its tolerance, not ==), so the sentence agrees with tied_with.
    why += r.tie_start[b] == r.tie_start[i] || ls.terms.empty() ? ": tied, and ahead by the tie-break (MoSCoW, then id)."
                                                  : " mainly on " + leads_text(s, m, named, ls, names) + ".";
  }
  if (pos > 0) {
    const std::size_t a = r.order[pos - 1];
    const auto ls = leads(s, m, t, a, i, names);
    above = {{"id", s.items[a].id}, {"score", t.score[a]}, {"ahead_on", leads_json(s, m, named, ls, names, false)}};
    why += " Below " + s.items[a].title + " (" + ordinal(r.rank[a]) + ")";
    why += r.tie_start[a] == r.tie_start[i] || ls.terms.empty() ? ": tied, and behind by the tie-break (MoSCoW, then id)."
                                                  : ", which leads on " + leads_text(s, m, named, ls, names) + ".";
  }
  if (!above.is_null()) out["above"] = std::move(above);
  if (!below.is_null()) out["below"] = std::move(below);
  out["why"] = why;
  return out;
}

} // namespace gapscore
