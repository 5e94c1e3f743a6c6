// Reading and validating the outcome history (measurements) and the items' status, release
// date and team. Every problem is reported at its JSON Pointer and reading carries on, so one
// pass lists them all, as for the other customer sections.
#include <cmath>
#include <algorithm>
#include <array>
#include <map>

#include "evidence/evidence.hpp"
#include "document/section_reader.hpp"

namespace gapscore {
namespace {

using detail::expect_object;
using detail::kind_of;
using detail::list_at;
using detail::read_number;
using detail::read_text;
using detail::warn_unknown;

constexpr NumberRule kRating{0, true, 10, true};
constexpr NumberRule kCount{0, true, 1e12, true}; // like the customer sections: sums stay exact and finite
constexpr NumberRule kMargin{0, true, 1e12, true}; // in the value's unit; levels are bounded by 1e12 too
constexpr std::array<const char*, 3> kKinds = {"current", "satisfaction", "survey"};

class EvidenceReader {
public:
  EvidenceReader(const Json& doc, const GapData& g, Diagnostics& d) : doc_(doc), g_(g), d_(d) {
    for (std::size_t o = 0; o < g.outcomes.size(); ++o)
      if (!g.outcomes[o].id.empty()) outcome_ids_.emplace(g.outcomes[o].id, o);
  }

  void read(std::size_t items, EvidenceData& e) {
    read_measurements(e);
    index_by_outcome(e);
    read_items(items, e);
    read_lags(e);
  }

private:
  const Json& doc_;
  const GapData& g_;
  Diagnostics& d_;
  std::map<std::string, std::size_t> outcome_ids_;

  std::optional<DayNumber> read_date(const Json& obj, const std::string& path, const char* key,
                                     const char* missing_reason) {
    const std::string at = pointer(path, key);
    if (!obj.contains(key)) {
      if (missing_reason) d_.error(at, code::missing, missing_reason);
      return std::nullopt;
    }
    const Json& v = obj[key];
    if (!v.is_string()) {
      d_.error(at, code::wrong_type, std::string("must be a date as text, e.g. \"2024-03-15\" (got ") + kind_of(v) + ")");
      return std::nullopt;
    }
    std::string why;
    auto day = parse_iso_date(v.get_ref<const std::string&>(), why);
    if (!day) d_.error(at, code::invalid_value, why + " (got " + describe(v) + ")");
    return day;
  }

  void read_measurements(EvidenceData& e) {
    const Json* list = list_at(doc_, "measurements", "/measurements", d_);
    if (!list) return;
    if (list->size() > kMaxMeasurements) {
      d_.error("/measurements", code::too_large, "has " + std::to_string(list->size()) + " entries; the limit is " +
                                    std::to_string(kMaxMeasurements));
      return;
    }
    for (std::size_t k = 0; k < list->size(); ++k) {
      Measurement m;
      if (read_measurement((*list)[k], k, m)) e.measurements.push_back(std::move(m));
    }
    // By day; one day's entries keep document order (the later one wins in index_by_outcome).
    std::stable_sort(e.measurements.begin(), e.measurements.end(),
                     [](const Measurement& a, const Measurement& b) { return a.day < b.day; });
  }

  bool read_measurement(const Json& j, std::size_t k, Measurement& m) {
    const std::string path = pointer("/measurements", k);
    if (!expect_object(j, path, "{\"outcome\", \"date\", and one of \"current\", \"satisfaction\", \"survey\"}", d_))
      return false;
    m.index = k;
    bool ok = read_outcome(j, path, m);
    const auto day = read_date(j, path, "date", "missing: the day of the measurement, as YYYY-MM-DD");
    if (day) m.day = *day;
    ok = ok && day.has_value();
    ok = read_value(j, path, ok, m) && ok;
    if (j.contains("respondents")) {
      const std::string at = pointer(path, "respondents");
      const double n = read_number(j["respondents"], at, kCount, d_);
      if (!is_missing(n) && (n < 1 || n != std::floor(n))) // floor: a cast of 1e38 would be undefined
        d_.error(at, code::out_of_range, "must be a whole number of at least 1 (got " + number_text(n) + ")");
      else m.respondents = n;
    }
    if (j.contains("margin")) { // given: wins over a survey's derived margin (the survey may be weighted)
      const double margin = read_number(j["margin"], pointer(path, "margin"), kMargin, d_);
      if (!is_missing(margin)) m.margin = margin;
    } else if (m.kind == MeasureKind::satisfaction && !is_missing(m.value) && !is_missing(m.respondents)) {
      // A satisfaction is 10 × the top-two-box share of its answers (ODI), so n answers give
      // its margin as they do for a survey's counts: 40 answers are not 4,000.
      m.margin = survey_margin(m.value / 10 * m.respondents, m.respondents);
    }
    m.source = read_text(j, "source", path, "", d_);
    warn_unknown(j, path,
                 {"outcome", "date", "current", "satisfaction", "survey", "margin", "respondents", "source", "note", "notes"},
                 d_);
    return ok && !is_missing(m.value);
  }

  bool read_outcome(const Json& j, const std::string& path, Measurement& m) {
    const std::string at = pointer(path, "outcome");
    if (!j.contains("outcome")) {
      d_.error(at, code::missing, "missing: the id of the outcome measured");
      return false;
    }
    const Json& v = j["outcome"];
    if (!v.is_string()) {
      d_.error(at, code::wrong_type, std::string("must be an outcome id (got ") + kind_of(v) + ")");
      return false;
    }
    auto it = outcome_ids_.find(v.get<std::string>());
    if (it == outcome_ids_.end()) {
      d_.error(at, code::unknown_reference, "no outcome with id " + describe(v) +
                       (g_.outcomes.empty() ? " (the document has no outcomes)" : ""));
      return false;
    }
    m.outcome = it->second;
    return true;
  }

  /// Exactly one of current / satisfaction / survey, of the kind the outcome is measured in:
  /// its own unit when it has current/desired levels (the gap is |desired − current|), else a
  /// satisfaction rating (the gap is importance − satisfaction).
  bool read_value(const Json& j, const std::string& path, bool outcome_known, Measurement& m) {
    std::vector<std::size_t> given;
    for (std::size_t k = 0; k < kKinds.size(); ++k)
      if (j.contains(kKinds[k])) given.push_back(k);
    if (given.empty()) {
      d_.error(path, code::missing, "missing: give one value: \"current\" (the outcome's level in its unit), \"satisfaction\" "
                     "(0-10) or \"survey\" (counts of satisfaction answers 1..5)");
      return false;
    }
    if (given.size() > 1) {
      d_.error(pointer(path, kKinds[given[1]]), code::duplicate, std::string("given together with \"") + kKinds[given[0]] +
                                                    "\": one value per measurement (make one entry for each)");
      return false;
    }
    m.kind = static_cast<MeasureKind>(given[0]);
    const std::string at = pointer(path, kKinds[given[0]]);
    const Json& v = j[kKinds[given[0]]];
    if (m.kind == MeasureKind::current) m.value = read_number(v, at, NumberRule{}, d_);
    else if (m.kind == MeasureKind::satisfaction) m.value = read_number(v, at, kRating, d_);
    else m.value = read_survey(v, at, m);
    if (is_missing(m.value) || !outcome_known) return false;
    const Outcome& o = g_.outcomes[m.outcome];
    if (m.kind == MeasureKind::current && !o.has_levels()) {
      d_.error(at, code::invalid_value, "outcome \"" + o.id + "\" has no current/desired levels, so its gap is importance − "
                                         "satisfaction: measure it by \"satisfaction\" or \"survey\"");
      return false;
    }
    if (m.kind != MeasureKind::current && o.has_levels()) {
      d_.error(at, code::invalid_value, "outcome \"" + o.id + "\" has current/desired levels (" + number_text(o.current) + " → " +
                       number_text(o.desired) + "), so its gap is measured in that unit: give \"current\"");
      return false;
    }
    return true;
  }

  /// Counts of satisfaction answers 1..5, as a list or as {"satisfaction": [...]}, converted
  /// by top-two-box (gap.hpp); respondents default to the number of answers.
  double read_survey(const Json& v, const std::string& at, Measurement& m) {
    const Json* counts = &v;
    std::string path = at;
    if (v.is_object()) {
      warn_unknown(v, at, {"satisfaction"}, d_);
      if (!v.contains("satisfaction")) {
        d_.error(pointer(at, "satisfaction"), code::missing, "missing: counts of satisfaction answers 1..5");
        return kMissing;
      }
      counts = &v["satisfaction"];
      path = pointer(at, "satisfaction");
    }
    if (!counts->is_array() || counts->size() != 5) {
      d_.error(path, code::wrong_type, "must be 5 counts: how many answered 1, 2, 3, 4 and 5 (got " + describe(*counts) + ")");
      return kMissing;
    }
    std::array<double, 5> c{};
    double total = 0;
    bool ok = true;
    for (std::size_t a = 0; a < 5; ++a) {
      c[a] = read_number((*counts)[a], pointer(path, a), kCount, d_);
      if (is_missing(c[a])) ok = false;
      else total += c[a];
    }
    if (!ok) return kMissing;
    if (!(total > 0)) {
      d_.error(path, code::out_of_range, "has no answers (all counts are 0)");
      return kMissing;
    }
    m.respondents = total;
    m.margin = survey_margin(c[3] + c[4], total);
    return top_two_box(c);
  }

  /// Per outcome, one measurement per day: a later entry of the same day replaces an earlier
  /// one (a correction), with a warning at the replaced entry.
  void index_by_outcome(EvidenceData& e) {
    e.by_outcome.assign(g_.outcomes.size(), {});
    for (std::size_t k = 0; k < e.measurements.size(); ++k) {
      const Measurement& m = e.measurements[k];
      auto& list = e.by_outcome[m.outcome];
      if (!list.empty() && e.measurements[list.back()].day == m.day) {
        const Measurement& old = e.measurements[list.back()];
        d_.warning(pointer("/measurements", old.index), code::superseded,
                   "outcome \"" + g_.outcomes[m.outcome].id + "\" is measured again on " + format_day(m.day) + " at " +
                       pointer("/measurements", m.index) + ", which replaces this entry");
        list.back() = k;
      } else {
        list.push_back(k);
      }
    }
  }

  void read_items(std::size_t items, EvidenceData& e) {
    if (!doc_.contains("items") || !doc_["items"].is_array()) return;
    const Json& list = doc_["items"];
    for (std::size_t i = 0; i < items && i < list.size(); ++i) {
      const Json& item = list[i];
      if (!item.is_object()) continue;
      const std::string path = pointer("/items", i);
      if (item.contains("status")) e.status.edit(i, items) = read_status(item["status"], pointer(path, "status"));
      if (item.contains("released")) {
        if (auto day = read_date(item, path, "released", nullptr)) e.released.edit(i, items) = *day;
      }
      if (item.contains("team")) e.team.edit(i, items) = read_text(item, "team", path, "", d_);
      const ItemStatus s = e.status[i];
      if (e.released[i] != kNoDay && s != ItemStatus::unset && s != ItemStatus::done)
        d_.warning(pointer(path, "status"), code::unusual_value, "is \"" + std::string(item_status_name(s)) + "\" but the item has a "
                                            "release date: it is counted as released (set status to \"done\"?)");
    }
  }

  /// outcomes[].lag_days: a whole number of days, 0..kMaxDays (the outcome itself is read by
  /// gaps/gap_read.cpp, which knows the field).
  void read_lags(EvidenceData& e) {
    e.lag_days.assign(g_.outcomes.size(), kNoLag);
    if (!doc_.contains("outcomes") || !doc_["outcomes"].is_array()) return;
    const Json& list = doc_["outcomes"];
    for (std::size_t o = 0; o < g_.outcomes.size() && o < list.size(); ++o) {
      if (!list[o].is_object() || !list[o].contains("lag_days")) continue;
      const std::string at = pointer(pointer("/outcomes", o), "lag_days");
      const double days = read_number(list[o]["lag_days"], at, NumberRule{0, true, double(kMaxDays), true}, d_);
      if (is_missing(days)) continue;
      if (days != std::floor(days)) d_.error(at, code::out_of_range, "must be a whole number of days (got " + number_text(days) + ")");
      else e.lag_days[o] = static_cast<std::int64_t>(days);
    }
  }

  ItemStatus read_status(const Json& v, const std::string& at) {
    static constexpr std::array<ItemStatus, 4> kAll = {ItemStatus::idea, ItemStatus::planned, ItemStatus::in_progress,
                                                       ItemStatus::done};
    if (v.is_string())
      for (ItemStatus s : kAll)
        if (v.get_ref<const std::string&>() == item_status_name(s)) return s;
    d_.error(at, code::invalid_value, "must be one of \"idea\", \"planned\", \"in_progress\", \"done\" (got " + describe(v) + ")");
    return ItemStatus::unset;
  }
};

} // namespace

EvidenceData read_evidence_data(const Json& document, const GapData& g, std::size_t items, Diagnostics& diag) {
  EvidenceData e;
  e.by_outcome.assign(g.outcomes.size(), {});
  e.lag_days.assign(g.outcomes.size(), kNoLag);
  if (!document.is_object()) return e;
  try {
    EvidenceReader(document, g, diag).read(items, e);
  } catch (const std::exception& ex) { // defensive: types are checked before every read
    diag.error("", code::internal_error, std::string("could not read the measurements: ") + ex.what());
  }
  return e;
}

double survey_margin(double top_two, double n) {
  const double p = top_two / n;
  return 10 * kZ95 * std::sqrt(p * (1 - p) / n);
}

double measured_gap(const Outcome& o, const Measurement& m) {
  Outcome at = o;
  if (m.kind == MeasureKind::current) at.current = m.value;
  else at.satisfaction = m.value;
  return level_gap(at);
}

double measured_unrealized_value(const GapData& g, const Measurement& m) {
  const Outcome& o = g.outcomes[m.outcome];
  return measured_gap(o, m) * g.segments[o.segment].size;
}

} // namespace gapscore
