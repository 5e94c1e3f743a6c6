// Kano analysis: the evaluation table, category counts, the most frequent category and the
// Better/Worse customer-satisfaction coefficients.
#include "gaps/kano.hpp"

#include "document/section_reader.hpp"

namespace gapscore {

KanoCategory kano_evaluate(KanoAnswer functional, KanoAnswer dysfunctional) {
  using C = KanoCategory;
  // Kano et al. (1984), as tabulated by Berger et al. (1993). Rows: functional answer;
  // columns: dysfunctional answer; both in the order like, expect, neutral, tolerate, dislike.
  static constexpr C kTable[5][5] = {
      {C::Q, C::A, C::A, C::A, C::O}, // like
      {C::R, C::I, C::I, C::I, C::M}, // expect ("must be")
      {C::R, C::I, C::I, C::I, C::M}, // neutral
      {C::R, C::I, C::I, C::I, C::M}, // tolerate ("live with")
      {C::R, C::R, C::R, C::R, C::Q}, // dislike
  };
  return kTable[static_cast<int>(functional)][static_cast<int>(dysfunctional)];
}

std::string_view kano_letter(KanoCategory c) {
  static constexpr std::string_view kLetters[] = {"A", "O", "M", "I", "R", "Q"};
  return kLetters[static_cast<int>(c)];
}

std::string_view kano_name(KanoCategory c) {
  static constexpr std::string_view kNames[] = {"attractive", "one_dimensional", "must_be",
                                                "indifferent", "reverse", "questionable"};
  return kNames[static_cast<int>(c)];
}

std::optional<KanoAnswer> kano_answer(const Json& v) {
  if (v.is_number_integer()) {
    const long long code = v.get<long long>();
    if (code >= 1 && code <= 5) return static_cast<KanoAnswer>(code - 1);
    return std::nullopt;
  }
  if (v.is_number_float()) {
    const double x = v.get<double>();
    for (int code = 1; code <= 5; ++code)
      if (x == code) return static_cast<KanoAnswer>(code - 1);
    return std::nullopt;
  }
  if (!v.is_string()) return std::nullopt;
  static const std::pair<std::string_view, KanoAnswer> kNames[] = {
      {"like", KanoAnswer::like},         {"expect", KanoAnswer::expect},
      {"must-be", KanoAnswer::expect},    {"neutral", KanoAnswer::neutral},
      {"tolerate", KanoAnswer::tolerate}, {"live-with", KanoAnswer::tolerate},
      {"dislike", KanoAnswer::dislike}};
  const auto& s = v.get_ref<const std::string&>();
  for (const auto& [name, a] : kNames)
    if (s == name) return a;
  return std::nullopt;
}

KanoResult kano_result(const KanoCounts& counts) {
  KanoResult r;
  r.counts = counts;
  for (double c : counts) r.total += c;
  // Tie order: M, O, A, I, then R, Q.
  static constexpr KanoCategory kPreference[] = {KanoCategory::M, KanoCategory::O, KanoCategory::A,
                                                 KanoCategory::I, KanoCategory::R, KanoCategory::Q};
  double top = -1;
  for (KanoCategory c : kPreference) {
    const double n = counts[static_cast<int>(c)];
    if (n > top) {
      top = n;
      r.category = c;
      r.tied = {c};
    } else if (n == top) {
      r.tied.push_back(c);
    }
  }
  const double a = counts[0], o = counts[1], m = counts[2], i = counts[3];
  const double base = a + o + m + i;
  if (base > 0) {
    r.better = (a + o) / base;
    r.worse = -((o + m) / base);
  }
  return r;
}

namespace {

using detail::expect_object;
using detail::read_number;
using detail::warn_unknown;

std::optional<KanoCounts> read_answers(const Json& list, const std::string& path, Diagnostics& d) {
  if (!list.is_array()) {
    d.error(path, code::wrong_type, "must be a list of [functional, dysfunctional, count] (got " + describe(list) + ")");
    return std::nullopt;
  }
  KanoCounts counts{};
  bool ok = true;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string at = pointer(path, k);
    const Json& row = list[k];
    if (!row.is_array() || row.size() != 3) {
      d.error(at, code::wrong_type, "must be [functional answer, dysfunctional answer, count], e.g. [\"like\", \"dislike\", 12] "
                  "(got " + describe(row) + ")");
      ok = false;
      continue;
    }
    const auto f = kano_answer(row[0]), g = kano_answer(row[1]);
    for (int q = 0; q < 2; ++q) {
      if ((q == 0 ? f : g)) continue;
      d.error(pointer(at, static_cast<std::size_t>(q)), code::invalid_value,
              "must be like, expect, neutral, tolerate, dislike or a code 1..5 (got " + describe(row[q]) + ")");
      ok = false;
    }
    const double n = read_number(row[2], pointer(at, 2), NumberRule{0, true, 1e12, true}, d);
    if (is_missing(n)) ok = false;
    if (f && g && !is_missing(n)) counts[static_cast<int>(kano_evaluate(*f, *g))] += n;
  }
  if (!ok) return std::nullopt;
  return counts;
}

std::optional<KanoCounts> read_counts(const Json& obj, const std::string& path, Diagnostics& d) {
  if (!expect_object(obj, path, "{\"A\", \"O\", \"M\", \"I\", \"R\", \"Q\"}", d)) return std::nullopt;
  KanoCounts counts{};
  bool ok = true;
  for (std::size_t c = 0; c < kKanoCategories; ++c) {
    const std::string letter(kano_letter(static_cast<KanoCategory>(c)));
    if (!obj.contains(letter)) continue;
    counts[c] = read_number(obj[letter], pointer(path, letter), NumberRule{0, true, 1e12, true}, d);
    if (is_missing(counts[c])) ok = false;
  }
  warn_unknown(obj, path, {"A", "O", "M", "I", "R", "Q"}, d);
  if (!ok) return std::nullopt;
  return counts;
}

} // namespace

PerItem<std::optional<KanoCounts>> read_kano_data(const Json& document, std::size_t items, Diagnostics& d) {
  PerItem<std::optional<KanoCounts>> out;
  if (!document.is_object() || !document.contains("items") || !document["items"].is_array()) return out;
  const Json& list = document["items"];
  for (std::size_t i = 0; i < items && i < list.size(); ++i) {
    const Json& item = list[i];
    if (!item.is_object() || !item.contains("kano")) continue;
    const std::string path = pointer(pointer("/items", i), "kano");
    const Json& k = item["kano"];
    if (!expect_object(k, path, "{\"answers\": [[functional, dysfunctional, count]...]} or {\"counts\": {...}}", d))
      continue;
    const bool answers = k.contains("answers"), counts = k.contains("counts");
    if (answers == counts) {
      d.error(path, code::invalid_value, answers ? "has both answers and counts; keep one"
                            : "missing: answers [[functional, dysfunctional, count]...] or counts {\"A\", \"O\", ...}");
      continue;
    }
    warn_unknown(k, path, {"answers", "counts"}, d);
    auto c = answers ? read_answers(k["answers"], pointer(path, "answers"), d)
                     : read_counts(k["counts"], pointer(path, "counts"), d);
    if (!c) continue;
    double total = 0;
    for (double n : *c) total += n;
    if (!(total > 0)) {
      d.error(path, code::out_of_range, "has no answers (every count is 0)");
      continue;
    }
    out.edit(i, items) = *c;
  }
  return out;
}

} // namespace gapscore
