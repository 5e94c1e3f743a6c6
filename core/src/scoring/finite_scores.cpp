// Non-finite scores become input errors (finite_scores.hpp says why). One shared check:
// check_model_inputs runs it for every command, the Engine after each re-rank, and
// run_command scans the finished result as a last line of defence.
#include "scoring/finite_scores.hpp"

#include <cmath>

namespace gapscore {
namespace {

constexpr std::size_t kNamedItems = 10;   // a hostile file must not produce a huge error list
constexpr std::size_t kListedInputs = 8;  // criteria listed per item

bool item_finite(const ScoreTable& t, std::size_t i) {
  if (!std::isfinite(t.score[i])) return false;
  if (i < t.value.size() && !std::isfinite(t.value[i])) return false;
  for (const auto& col : t.terms)
    if (i < col.size() && !std::isfinite(col[i])) return false;
  for (const auto& col : t.parts)
    if (i < col.size() && !std::isfinite(col[i])) return false;
  return true;
}

/// "reach 1e+300, impact 3, ..." — the inputs the formula multiplies or adds for this item.
std::string inputs_text(const Scenario& s, const ModelInfo& m, std::size_t i) {
  std::string out;
  auto add = [&](const std::string& name, double x) {
    out += (out.empty() ? "" : ", ") + name + " " + number_text(x);
  };
  for (Field f : m.required_fields) add(std::string(field_name(f)), s.column(f)[i]);
  if (m.needs_criteria) {
    for (std::size_t c = 0; c < s.criteria.size() && c < kListedInputs; ++c)
      add("score " + s.criteria[c].id, s.criterion_values(c)[i]);
    if (s.criteria.size() > kListedInputs) out += ", ...";
  }
  if (!m.other_inputs.empty()) out += (out.empty() ? "" : ", and ") + std::string(m.other_inputs);
  return out;
}

} // namespace

std::size_t first_non_finite(const std::vector<double>& values) {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i])) return i;
  return values.size();
}

std::string non_finite_score_message(const Scenario& s, const ModelInfo& m, std::size_t i, double score) {
  const std::string what = std::isnan(score) ? "is not a number (infinity minus infinity)"
                           : std::isinf(score) ? "overflows to infinity"
                                               : "has a term that overflows to infinity";
  return "item " + describe(Json(s.items[i].id)) + ": the " + std::string(m.id) + " score (" +
         std::string(m.formula) + ") " + what + " with " + inputs_text(s, m, i) +
         "; numbers this large or this close to zero cannot be ranked (results must stay below "
         "about 1.8e308): check these inputs for a typo or a wrong unit";
}

bool check_finite_scores(const Scenario& s, const ModelInfo& m, const ScoreTable& t, Diagnostics& diag) {
  bool ok = true;
  if (m.needs_criteria) {
    double total = 0;
    for (const auto& c : s.criteria) total += c.weight;
    if (!std::isfinite(total)) {
      diag.error("/criteria", code::overflow, "the criteria weights add up to more than about 1.8e308, so their shares "
                              "cannot be computed: use smaller weights (only their ratios matter)");
      ok = false;
    }
  }
  std::size_t bad = 0;
  for (std::size_t i = 0; i < t.score.size() && i < s.size(); ++i) {
    if (item_finite(t, i)) continue;
    if (++bad <= kNamedItems)
      diag.error(pointer("/items", i), code::overflow, non_finite_score_message(s, m, i, t.score[i]));
  }
  if (bad > kNamedItems)
    diag.error("/items", code::overflow, std::to_string(bad - kNamedItems) + " more items have scores that are not finite numbers");
  return ok && bad == 0;
}

namespace {
/// True when a non-finite number is somewhere below `v`; `path` then holds its pointer
/// (built on the way back up, so a clean result costs no strings).
bool tidy(Json& v, std::string& path) {
  switch (v.type()) {
  case Json::value_t::number_float: {
    const double x = v.get<double>();
    if (!std::isfinite(x)) return true;
    if (x == 0 && std::signbit(x)) v = 0.0;
    return false;
  }
  case Json::value_t::array:
    for (std::size_t k = 0; k < v.size(); ++k)
      if (tidy(v[k], path)) {
        path = pointer("", k) + path;
        return true;
      }
    return false;
  case Json::value_t::object:
    for (auto& [key, value] : v.items())
      if (tidy(value, path)) {
        path = pointer("", key) + path;
        return true;
      }
    return false;
  default: return false;
  }
}
} // namespace

std::optional<std::string> tidy_result_numbers(Json& result) {
  std::string path;
  if (tidy(result, path)) return path;
  return std::nullopt;
}

} // namespace gapscore
