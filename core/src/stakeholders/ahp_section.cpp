// The document's "ahp" section: reading and checking the pairwise comparisons, building the
// reciprocal matrix, and naming the judgements to revisit when they contradict each other.
#include "stakeholders/ahp_section.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "document/limits.hpp"
#include "document/section_reader.hpp"

namespace gapscore {
namespace {

// Saaty's scale runs from 1/9 to 9. Reciprocals written as decimals are rounded (0.11 for
// 1/9, 0.33 for 1/3), so the lower bound allows 1 %.
constexpr double kMaxRatio = 9.0;
constexpr double kMinRatio = 1.0 / 9.0 * 0.99;

/// "3/7" -> 3/7: positive whole numbers on both sides; nullopt for any other text.
std::optional<double> fraction(const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 >= text.size()) return std::nullopt;
  double parts[2] = {0, 0};
  const std::string sides[2] = {text.substr(0, slash), text.substr(slash + 1)};
  for (int k = 0; k < 2; ++k) {
    if (sides[k].size() > 6) return std::nullopt;
    for (char c : sides[k]) {
      if (c < '0' || c > '9') return std::nullopt;
      parts[k] = parts[k] * 10 + (c - '0');
    }
    if (parts[k] == 0) return std::nullopt;
  }
  return parts[0] / parts[1];
}

/// A ratio for messages: "1/4" for reciprocals of whole numbers, else three significant digits.
std::string ratio_text(double r) {
  char buf[32];
  if (r < 1) {
    const double inv = 1 / r;
    const double whole = std::floor(inv + 0.5); // entries go down to 1e-150: no cast to an integer
    if (whole >= 2 && (inv - whole) * (inv - whole) < 1e-6) {
      std::snprintf(buf, sizeof buf, "1/%.0f", whole);
      return buf;
    }
  }
  std::snprintf(buf, sizeof buf, "%.3g", r);
  return buf;
}

const std::string* id_at(const Json& list, std::size_t k, const std::string& path, Diagnostics& d) {
  const Json& v = list[k];
  if (!v.is_string()) {
    d.error(pointer(path, k), code::wrong_type, "must be a criterion id (text) (got " + describe(v) + ")");
    return nullptr;
  }
  return &v.get_ref<const std::string&>();
}

class AhpReader {
public:
  AhpReader(const Scenario& s, Diagnostics& d) : s_(s), d_(d) {}

  std::optional<AhpSection> read(const Json& ahp) {
    if (!detail::expect_object(ahp, "/ahp", "{\"criteria\": [ids], \"comparisons\": [[a, b, r], ...]}", d_))
      return std::nullopt;
    detail::warn_unknown(ahp, "/ahp", {"criteria", "comparisons", "description", "notes"}, d_);
    const std::size_t before = d_.errors().size();
    AhpSection out;
    read_criteria(ahp, out);
    const bool criteria_ok = d_.errors().size() == before;
    if (criteria_ok) read_comparisons(ahp, out);
    if (d_.errors().size() != before) return std::nullopt;
    return out;
  }

private:
  const Scenario& s_;
  Diagnostics& d_;

  void read_criteria(const Json& ahp, AhpSection& out) {
    const Json* list = detail::list_at(ahp, "criteria", "/ahp/criteria", d_, true,
                                       "the ids of the criteria compared, e.g. [\"value\", \"risk\", \"cost\"]");
    if (!list) return;
    if (list->size() < 2) {
      d_.error("/ahp/criteria", code::out_of_range, "must list at least two criteria to compare (got " + std::to_string(list->size()) + ")");
      return;
    }
    if (list->size() > limits::criteria) {
      d_.error("/ahp/criteria", code::too_large, "has " + std::to_string(list->size()) + " criteria; the limit is " +
                                    std::to_string(limits::criteria));
      return;
    }
    std::map<std::string, std::size_t> seen;
    for (std::size_t k = 0; k < list->size(); ++k) {
      const std::string path = pointer("/ahp/criteria", k);
      const std::string* id = id_at(*list, k, "/ahp/criteria", d_);
      if (!id) continue;
      const std::size_t c = s_.criterion_index(*id);
      if (c == Scenario::npos) {
        d_.error(path, code::unknown_reference, "no criterion with id " + describe((*list)[k]) + " in /criteria" +
                           (s_.criteria.empty() ? " (the document has no criteria)" : ""));
        continue;
      }
      if (auto [it, fresh] = seen.emplace(*id, k); !fresh) {
        d_.error(path, code::duplicate, "duplicate of " + pointer("/ahp/criteria", it->second) + " " + describe((*list)[k]));
        continue;
      }
      out.criteria.push_back(*id);
      out.criterion.push_back(c);
    }
  }

  std::optional<std::size_t> position(const AhpSection& out, const Json& entry, std::size_t k,
                                      const std::string& path) {
    const std::string* id = id_at(entry, k, path, d_);
    if (!id) return std::nullopt;
    for (std::size_t p = 0; p < out.criteria.size(); ++p)
      if (out.criteria[p] == *id) return p;
    d_.error(pointer(path, k), code::unknown_reference, "no criterion " + describe(entry[k]) + " in /ahp/criteria");
    return std::nullopt;
  }

  std::optional<double> ratio(const Json& v, const std::string& path) {
    double r = 0;
    if (v.is_number()) {
      r = v.get<double>();
    } else if (v.is_string()) {
      auto f = fraction(v.get_ref<const std::string&>());
      if (!f) {
        d_.error(path, code::invalid_value, "must be a number or a fraction like \"1/3\" (got " + describe(v) + ")");
        return std::nullopt;
      }
      r = *f;
    } else {
      d_.error(path, code::wrong_type, "must be a number on Saaty's scale 1/9..9 (got " + describe(v) + ")");
      return std::nullopt;
    }
    if (!(r >= kMinRatio && r <= kMaxRatio)) {
      d_.error(path, code::out_of_range, "must be between 1/9 and 9 on Saaty's scale (got " + describe(v) +
                         "): 1 = equally important, 9 = extremely more important, 1/9 = extremely less");
      return std::nullopt;
    }
    return r;
  }

  void read_comparisons(const Json& ahp, AhpSection& out) {
    const std::size_t n = out.criteria.size();
    const Json* list = detail::list_at(ahp, "comparisons", "/ahp/comparisons", d_, true,
                                       "the pairwise comparisons [a, b, r]: a is r times as important as b");
    if (!list) return;
    if (list->size() > n * (n - 1) / 2 + limits::list_entries) {
      d_.error("/ahp/comparisons", code::too_large, "has " + std::to_string(list->size()) + " comparisons; " +
                                       std::to_string(n) + " criteria need " + std::to_string(n * (n - 1) / 2));
      return;
    }
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> seen; // (low, high) -> index
    const std::size_t errors_before = d_.errors().size();
    for (std::size_t k = 0; k < list->size(); ++k) {
      const std::string path = pointer("/ahp/comparisons", k);
      const Json& e = (*list)[k];
      if (!e.is_array() || e.size() != 3) {
        d_.error(path, code::wrong_type, "must be [a, b, r]: criterion a is r times as important as b (got " + describe(e) + ")");
        continue;
      }
      const auto a = position(out, e, 0, path);
      const auto b = position(out, e, 1, path);
      const auto r = ratio(e[2], pointer(path, 2));
      if (!a || !b || !r) continue;
      if (*a == *b) {
        d_.error(path, code::invalid_value, "compares " + describe(e[0]) + " with itself; compare each criterion with the others");
        continue;
      }
      const auto key = std::minmax(*a, *b);
      if (auto [it, fresh] = seen.emplace(key, k); !fresh) {
        d_.error(path, code::duplicate, "compares " + describe(e[0]) + " and " + describe(e[1]) + " again (already at " +
                           pointer("/ahp/comparisons", it->second) + "); give each pair once");
        continue;
      }
      out.comparisons.push_back({*a, *b, *r, path});
    }
    if (d_.errors().size() != errors_before) return; // a bad entry may be the "missing" pair
    std::string missing;
    std::size_t count = 0;
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b)
        if (!seen.count({a, b}) && ++count <= 5)
          missing += (missing.empty() ? "" : ", ") + out.criteria[a] + " vs " + out.criteria[b];
    if (count > 5) missing += " and " + std::to_string(count - 5) + " more";
    if (count)
      d_.error("/ahp/comparisons", code::missing, "missing " + std::to_string(count) + " comparison" + (count > 1 ? "s" : "") +
                                       ": " + missing + " (each pair of the " + std::to_string(n) +
                                       " criteria is compared once: " + std::to_string(n * (n - 1) / 2) + " comparisons)");
  }
};

} // namespace

std::optional<AhpSection> read_ahp_section(const Json& document, const Scenario& s, Diagnostics& diag) {
  if (!document.is_object() || !document.contains("ahp")) return std::nullopt;
  return AhpReader(s, diag).read(document["ahp"]);
}

std::vector<std::vector<double>> ahp_matrix(const AhpSection& a) {
  const std::size_t n = a.criteria.size();
  std::vector<std::vector<double>> m(n, std::vector<double>(n, 1.0));
  for (const AhpComparison& c : a.comparisons) {
    m[c.a][c.b] = c.ratio;
    m[c.b][c.a] = 1.0 / c.ratio;
  }
  return m;
}

std::vector<AhpJudgementView> ahp_judgements(const AhpSection& a, const AhpResult& r) {
  std::map<std::pair<std::size_t, std::size_t>, const AhpComparison*> by_pair;
  for (const AhpComparison& c : a.comparisons) by_pair[std::minmax(c.a, c.b)] = &c;
  std::vector<AhpJudgementView> out;
  for (const AhpJudgement& j : r.judgements) {
    auto it = by_pair.find({j.a, j.b});
    if (it == by_pair.end()) continue; // cannot happen for a section read_ahp_section accepted
    AhpJudgementView v;
    v.comparison = it->second;
    const bool as_written = v.comparison->a == j.a;
    v.given = v.comparison->ratio;
    v.implied = as_written ? j.implied : 1.0 / j.implied;
    v.inconsistency = j.inconsistency;
    out.push_back(v);
  }
  return out;
}

std::string ahp_inconsistency_warning(const AhpSection& a, const AhpResult& r, std::size_t shown) {
  if (r.consistent || r.weights.empty()) return "";
  char cr[32];
  std::snprintf(cr, sizeof cr, "%.3g", r.cr);
  std::string text = "the comparisons contradict each other (consistency ratio CR = " + std::string(cr) +
                     ", above Saaty's 0.1), so the weights are not reliable; revisit first: ";
  const auto views = ahp_judgements(a, r);
  for (std::size_t k = 0; k < views.size() && k < shown; ++k) {
    const AhpJudgementView& v = views[k];
    text += (k ? "; " : "") + a.criteria[v.comparison->a] + " vs " + a.criteria[v.comparison->b] + " judged " +
            ratio_text(v.given) + " where the derived weights imply " + ratio_text(v.implied) + " (" +
            v.comparison->path + ")";
  }
  return text;
}

} // namespace gapscore
