// gapscore describe: the document as the engine sees it (describe.hpp). Every answer comes
// from a rule the core owns: the registry for models, the loaded scenario for weights and
// sources, the typed sections for what is present.
#include "document/describe.hpp"

#include <algorithm>

#include "document/commands.hpp"
#include "document/schema.hpp"
#include "document/sections.hpp"
#include "gapscore/models.hpp"
#include "stakeholders/ahp.hpp"

namespace gapscore {
namespace {

std::string_view source_name(CriterionSource s) {
  switch (s) {
  case CriterionSource::okr: return "okr";
  case CriterionSource::field: return "field";
  case CriterionSource::scores: break;
  }
  return "scores";
}

Json criterion_input(const Criterion& c) {
  Json j = {{"kind", "criterion"}, {"id", c.id}, {"name", c.name}, {"source", source_name(c.source)}};
  if (c.source == CriterionSource::field) j["field"] = field_name(c.field);
  return j;
}

/// At most this many of a model's problems are listed: enough to say what is missing.
constexpr std::size_t kProblemsShown = 3;

Json describe_model(const ModelInfo& m, const Scenario& s) {
  Json j = {{"id", m.id},           {"label", m.label},           {"variant", model_variant(m, s)},
            {"formula", m.formula}, {"source", m.source},         {"reads_weights", m.reads_weights()},
            {"exact_sensitivity", m.exact_sensitivity}, {"quadrants", m.quadrants}};
  Json inputs = Json::array();
  for (Field f : m.required_fields) inputs.push_back({{"kind", "field"}, {"id", field_name(f)}, {"name", field_label(f)}});
  if (m.needs_criteria)
    for (const Criterion& c : s.criteria) inputs.push_back(criterion_input(c));
  j["inputs"] = std::move(inputs);
  if (!m.other_inputs.empty()) j["other_inputs"] = m.other_inputs;
  Diagnostics d;
  check_model_inputs(s, m, d);
  j["usable"] = d.ok();
  if (!d.ok()) {
    Json problems = Json::array();
    for (const Problem& p : d.errors()) {
      if (problems.size() == kProblemsShown || p.message.empty()) break;
      problems.push_back({{"path", p.path}, {"message", p.message}, {"code", p.code}});
    }
    j["problems"] = std::move(problems);
    j["problem_count"] = d.errors().size();
  }
  // What the model says about these inputs without refusing them (every weight 0, say): the
  // widget shows it after an edit settles instead of working the rule out for itself.
  if (!d.warnings().empty()) j["warnings"] = d.warnings_array();
  return j;
}

Json describe_criteria(const Scenario& s) {
  Json out = Json::array();
  for (std::size_t c = 0; c < s.criteria.size(); ++c) {
    const Criterion& crit = s.criteria[c];
    bool ranged = false;
    for (const UncertainInput& u : s.uncertain)
      ranged = ranged || (u.target == UncertainInput::Target::weight && u.column == c);
    Json j = {{"id", crit.id},
              {"name", crit.name},
              {"weight", crit.weight},
              {"weight_from", s.weights_from_ahp ? "ahp" : "document"},
              {"weight_is_range", ranged},
              {"direction", crit.direction == Direction::cost ? "cost" : "benefit"},
              {"source", source_name(crit.source)}};
    if (crit.source == CriterionSource::field) j["field"] = field_name(crit.field);
    if (crit.has_scale()) j["scale"] = {{"min", crit.scale_min}, {"max", crit.scale_max}};
    out.push_back(std::move(j));
  }
  return out;
}

/// Named weight sets: each stakeholder's own weights (the document's for the criteria they
/// leave out), and the AHP priorities when the document has comparisons.
Json describe_weight_sets(const Scenario& s) {
  Json out = Json::array();
  for (const Stakeholder& st : s.sections().stakeholders.stakeholders) {
    if (!st.has_weights) continue;
    Json weights = Json::object();
    for (std::size_t c = 0; c < s.criteria.size(); ++c)
      weights[s.criteria[c].id] = is_missing(st.weights[c]) ? s.criteria[c].weight : st.weights[c];
    out.push_back({{"id", st.id}, {"name", st.name}, {"kind", "stakeholder"}, {"weights", std::move(weights)}});
  }
  if (const auto& ahp = s.sections().ahp) {
    const AhpResult r = ahp_weights(ahp_matrix(*ahp));
    Json weights = Json::object();
    for (std::size_t p = 0; p < ahp->criteria.size() && p < r.weights.size(); ++p) weights[ahp->criteria[p]] = r.weights[p];
    out.push_back({{"id", "ahp"},
                   {"name", "AHP (pairwise comparisons)"},
                   {"kind", "ahp"},
                   {"weights", std::move(weights)},
                   {"consistency_ratio", r.cr},
                   {"consistent", r.consistent}});
  }
  return out;
}

/// The views the document allows; "models" lists the models a view works with, when it
/// does not work with every model.
Json describe_views(const Scenario& s, const Json& models) {
  const Sections& sec = s.sections();
  auto models_where = [&](const char* flag) {
    Json ids = Json::array();
    for (const Json& m : models)
      if (m[flag] == true && m["usable"] == true) ids.push_back(m["id"]);
    return ids;
  };
  std::size_t raters = 0;
  for (const Stakeholder& st : sec.stakeholders.stakeholders) raters += st.rated > 0;
  // No model can rank the items: no view works, and the document's problems are the answer.
  if (std::none_of(models.begin(), models.end(), [](const Json& m) { return m["usable"] == true; }))
    return Json::array();
  Json views = Json::array({Json{{"id", "ranking"}}, Json{{"id", "compare"}}});
  if (Json m = models_where("quadrants"); !m.empty()) views.push_back({{"id", "matrix"}, {"models", m}});
  if (!sec.gap.outcomes.empty()) views.push_back({{"id", "gaps"}});
  if (raters >= 2) views.push_back({{"id", "agreement"}});
  views.push_back({{"id", "uncertainty"}});
  if (Json m = models_where("exact_sensitivity"); !m.empty()) views.push_back({{"id", "sensitivity"}, {"models", m}});
  if (!sec.evidence.measurements.empty() && !sec.gap.outcomes.empty()) views.push_back({{"id", "evidence"}});
  return views;
}

Json present_sections(const Scenario& s) {
  const Sections& sec = s.sections();
  Json out = Json::array();
  if (!sec.gap.segments.empty()) out.push_back("segments");
  if (!sec.gap.outcomes.empty()) out.push_back("outcomes");
  if (!sec.evidence.measurements.empty()) out.push_back("measurements");
  if (sec.kano.given()) out.push_back("kano"); // only items with valid answers make room
  if (!sec.okr.objectives.empty()) out.push_back("objectives");
  if (!sec.stakeholders.stakeholders.empty()) out.push_back("stakeholders");
  if (sec.ahp) out.push_back("ahp");
  if (!sec.scenarios.variants.empty()) out.push_back("scenarios");
  if (sec.simulation.present) out.push_back("simulation");
  if (!is_missing(sec.matrix.value_threshold) || !is_missing(sec.matrix.effort_threshold)) out.push_back("matrix");
  return out;
}

} // namespace

Json describe_scenario(const Scenario& s) {
  const ModelInfo* named = find_model(s.model);
  Json out = Json::object();
  out["format"] = kFormat;
  out["title"] = s.title;
  out["items"] = s.size();
  out["model"] = named ? named->id : default_model().id;
  out["model_given"] = s.model_given;
  out["top"] = std::min<std::size_t>(s.top ? static_cast<std::size_t>(*s.top) : kDefaultTop, std::max<std::size_t>(s.size(), 1));
  out["top_given"] = s.top.has_value();
  out["normalization"] = normalization_name(s.normalization);
  Json models = Json::array();
  for (const ModelInfo& m : gapscore::models()) models.push_back(describe_model(m, s));
  const Json views = describe_views(s, models);
  out["models"] = std::move(models);
  out["criteria"] = describe_criteria(s);
  if (s.weights_from_ahp) out["weights_from"] = "ahp";
  out["weight_sets"] = describe_weight_sets(s);
  out["sections"] = present_sections(s);
  out["views"] = views;
  Json scenarios = Json::array();
  for (const ScenarioVariant& v : s.sections().scenarios.variants) scenarios.push_back({{"id", v.id}, {"name", v.name}});
  out["scenarios"] = std::move(scenarios);
  out["uncertain_inputs"] = s.uncertain.size();
  return out;
}

namespace {
Json command_describe(Request& r) {
  auto s = r.load();
  if (!s) return nullptr;
  return describe_scenario(*s);
}
} // namespace

const CommandSpec& describe_command() {
  static const CommandSpec spec{"describe",
                                "what the document offers: models (usable or why not), criteria and weights in use, "
                                "sections, views, the default top N",
                                {},
                                command_describe,
                                nullptr,
                                nullptr};
  return spec;
}

} // namespace gapscore
