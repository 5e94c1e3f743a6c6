// The evidence loop's suggested confidence, applied to a ranking on request. Released items
// keep their inputs (their estimates are history, not new estimates).
#include "evidence/evidence_confidence.hpp"

#include <map>

#include "document/sections.hpp"
#include "evidence/evidence.hpp"
#include "evidence/evidence_options.hpp"

namespace gapscore {

namespace {

/// "the rice model (its confidence) and the gap model (its lifts)": the models that take a
/// confidence from evidence, as the registry lists them.
std::string models_with_confidence() {
  std::vector<std::string> names;
  for (const ModelInfo& m : models())
    if (m.evidence_confidence != EvidenceConfidence::none)
      names.push_back("the " + std::string(m.id) + " model (" +
                      (m.evidence_confidence == EvidenceConfidence::lifts ? "its lifts" : "its confidence") + ")");
  std::string out;
  for (std::size_t k = 0; k < names.size(); ++k)
    out += (k == 0 ? "" : k + 1 == names.size() ? " and " : ", ") + names[k];
  return out;
}

} // namespace

bool evidence_options_unused(Request& r) {
  for (const char* name : {"lag_days", "prior_items", "prior_ratio"})
    if (r.has(name)) {
      r.usage(name, code::invalid_option, "applies only with confidence_from \"evidence\" (it shapes the suggested confidence)");
      return false;
    }
  return true;
}

std::optional<Scored> load_and_score_with_evidence(Request& r, Json& note) {
  auto from = r.text("confidence_from");
  if (!from) return std::nullopt;
  if (*from != "evidence") {
    r.usage("confidence_from", code::invalid_option, "must be \"evidence\" (got " + describe(Json(*from)) + ")");
    return std::nullopt;
  }
  const auto opts = read_evidence_options(r);
  if (!opts) return std::nullopt;
  auto s = r.load();
  if (!s) return std::nullopt;
  // The model is checked before its inputs: "not for wsjf" says more than wsjf's missing fields.
  const std::string id = r.has("model") && r.options["model"].is_string() ? r.options["model"].get<std::string>() : s->model;
  const ModelInfo* named = find_model(id);
  if (named && named->evidence_confidence == EvidenceConfidence::none) {
    r.usage("confidence_from", code::unsupported, "applies to " + models_with_confidence() + ", not to " + id);
    return std::nullopt;
  }
  const ModelInfo* m = r.model(*s);
  if (!m) return std::nullopt;
  const EvidenceData& e = s->sections().evidence;
  const std::vector<RealizedLift> rows = realized_lifts(s->sections().gap, e, opts->lag_days);
  const Calibration cal = calibrate(rows, s->items, e.team, opts->prior);
  if (cal.overall.windows == 0) {
    r.diag.error("/measurements", code::missing_input, "confidence from evidence needs at least one released item with a measurement of "
                                  "its outcome before and after its release");
    return std::nullopt;
  }
  warn_early_measurements(r, *s, rows);
  std::map<std::string, double> by_team;
  for (const CalibrationGroup& t : cal.by_team) by_team[t.key] = t.suggested.value;
  // A suggestion of 0 (history delivered nothing, or less) is a true statistic for the
  // evidence command, but applied it would score every new item 0 and leave the order to
  // the tie-break: refused, with the team it comes from, rather than ranked.
  for (std::size_t i = 0; i < s->size(); ++i) {
    if (e.released[i] != kNoDay || e.status[i] == ItemStatus::done) continue;
    const auto team = by_team.find(e.team[i]);
    if ((team != by_team.end() ? team->second : cal.overall.suggested.value) > 0) continue;
    const std::string whose = team != by_team.end() ? "team " + team->first + "'s" : "the";
    r.diag.error("/measurements", code::out_of_range,
                 "the evidence suggests a confidence of 0 from " + whose +
                     " history (the measured lifts delivered nothing of what was promised): applied, every new "
                     "item would score 0 and only the tie-break would order them; rank without confidence_from, "
                     "or trust history less (prior_items, prior_ratio)");
    return std::nullopt;
  }

  // The gap model's lifts change (below): the scenario's own copy of its sections.
  const bool scales_lifts = m->evidence_confidence == EvidenceConfidence::lifts;
  PerItem<std::vector<Lift>>* lifts = scales_lifts ? &s->edit_sections().gap.lifts : nullptr;
  std::size_t applied = 0, kept = 0;
  for (std::size_t i = 0; i < s->size(); ++i) {
    if (e.released[i] != kNoDay || e.status[i] == ItemStatus::done) {
      ++kept;
      continue;
    }
    const auto team = by_team.find(e.team[i]);
    const double c = team != by_team.end() ? team->second : cal.overall.suggested.value;
    ++applied;
    if (scales_lifts)
      for (Lift& l : lifts->edit(i, s->size())) l.fraction *= c;
    else
      s->column(Field::confidence)[i] = c;
  }
  note = {{"source", "evidence"},
          {"replaces", scales_lifts ? "lift × confidence" : "confidence"},
          {"confidence", cal.overall.suggested.value},
          {"capped", cal.overall.suggested.capped},
          {"rule", kConfidenceRule},
          {"prior", {{"items", cal.prior.items}, {"ratio", cal.prior.ratio}}},
          {"calibrated_on_windows", cal.overall.windows},
          {"calibrated_on_items", cal.overall.items},
          {"ratio", cal.overall.ratio},
          {"applied_to_items", applied},
          {"released_items_kept", kept}};
  if (opts->lag_days != kNoLag) note["lag_days"] = opts->lag_days;
  if (!by_team.empty()) {
    Json teams = Json::object();
    for (const CalibrationGroup& t : cal.by_team) teams[t.key] = t.suggested.value;
    note["by_team"] = std::move(teams);
  }
  return score_and_rank(std::move(*s), *m);
}

} // namespace gapscore
