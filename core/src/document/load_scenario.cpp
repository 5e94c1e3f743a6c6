// Json -> Scenario. Every check reports and carries on, so one pass lists every problem.
// Documents read from text take scenario_reader.cpp instead (no DOM); both run the steps
// here and in item_loader.cpp, so they report the same problems in the same order.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "document/document_loader.hpp"
#include "document/field_checks.hpp"
#include "document/item_loader.hpp"
#include "document/section_reader.hpp"
#include "document/sections.hpp"
#include "gapscore/load.hpp"
#include "gapscore/models.hpp"
#include "planning/planner.hpp"

namespace gapscore {
namespace {

using detail::kind_of; // "text", "a list", ... (section_reader.hpp)

const std::string kTitle = "/title", kModel = "/model", kDescription = "/description";

/// Points `v` at a Json value: a number as the number, anything else as the Json.
void point_at(const Json& j, ItemValue& v) {
  if (j.is_number()) {
    v.kind = ItemValue::Kind::number;
    v.number = j.get<double>();
  } else {
    v.kind = ItemValue::Kind::json;
    v.json = &j;
  }
}

/// Points `m` at the members of a Json item (no copies).
void members_of(const Json& j, ItemMembers& m) {
  m.clear();
  if (!j.is_object()) {
    m.is_object = false;
    m.kind = j.type();
    return;
  }
  for (const auto& [key, value] : j.items()) {
    const ItemKeyClass c = classify_item_key(key);
    ItemValue* slot = nullptr;
    switch (c.kind) {
    case ItemKey::field: {
      ItemMembers::Member& member = m.add_member();
      member.unknown = false;
      member.field = c.field;
      point_at(value, member.value);
      break;
    }
    case ItemKey::unknown: {
      ItemMembers::Member& member = m.add_member();
      member.unknown = true;
      member.key = key;
      break;
    }
    case ItemKey::id: slot = &m.id; break;
    case ItemKey::title: slot = &m.title; break;
    case ItemKey::description: slot = &m.description; break;
    case ItemKey::tags:
    case ItemKey::depends_on: {
      ItemList& list = c.kind == ItemKey::tags ? m.tags : m.depends_on;
      list.given = true;
      list.is_list = value.is_array();
      if (!list.is_list) slot = &list.value;
      else
        for (const Json& e : value)
          if (ItemValue* entry = list.add_entry()) {
            entry->kind = ItemValue::Kind::json;
            entry->json = &e;
          }
      break;
    }
    case ItemKey::scores:
      m.scores.given = true;
      m.scores.is_object = value.is_object();
      if (!m.scores.is_object) slot = &m.scores.value;
      else
        for (const auto& [k, v] : value.items()) point_at(v, m.scores.add_entry(k));
      break;
    case ItemKey::moscow: slot = &m.moscow; break;
    case ItemKey::section: // read by the sections (read_sections)
    case ItemKey::ignored: break;
    }
    if (slot) {
      slot->kind = ItemValue::Kind::json;
      slot->json = &value;
    }
  }
}
} // namespace

bool DocumentLoader::check_object(const Json& doc) {
  if (doc.is_object()) return true;
  diag_.error("", code::wrong_type, std::string("the document must be a JSON object (got ") + kind_of(doc) + ")");
  return false;
}

void DocumentLoader::load_top_level(const Json& doc, Scenario& s) {
  FieldChecks checks(diag_);
  check_format(doc);
  for (const auto& [key, value] : doc.items()) {
    if (!is_known_top_level_field(key)) checks.unknown_field(pointer("", key), key, false);
    (void)value;
  }
  if (auto* t = doc.contains("title") ? &doc["title"] : nullptr) s.title = checks.text(*t, LazyPath(kTitle));
  if (doc.contains("model")) {
    s.model_given = true;
    s.model = checks.text(doc["model"], LazyPath(kModel));
    if (!s.model.empty() && !find_model(s.model))
      diag_.error("/model", code::unknown_model, "unknown model " + describe(doc["model"]) + " (choose " +
                                model_list() + ")");
  }
  // Free text (docs/format.md), checked like an item's description.
  if (doc.contains("description")) checks.text(doc["description"], LazyPath(kDescription));
  if (doc.contains("top")) {
    const Json& t = doc["top"];
    if (!t.is_number_integer() || t.get<long long>() < 1)
      diag_.error("/top", code::out_of_range, "must be a whole number of at least 1 (got " + describe(t) + ")");
    else
      s.top = static_cast<int>(std::min<long long>(t.get<long long>(), 1 << 30));
  }
  load_normalization(doc, s);
}

void DocumentLoader::check_format(const Json& doc) {
  if (!doc.contains("format")) {
    diag_.warning("/format", code::missing, "missing; assuming \"gapscore/1\"");
    return;
  }
  const Json& f = doc["format"];
  if (!f.is_string() || f.get_ref<const std::string&>() != kFormat)
    diag_.error("/format", code::invalid_value, "must be \"gapscore/1\" (got " + describe(f) + ")");
}

void DocumentLoader::load_normalization(const Json& doc, Scenario& s) {
  if (!doc.contains("normalization")) return;
  const Json& n = doc["normalization"];
  const std::string name = n.is_string() ? n.get<std::string>() : "";
  if (name == "minmax") s.normalization = Normalization::minmax;
  else if (name == "max") s.normalization = Normalization::max;
  else if (name == "vector") s.normalization = Normalization::vector;
  else if (name == "none") s.normalization = Normalization::none;
  else diag_.error("/normalization", code::invalid_value, "must be one of minmax, max, vector, none (got " + describe(n) + ")");
}

void DocumentLoader::load_criteria(const Json& doc, Scenario& s) {
  if (!doc.contains("criteria")) return;
  FieldChecks checks(diag_);
  const Json& list = doc["criteria"];
  if (!list.is_array()) {
    diag_.error("/criteria", code::wrong_type, std::string("must be a list (got ") + kind_of(list) + ")");
    return;
  }
  if (list.size() > limits::criteria) {
    diag_.error("/criteria", code::too_large, "has " + std::to_string(list.size()) + " criteria; the limit is " +
                                 std::to_string(limits::criteria));
    return;
  }
  std::map<std::string, std::size_t> seen;
  for (std::size_t c = 0; c < list.size(); ++c) {
    const std::string path = pointer("/criteria", c);
    const LazyPath crit_path(path);
    const Json& j = list[c];
    Criterion crit;
    if (!j.is_object()) {
      diag_.error(path, code::wrong_type, std::string("must be an object {\"id\", \"name\", \"weight\", \"direction\"} (got ") + kind_of(j) + ")");
      s.criteria.push_back(crit);
      continue;
    }
    if (!j.contains("id")) diag_.error(pointer(path, "id"), code::missing, "missing: every criterion needs an id");
    else crit.id = checks.text(j["id"], LazyPath(crit_path, "id"), limits::id_bytes);
    if (j.contains("id") && j["id"].is_string() && crit.id.empty())
      diag_.error(pointer(path, "id"), code::invalid_value, "must not be empty");
    if (!crit.id.empty()) {
      auto [it, fresh] = seen.emplace(crit.id, c);
      if (!fresh)
        diag_.error(pointer(path, "id"), code::duplicate, "duplicate of " + pointer(pointer("/criteria", it->second), "id") +
                                             " " + describe(j["id"]));
    }
    crit.name = j.contains("name") ? checks.text(j["name"], LazyPath(crit_path, "name")) : crit.id;
    if (j.contains("weight")) {
      const UncertainInput where = input_at(UncertainInput::Target::weight, c, 0);
      crit.weight = checks.number(j["weight"], LazyPath(crit_path, "weight"), NumberRule{0, true}, &s.uncertain, where);
    }
    if (j.contains("direction")) {
      const Json& d = j["direction"];
      if (d == "benefit") crit.direction = Direction::benefit;
      else if (d == "cost") crit.direction = Direction::cost;
      else diag_.error(pointer(path, "direction"), code::invalid_value, "must be \"benefit\" or \"cost\" (got " + describe(d) + ")");
    }
    if (j.contains("scale")) load_scale(j["scale"], pointer(path, "scale"), crit);
    if (j.contains("source")) load_source(j["source"], pointer(path, "source"), crit);
    s.criteria.push_back(crit);
  }
  s.scores.assign(s.criteria.size(), {});
}

/// "source": "okr" (the OKR alignment, filled in by planning/okr.cpp) or an item field
/// ("effort": the criterion reads each item's effort, so one estimate serves every model).
void DocumentLoader::load_source(const Json& v, const std::string& path, Criterion& crit) {
  if (v == "okr") {
    crit.source = CriterionSource::okr;
    return;
  }
  if (v.is_string())
    if (auto f = field_from_name(v.get_ref<const std::string&>())) {
      crit.source = CriterionSource::field;
      crit.field = *f;
      return;
    }
  std::string fields;
  for (std::size_t f = 0; f < kFieldCount; ++f) fields += std::string(f ? ", " : "") + std::string(field_name(static_cast<Field>(f)));
  diag_.error(path, code::invalid_value, "must be \"okr\" or an item field (" + fields + "), or leave it out to score items "
                                         "by hand (got " + describe(v) + ")");
}

void DocumentLoader::load_scale(const Json& j, const std::string& path, Criterion& crit) {
  if (!j.is_object() || !j.contains("min") || !j.contains("max") || !j["min"].is_number() ||
      !j["max"].is_number()) {
    diag_.error(path, code::wrong_type, "must be {\"min\": number, \"max\": number} (got " + describe(j) + ")");
    return;
  }
  const double lo = j["min"].get<double>(), hi = j["max"].get<double>();
  if (!(lo < hi)) {
    diag_.error(path, code::invalid_value, "min must be less than max (got " + number_text(lo) + " and " + number_text(hi) + ")");
    return;
  }
  // Min-max normalization divides by max - min: it has to be a finite number.
  if (!std::isfinite(hi - lo)) {
    diag_.error(path, code::overflow, "max - min overflows the largest number (got " + number_text(lo) + " and " +
                          number_text(hi) + "); use a narrower scale");
    return;
  }
  crit.scale_min = lo;
  crit.scale_max = hi;
}

bool check_item_list(bool present, Json::value_t kind, std::size_t size, Diagnostics& diag) {
  if (!present) {
    diag.error("/items", code::missing, "missing: the document needs a list of items");
    return false;
  }
  if (kind != Json::value_t::array) {
    diag.error("/items", code::wrong_type, std::string("must be a list (got ") + kind_of(Json(kind)) + ")");
    return false;
  }
  if (size > limits::items) {
    diag.error("/items", code::too_large, "has " + std::to_string(size) + " items; the limit is " +
                              std::to_string(limits::items));
    return false;
  }
  return true;
}

void DocumentLoader::load_items(const Json& doc, Scenario& s) {
  const bool present = doc.contains("items");
  const Json* list = present ? &doc["items"] : nullptr;
  if (!check_item_list(present, list ? list->type() : Json::value_t::null, list ? list->size() : 0, diag_)) return;
  const std::size_t n = list->size();
  s.items.resize(n);
  for (auto& col : s.fields) col.assign(n, kMissing);
  for (auto& col : s.scores) col.assign(n, kMissing);
  ItemLoader items(diag_, s.uncertain);
  ItemMembers members;
  for (std::size_t i = 0; i < n; ++i) {
    members_of((*list)[i], members);
    items.load(members, i, s);
  }
}

void DocumentLoader::check_dependencies(Scenario& s) {
  s.index_items();
  // Entries already refused (not text, too long) were read as "": no second error naming an
  // empty id the document does not have.
  std::unordered_set<std::string> refused;
  for (const Problem& p : diag_.errors())
    if (p.path.find("/depends_on/") != std::string::npos) refused.insert(p.path);
  for (std::size_t i = 0; i < s.items.size(); ++i) {
    const auto& deps = s.items[i].depends_on;
    for (std::size_t k = 0; k < deps.size(); ++k) {
      const std::size_t d = s.item_index(deps[k]);
      if (d == Scenario::npos && deps[k].empty() && refused.count(pointer(pointer(pointer("/items", i), "depends_on"), k)))
        continue;
      if (d == Scenario::npos)
        diag_.error(pointer(pointer(pointer("/items", i), "depends_on"), k), code::unknown_reference,
                    "no item with id " + describe(Json(deps[k])));
      else if (d == i)
        diag_.error(pointer(pointer(pointer("/items", i), "depends_on"), k), code::dependency_cycle,
                    "an item cannot depend on itself");
    }
  }
  report_cycle(s);
}

/// A cycle in depends_on means none of its items can ever be planned: name it.
void DocumentLoader::report_cycle(const Scenario& s) {
  std::vector<std::vector<std::size_t>> deps(s.items.size());
  for (std::size_t i = 0; i < s.items.size(); ++i)
    for (const auto& id : s.items[i].depends_on) {
      const std::size_t d = s.item_index(id);
      if (d != Scenario::npos && d != i) deps[i].push_back(d); // self: reported above
    }
  const auto cycle = find_dependency_cycle(deps);
  if (cycle.empty()) return;
  std::string text;
  for (std::size_t k : cycle) text += s.items[k].id + " -> ";
  text += s.items[cycle.front()].id;
  const auto& first = s.items[cycle.front()].depends_on;
  const std::string& next = s.items[cycle.size() > 1 ? cycle[1] : cycle.front()].id;
  const std::size_t k = static_cast<std::size_t>(std::find(first.begin(), first.end(), next) - first.begin());
  diag_.error(pointer(pointer(pointer("/items", cycle.front()), "depends_on"), k), code::dependency_cycle,
              "dependency cycle " + text + ": an item is only planned with everything it depends on, "
              "so none of these can ever be planned");
}

std::optional<Scenario> load_scenario(Json document, Diagnostics& diag) {
  Scenario s;
  try {
    DocumentLoader loader(diag);
    if (loader.check_object(document)) {
      loader.load_top_level(document, s);
      loader.load_criteria(document, s);
      loader.load_items(document, s);
      loader.check_dependencies(s);
      read_sections(document, s, diag);
    }
  } catch (const std::exception& ex) { // defensive: the loader checks types before reading
    diag.error("", code::internal_error, std::string("could not read the document: ") + ex.what());
  }
  if (!diag.ok()) return std::nullopt;
  s.source = SourceDocument(std::move(document));
  return s;
}

} // namespace gapscore
