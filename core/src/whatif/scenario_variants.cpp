// Scenarios: reading the "scenarios" list, and turning one variant into a document.
#include "whatif/scenario_variants.hpp"

#include <map>

#include "document/limits.hpp"
#include "document/sections.hpp"
#include "gapscore/load.hpp"
#include "gapscore/models.hpp"

namespace gapscore {
namespace {

using Change = ScenarioChange;

constexpr std::string_view kScoresPrefix = "scores.";

/// Reads a text member; reports at its path when missing or not text.
const std::string* text_member(const Json& j, const char* key, const std::string& path, Diagnostics* diag,
                               const char* what) {
  if (!j.contains(key)) {
    if (diag) diag->error(pointer(path, key), code::missing, std::string("missing: ") + what);
    return nullptr;
  }
  const Json& v = j[key];
  if (!v.is_string()) {
    if (diag) diag->error(pointer(path, key), code::wrong_type, "must be text (got " + describe(v) + ")");
    return nullptr;
  }
  return &v.get_ref<const std::string&>();
}

bool value_member(const Json& j, const std::string& path, Diagnostics* diag, Json& out) {
  if (!j.contains("value")) {
    if (diag) diag->error(pointer(path, "value"), code::missing, "missing: the new value (a number or a range {\"low\", \"likely\", \"high\"})");
    return false;
  }
  const Json& v = j["value"];
  if (!v.is_number() && !v.is_object()) {
    if (diag) diag->error(pointer(path, "value"), code::wrong_type, "must be a number or a range {\"low\", \"likely\", \"high\"} (got " + describe(v) + ")");
    return false;
  }
  out = v;
  return true;
}

void warn_unknown_keys(const Json& j, std::initializer_list<const char*> known, const std::string& path,
                       Diagnostics* diag) {
  if (!diag) return;
  for (const auto& [key, value] : j.items()) {
    (void)value;
    bool ok = false;
    for (const char* k : known) ok |= key == k;
    if (!ok) diag->warning(pointer(path, key), code::unknown_field, "unknown field in a change, ignored");
  }
}

/// Resolves one change; nullopt (with errors in `diag` when given) if it is not valid.
std::optional<Change> read_change(const Scenario& base, const Json& j, const std::string& path, Diagnostics* diag) {
  if (!j.is_object()) {
    if (diag) diag->error(path, code::wrong_type, "must be an object: {\"weight\", \"value\"}, {\"item\", \"field\", \"value\"} or {\"model\"} (got " + describe(j) + ")");
    return std::nullopt;
  }
  const int kinds = int(j.contains("weight")) + int(j.contains("item")) + int(j.contains("model"));
  if (kinds != 1) {
    if (diag) diag->error(path, code::invalid_value, kinds == 0 ? "must name what it changes: \"weight\" (a criterion), \"item\" or \"model\""
                                          : "must change one thing: give only one of \"weight\", \"item\" and \"model\"");
    return std::nullopt;
  }
  Change c;
  c.path = path;
  if (j.contains("model")) {
    warn_unknown_keys(j, {"model"}, path, diag);
    const std::string* id = text_member(j, "model", path, diag, "the model id");
    if (!id) return std::nullopt;
    if (!find_model(*id)) {
      if (diag) diag->error(pointer(path, "model"), code::unknown_model, "unknown model " + describe(j["model"]) + " (choose " + model_list() + ")");
      return std::nullopt;
    }
    c.target = "/model";
    c.value = *id;
    c.sets_value = false;
    return c;
  }
  if (j.contains("weight")) {
    warn_unknown_keys(j, {"weight", "value"}, path, diag);
    const std::string* id = text_member(j, "weight", path, diag, "the criterion id");
    bool ok = id != nullptr;
    std::size_t ci = Scenario::npos;
    if (id && (ci = base.criterion_index(*id)) == Scenario::npos) {
      if (diag) diag->error(pointer(path, "weight"), code::unknown_reference, "no criterion with id " + describe(j["weight"]) +
                                                        (base.criteria.empty() ? " (the document has no criteria)" : ""));
      ok = false;
    }
    ok = value_member(j, path, diag, c.value) && ok;
    if (!ok) return std::nullopt;
    c.target = pointer(pointer("/criteria", ci), "weight");
    return c;
  }
  warn_unknown_keys(j, {"item", "field", "value"}, path, diag);
  const std::string* id = text_member(j, "item", path, diag, "the item id");
  bool ok = id != nullptr;
  std::size_t i = Scenario::npos;
  if (id && (i = base.item_index(*id)) == Scenario::npos) {
    if (diag) diag->error(pointer(path, "item"), code::unknown_reference, "no item with id " + describe(j["item"]));
    ok = false;
  }
  const std::string* field = text_member(j, "field", path, diag, "the field to change (e.g. \"effort\" or \"scores.<criterion>\")");
  std::string target_tail;
  if (field) {
    if (field->compare(0, kScoresPrefix.size(), kScoresPrefix) == 0) {
      const std::string criterion = field->substr(kScoresPrefix.size());
      if (base.criterion_index(criterion) == Scenario::npos) {
        if (diag) diag->error(pointer(path, "field"), code::unknown_reference, "no criterion with id " + describe(Json(criterion)) +
                                                         (base.criteria.empty() ? " (the document has no criteria)" : ""));
        ok = false;
      }
      target_tail = pointer("/scores", criterion);
    } else if (field_from_name(*field)) {
      target_tail = pointer("", *field);
    } else {
      std::string names;
      for (std::size_t f = 0; f < kFieldCount; ++f) names += std::string(field_name(static_cast<Field>(f))) + ", ";
      if (diag) diag->error(pointer(path, "field"), code::unknown_reference, "no numeric item field " + describe(j["field"]) + " (choose " + names +
                                                       "or scores.<criterion>)");
      ok = false;
    }
  } else {
    ok = false;
  }
  ok = value_member(j, path, diag, c.value) && ok;
  if (!ok) return std::nullopt;
  c.target = pointer("/items", i) + target_tail;
  return c;
}

/// The changes of the scenario at /scenarios/index; nullopt when any is invalid.
std::optional<std::vector<Change>> read_changes(const Scenario& base, const Json& scenario, const std::string& path,
                                                Diagnostics* diag) {
  std::vector<Change> out;
  if (!scenario.contains("changes")) {
    if (diag) diag->error(pointer(path, "changes"), code::missing, "missing: the list of changes this scenario makes");
    return std::nullopt;
  }
  const Json& list = scenario["changes"];
  const std::string list_path = pointer(path, "changes");
  if (!list.is_array()) {
    if (diag) diag->error(list_path, code::wrong_type, "must be a list of changes (got " + describe(list) + ")");
    return std::nullopt;
  }
  if (list.size() > limits::items) {
    if (diag) diag->error(list_path, code::too_large, "has " + std::to_string(list.size()) + " changes; the limit is " + std::to_string(limits::items));
    return std::nullopt;
  }
  bool ok = true;
  for (std::size_t k = 0; k < list.size(); ++k) {
    auto c = read_change(base, list[k], pointer(list_path, k), diag);
    if (c) out.push_back(std::move(*c));
    else ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

/// The change whose target contains `path` (the last one, as later changes win), if any.
const Change* change_at(const std::vector<Change>& changes, const std::string& path) {
  for (auto it = changes.rbegin(); it != changes.rend(); ++it) {
    const std::string& t = it->target;
    if (path == t || (path.size() > t.size() && path.compare(0, t.size(), t) == 0 && path[t.size()] == '/')) return &*it;
  }
  return nullptr;
}

std::string mapped_path(const Change& c, const std::string& path) {
  return pointer(c.path, c.sets_value ? "value" : "model") + path.substr(c.target.size());
}

} // namespace

ScenarioList read_scenario_list(const Json& document, const Scenario& base) {
  ScenarioList out;
  Diagnostics& diag = out.problems;
  if (!document.is_object() || !document.contains("scenarios")) return out;
  const Json& list = document["scenarios"];
  if (!list.is_array()) {
    diag.error("/scenarios", code::wrong_type, "must be a list of {\"id\", \"name\", \"changes\"} (got " + describe(list) + ")");
    return out;
  }
  if (list.size() > limits::list_entries) {
    diag.error("/scenarios", code::too_large, "has " + std::to_string(list.size()) + " scenarios; the limit is " +
                                 std::to_string(limits::list_entries));
    return out;
  }
  std::map<std::string, std::size_t> seen;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const std::string path = pointer("/scenarios", k);
    const Json& s = list[k];
    if (!s.is_object()) {
      diag.error(path, code::wrong_type, "must be an object {\"id\", \"name\", \"changes\"} (got " + describe(s) + ")");
      continue;
    }
    if (s.contains("id") && s["id"].is_string()) out.listed_ids.push_back(s["id"].get<std::string>());
    for (const auto& [key, value] : s.items()) {
      (void)value;
      if (key != "id" && key != "name" && key != "changes" && key != "description")
        diag.warning(pointer(path, key), code::unknown_field, "unknown field, kept as is (is it a typo?)");
    }
    ScenarioVariant v;
    v.index = k;
    bool ok = true;
    if (const std::string* id = text_member(s, "id", path, &diag, "every scenario needs an id")) {
      v.id = *id;
      std::string problem;
      std::string_view kind;
      if (id->empty()) {
        problem = "must not be empty", kind = code::invalid_value;
      } else if (id->size() > limits::id_bytes) {
        problem = "is " + std::to_string(id->size()) + " bytes long; the limit is " + std::to_string(limits::id_bytes);
        kind = code::too_large;
      } else if (*id == kBaseScenario) {
        problem = "\"base\" is reserved for the document as it is; choose another id", kind = code::invalid_value;
      } else if (auto [it, fresh] = seen.emplace(*id, k); !fresh) {
        problem = "duplicate of " + pointer(pointer("/scenarios", it->second), "id") + " " + describe(s["id"]);
        kind = code::duplicate;
      }
      if (!problem.empty()) {
        diag.error(pointer(path, "id"), kind, problem);
        ok = false;
      }
    } else {
      ok = false;
    }
    v.name = v.id;
    if (s.contains("name")) {
      if (const std::string* name = text_member(s, "name", path, &diag, "")) v.name = *name;
      else ok = false;
    }
    auto changes = read_changes(base, s, path, &diag);
    if (!changes) ok = false;
    if (ok) {
      v.changes = std::move(*changes);
      out.variants.push_back(std::move(v));
    }
  }
  return out;
}

const std::vector<ScenarioVariant>& scenario_variants(const Scenario& base, Diagnostics& diag) {
  const ScenarioList& list = base.sections().scenarios;
  diag.add(list.problems);
  return list.variants;
}

namespace {
const ScenarioVariant* find_variant(const Scenario& base, std::string_view id) {
  for (const auto& v : base.sections().scenarios.variants)
    if (v.id == id) return &v;
  return nullptr;
}
} // namespace

Json apply_variant(const Scenario& base, std::string_view id) {
  Json doc = base.source.json();
  const ScenarioVariant* v = find_variant(base, id);
  if (!v) return doc;
  for (const Change& c : v->changes) doc[Json::json_pointer(c.target)] = c.value;
  return doc;
}

std::optional<Scenario> load_variant(const Scenario& base, std::string_view id, Diagnostics& diag,
                                     std::string_view id_path) {
  if (id == kBaseScenario) return base;
  const ScenarioVariant* v = find_variant(base, id);
  if (!v) {
    std::string ids;
    for (const std::string& listed : base.sections().scenarios.listed_ids) ids += ", " + listed;
    diag.error(std::string(id_path), code::unknown_reference, "no scenario with id " + describe(Json(std::string(id))) + " (choose base" + ids + ")");
    return std::nullopt;
  }
  const std::vector<Change>& changes = v->changes;
  Json doc = apply_variant(base, id);

  Diagnostics d;
  auto s = load_scenario(std::move(doc), d);
  const std::string prefix = "in scenario " + describe(Json(std::string(id))) + ": ";
  // Warnings about the base document were reported when it was loaded; only those about
  // values this scenario sets are new.
  diag.add(d, [&](Problem& p, Diagnostics::Kind kind) {
    const Change* c = change_at(changes, p.path);
    if (c) p.path = mapped_path(*c, p.path);
    else if (kind == Diagnostics::Kind::error) p.message = prefix + p.message;
    return c || kind == Diagnostics::Kind::error;
  });
  if (!s || !d.ok()) return std::nullopt;
  return s;
}

} // namespace gapscore
