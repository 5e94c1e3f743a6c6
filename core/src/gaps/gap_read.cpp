// Reading and validating segments, outcomes and items[].outcomes. Every problem is
// reported at its JSON Pointer and reading carries on, so one pass lists them all.
#include <map>
#include <set>

#include "gaps/gap.hpp"
#include "document/section_reader.hpp"

namespace gapscore {
namespace {

using detail::expect_object;
using detail::kind_of;
using detail::list_at;
using detail::read_id;
using detail::read_number;
using detail::first_mention;
using detail::read_ref;
using detail::RefKind;
using detail::read_text;
using detail::warn_unknown;

constexpr NumberRule kRating{0, true, 10, true};
// Bounds far beyond any real backlog (people on Earth, survey answers, levels) that keep every
// product and sum finite: no infinity or NaN can reach an output.
constexpr NumberRule kSize{0, true, 1e12, true};
constexpr NumberRule kCount{0, true, 1e12, true};
constexpr NumberRule kLevel{-1e12, true, 1e12, true};
constexpr NumberRule kLift{0, false, 1, true};

class GapReader {
public:
  GapReader(const Json& doc, Diagnostics& d) : doc_(doc), d_(d) {}

  void read(std::size_t items, GapData& g) {
    read_segments(g);
    read_outcomes(g);
    read_item_lifts(items, g);
  }

private:
  const Json& doc_;
  Diagnostics& d_;
  std::map<std::string, std::size_t> segment_ids_, outcome_ids_;

  void read_segments(GapData& g) {
    const Json* list = list_at(doc_, "segments", "/segments", d_);
    if (!list) return;
    for (std::size_t k = 0; k < list->size(); ++k) {
      const std::string path = pointer("/segments", k);
      const Json& j = (*list)[k];
      Segment seg;
      if (expect_object(j, path, "{\"id\", \"name\", \"size\"}", d_)) {
        seg.id = read_id(j, path, "/segments", k, segment_ids_, d_, "segment");
        seg.name = read_text(j, "name", path, seg.id, d_);
        if (!j.contains("size"))
          d_.error(pointer(path, "size"), code::missing, "missing: how many customers or users are in the segment");
        else
          seg.size = read_number(j["size"], pointer(path, "size"), kSize, d_);
        warn_unknown(j, path, {"id", "name", "size", "description"}, d_);
      }
      g.segments.push_back(seg);
    }
  }

  void read_outcomes(GapData& g) {
    const Json* list = list_at(doc_, "outcomes", "/outcomes", d_);
    if (!list) return;
    for (std::size_t k = 0; k < list->size(); ++k) {
      const std::string path = pointer("/outcomes", k);
      const Json& j = (*list)[k];
      Outcome o;
      if (expect_object(j, path, "{\"id\", \"name\", \"segment\", \"importance\", \"satisfaction\"}", d_)) {
        o.id = read_id(j, path, "/outcomes", k, outcome_ids_, d_, "outcome");
        o.name = read_text(j, "name", path, o.id, d_);
        read_segment_ref(j, path, g, o);
        read_ratings(j, path, o);
        read_levels(j, path, o);
        o.unit = read_text(j, "unit", path, "", d_); // free text: shown by the widget, compared by evidence
        read_text(j, "description", path, "", d_);
        warn_unknown(j, path,
                     {"id", "name", "description", "segment", "importance", "satisfaction", "survey",
                      "current", "desired", "unit", "lag_days" /* read by evidence/evidence_read.cpp */},
                     d_);
      }
      g.outcomes.push_back(o);
    }
  }

  void read_segment_ref(const Json& j, const std::string& path, const GapData& g, Outcome& o) {
    const std::string at = pointer(path, "segment");
    if (!j.contains("segment")) {
      d_.error(at, code::missing, "missing: name the segment of customers who share this outcome");
      return;
    }
    const Json& v = j["segment"];
    if (!v.is_string()) {
      d_.error(at, code::wrong_type, std::string("must be a segment id (got ") + kind_of(v) + ")");
      return;
    }
    auto it = segment_ids_.find(v.get<std::string>());
    if (it == segment_ids_.end()) {
      d_.error(at, code::unknown_reference, "no segment with id " + describe(v) +
                       (g.segments.empty() ? " (the document has no segments)" : ""));
      return;
    }
    o.segment = it->second;
  }

  /// importance and satisfaction: each given on 0..10 or from the survey, never both.
  void read_ratings(const Json& j, const std::string& path, Outcome& o) {
    const Json* survey = nullptr;
    if (j.contains("survey")) {
      if (expect_object(j["survey"], pointer(path, "survey"),
                        "{\"importance\": [n1..n5], \"satisfaction\": [n1..n5]}", d_))
        survey = &j["survey"];
    }
    const char* names[2] = {"importance", "satisfaction"};
    double* targets[2] = {&o.importance, &o.satisfaction};
    RatingSource* sources[2] = {&o.importance_source, &o.satisfaction_source};
    for (int r = 0; r < 2; ++r) {
      const bool direct = j.contains(names[r]);
      const bool surveyed = survey && survey->contains(names[r]);
      if (direct && surveyed) {
        d_.error(pointer(path, names[r]), code::duplicate, std::string("given twice: here and in survey/") + names[r] +
                                              "; keep one");
      } else if (direct) {
        *targets[r] = read_number(j[names[r]], pointer(path, names[r]), kRating, d_);
      } else if (surveyed) {
        *targets[r] = read_survey((*survey)[names[r]], pointer(pointer(path, "survey"), names[r]));
        *sources[r] = RatingSource::survey;
      } else {
        d_.error(pointer(path, names[r]), code::missing,
                 std::string("missing: give the ") + names[r] +
                     " on 0-10, or survey/" + names[r] + " as counts of answers 1..5");
      }
    }
    if (survey) warn_unknown(*survey, pointer(path, "survey"), {"importance", "satisfaction"}, d_);
  }

  double read_survey(const Json& v, const std::string& path) {
    if (!v.is_array() || v.size() != 5) {
      d_.error(path, code::wrong_type, "must be 5 counts: how many answered 1, 2, 3, 4 and 5 (got " + describe(v) + ")");
      return kMissing;
    }
    std::array<double, 5> counts{};
    double total = 0;
    bool ok = true;
    for (std::size_t a = 0; a < 5; ++a) {
      counts[a] = read_number(v[a], pointer(path, a), kCount, d_);
      if (is_missing(counts[a])) ok = false;
      else total += counts[a];
    }
    if (!ok) return kMissing;
    if (!(total > 0)) {
      d_.error(path, code::out_of_range, "has no answers (all counts are 0)");
      return kMissing;
    }
    return top_two_box(counts);
  }

  void read_levels(const Json& j, const std::string& path, Outcome& o) {
    const bool has_current = j.contains("current"), has_desired = j.contains("desired");
    if (has_current != has_desired) {
      d_.error(pointer(path, has_current ? "desired" : "current"), code::missing,
               "missing: current and desired levels go together (the gap is the difference)");
    }
    if (has_current) o.current = read_number(j["current"], pointer(path, "current"), kLevel, d_);
    if (has_desired) o.desired = read_number(j["desired"], pointer(path, "desired"), kLevel, d_);
    if (has_current != has_desired) o.current = o.desired = kMissing;
  }

  void read_item_lifts(std::size_t items, GapData& g) {
    const Json* list = doc_.is_object() && doc_.contains("items") && doc_["items"].is_array() ? &doc_["items"] : nullptr;
    if (!list) return;
    for (std::size_t i = 0; i < items && i < list->size(); ++i) {
      const Json& item = (*list)[i];
      if (!item.is_object() || !item.contains("outcomes")) continue;
      const std::string path = pointer(pointer("/items", i), "outcomes");
      const Json* lifts = list_at(item, "outcomes", path, d_);
      if (!lifts) continue;
      g.lists_outcomes.edit(i, items) = true;
      std::map<std::size_t, std::size_t> seen; // outcome index -> entry
      for (std::size_t k = 0; k < lifts->size(); ++k) {
        const std::string at = pointer(path, k);
        const Json& j = (*lifts)[k];
        if (!expect_object(j, at, "{\"outcome\": id, \"lift\": fraction of the gap closed}", d_)) continue;
        Lift l;
        static constexpr RefKind kOutcome{"outcome", "the id of the outcome this item improves", "an outcome id",
                                          "outcome", "(the document has no outcomes)"};
        const auto outcome = read_ref(j, at, kOutcome, outcome_ids_, g.outcomes.empty(), d_);
        bool ok = outcome.has_value();
        if (outcome) l.outcome = *outcome;
        if (!j.contains("lift")) {
          d_.error(pointer(at, "lift"), code::missing,
                   "missing: the fraction of the outcome's gap this item closes, in (0, 1]");
          ok = false;
        } else {
          l.fraction = read_number(j["lift"], pointer(at, "lift"), kLift, d_);
          if (is_missing(l.fraction)) ok = false;
        }
        warn_unknown(j, at, {"outcome", "lift", "note"}, d_);
        if (!ok) continue;
        if (first_mention(seen, l.outcome, path, k, kOutcome, d_)) g.lifts.edit(i, items).push_back(l);
      }
    }
  }
};

} // namespace

GapData read_gap_data(const Json& document, std::size_t items, Diagnostics& diag) {
  GapData g;
  if (!document.is_object()) return g;
  try {
    GapReader(document, diag).read(items, g);
  } catch (const std::exception& ex) { // defensive: types are checked before every read
    diag.error("", code::internal_error, std::string("could not read the outcomes: ") + ex.what());
  }
  return g;
}

} // namespace gapscore
