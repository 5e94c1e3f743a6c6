// Json -> Scenario. Every check reports and carries on, so one pass lists every problem.
#include <algorithm>
#include <map>
#include <set>

#include "document/limits.hpp"
#include "gapscore/load.hpp"
#include "gapscore/models.hpp"
#include "planning/planner.hpp"
#include "document/schema.hpp"
#include "document/section_reader.hpp"
#include "document/sections.hpp"

namespace gapscore {
namespace {

using detail::kind_of; // "text", "a list", ... (section_reader.hpp)

/// Where a range would go if the value is one (the loader fills in the numbers and path).
UncertainInput input_at(UncertainInput::Target target, std::size_t column, std::size_t item) {
  UncertainInput in;
  in.target = target;
  in.column = static_cast<std::uint32_t>(column);
  in.item = static_cast<std::uint32_t>(item);
  return in;
}

/// A JSON Pointer spelled out only when a message needs it. Building "/items/7/reach" for
/// every field of every item cost a tenth of the load time, for paths almost never shown.
/// It refers to its parent and its token: use it within the expression that makes it (or
/// while the parent lives), as the functions below do.
class LazyPath {
public:
  // Explicit: an implicit conversion would make a temporary parent that dies too soon.
  explicit LazyPath(const std::string& text) : text_(&text) {} // a path already spelled out
  LazyPath(const LazyPath& parent, std::string_view token) : parent_(&parent), token_(token) {}
  LazyPath(const LazyPath& parent, std::size_t index) : parent_(&parent), index_(index) {}
  std::string str() const {
    if (text_) return *text_;
    return index_ == kNoIndex ? pointer(parent_->str(), token_) : pointer(parent_->str(), index_);
  }
  operator std::string() const { return str(); }

private:
  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);
  const std::string* text_ = nullptr;
  const LazyPath* parent_ = nullptr;
  std::string_view token_;
  std::size_t index_ = kNoIndex;
};

const std::string kTitle = "/title", kModel = "/model", kDescription = "/description";

class Loader {
public:
  explicit Loader(Diagnostics& diag) : diag_(diag) {}

  void load(const Json& doc, Scenario& s) {
    if (!doc.is_object()) {
      diag_.error("", code::wrong_type, std::string("the document must be a JSON object (got ") + kind_of(doc) + ")");
      return;
    }
    check_format(doc);
    for (const auto& [key, value] : doc.items()) {
      if (!is_known_top_level_field(key))
        unknown_field(pointer("", key), key, false);
      (void)value;
    }
    if (auto* t = doc.contains("title") ? &doc["title"] : nullptr) s.title = text(*t, LazyPath(kTitle));
    if (doc.contains("model")) {
      s.model_given = true;
      s.model = text(doc["model"], LazyPath(kModel));
      if (!s.model.empty() && !find_model(s.model))
        diag_.error("/model", code::unknown_model, "unknown model " + describe(doc["model"]) + " (choose " +
                                  model_list() + ")");
    }
    // Free text (docs/format.md), checked like an item's description.
    if (doc.contains("description")) text(doc["description"], LazyPath(kDescription));
    if (doc.contains("top")) {
      const Json& t = doc["top"];
      if (!t.is_number_integer() || t.get<long long>() < 1)
        diag_.error("/top", code::out_of_range, "must be a whole number of at least 1 (got " + describe(t) + ")");
      else
        s.top = static_cast<int>(std::min<long long>(t.get<long long>(), 1 << 30));
    }
    load_normalization(doc, s);
    load_criteria(doc, s);
    load_items(doc, s);
    read_sections(doc, s, diag_);
  }

private:
  Diagnostics& diag_;

  /// An unknown field is kept and warned about, with the known field it is a typo of. The
  /// suggestion is worked out only while warnings are still listed (a hostile document can
  /// have millions of unknown keys).
  void unknown_field(const std::string& path, std::string_view key, bool item_field) {
    if (!diag_.lists_warnings()) return diag_.warning(path, code::unknown_field, std::string());
    std::string near = known_field_near(key, item_field);
    std::string text = unknown_field_text(near);
    diag_.warning(path, code::unknown_field, std::move(text), std::move(near));
  }

  void check_format(const Json& doc) {
    if (!doc.contains("format")) {
      diag_.warning("/format", code::missing, "missing; assuming \"gapscore/1\"");
      return;
    }
    const Json& f = doc["format"];
    if (!f.is_string() || f.get_ref<const std::string&>() != kFormat)
      diag_.error("/format", code::invalid_value, "must be \"gapscore/1\" (got " + describe(f) + ")");
  }

  std::string text(const Json& v, const LazyPath& path, std::size_t limit = limits::string_bytes) {
    if (!v.is_string()) {
      diag_.error(path, code::wrong_type, std::string("must be text (got ") + kind_of(v) + ")");
      return {};
    }
    const auto& s = v.get_ref<const std::string&>();
    if (s.size() > limit) {
      diag_.error(path, code::too_large, "is " + std::to_string(s.size()) + " bytes long; the limit is " +
                            std::to_string(limit));
      return {};
    }
    return s;
  }

  std::vector<std::string> text_list(const Json& v, const LazyPath& path) {
    std::vector<std::string> out;
    if (!v.is_array()) {
      diag_.error(path, code::wrong_type, std::string("must be a list of text (got ") + kind_of(v) + ")");
      return out;
    }
    if (v.size() > limits::list_entries) {
      diag_.error(path, code::too_large, "has " + std::to_string(v.size()) + " entries; the limit is " +
                            std::to_string(limits::list_entries));
      return out;
    }
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(text(v[i], LazyPath(path, i), limits::id_bytes));
    return out;
  }

  /// A number following `rule`, or a range {"low", "likely", "high"} of such numbers (then
  /// the likely value is returned and the range recorded). kMissing on error.
  double number(const Json& v, const LazyPath& path, const NumberRule& rule,
                std::vector<UncertainInput>* ranges, UncertainInput where) {
    if (v.is_number()) {
      const double x = v.get<double>();
      const std::string why = check_number(x, rule);
      if (!why.empty()) {
        diag_.error(path, code::out_of_range, why);
        return kMissing;
      }
      return x + 0.0; // -0.0 reads as 0: no "-0" in any score or explanation
    }
    if (v.is_object() && ranges) return range(v, path, rule, *ranges, where);
    diag_.error(path, code::wrong_type, std::string("must be a number") + (ranges ? " or a range {\"low\", \"likely\", \"high\"}" : "") +
                          " (got " + describe(v) + ")");
    return kMissing;
  }

  double range(const Json& v, const LazyPath& path, const NumberRule& rule,
               std::vector<UncertainInput>& ranges, UncertainInput where) {
    double parts[3] = {kMissing, kMissing, kMissing};
    const char* names[3] = {"low", "likely", "high"};
    bool ok = true;
    for (int k = 0; k < 3; ++k) {
      if (!v.contains(names[k])) {
        diag_.error(LazyPath(path, names[k]), code::missing, "missing: a range needs low, likely and high");
        ok = false;
        continue;
      }
      parts[k] = number(v[names[k]], LazyPath(path, names[k]), rule, nullptr, where);
      if (is_missing(parts[k])) ok = false;
    }
    for (const auto& [key, value] : v.items()) {
      (void)value;
      if (key != "low" && key != "likely" && key != "high")
        diag_.warning(LazyPath(path, key), code::unknown_field, "unknown field in a range, ignored");
    }
    if (!ok) return kMissing;
    if (!(parts[0] <= parts[1] && parts[1] <= parts[2])) {
      diag_.error(path, code::invalid_value, "low <= likely <= high is required (got " + number_text(parts[0]) + ", " +
                            number_text(parts[1]) + ", " + number_text(parts[2]) + ")");
      return kMissing;
    }
    // The triangular draw multiplies the width by itself (random.hpp): a wider range would
    // overflow there and every draw would silently become the low end.
    if (!(parts[2] - parts[0] < limits::range_width)) {
      diag_.error(path, code::overflow, "is too wide to draw from: high - low must stay below 1e154 (got " + number_text(parts[0]) +
                            " to " + number_text(parts[2]) + ")");
      return kMissing;
    }
    where.low = parts[0];
    where.likely = parts[1];
    where.high = parts[2];
    where.path = path.str();
    ranges.push_back(where);
    return parts[1];
  }

  void load_normalization(const Json& doc, Scenario& s) {
    if (!doc.contains("normalization")) return;
    const Json& n = doc["normalization"];
    const std::string name = n.is_string() ? n.get<std::string>() : "";
    if (name == "minmax") s.normalization = Normalization::minmax;
    else if (name == "max") s.normalization = Normalization::max;
    else if (name == "vector") s.normalization = Normalization::vector;
    else if (name == "none") s.normalization = Normalization::none;
    else diag_.error("/normalization", code::invalid_value, "must be one of minmax, max, vector, none (got " + describe(n) + ")");
  }

  void load_criteria(const Json& doc, Scenario& s) {
    if (!doc.contains("criteria")) return;
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
      else crit.id = text(j["id"], LazyPath(crit_path, "id"), limits::id_bytes);
      if (j.contains("id") && j["id"].is_string() && crit.id.empty())
        diag_.error(pointer(path, "id"), code::invalid_value, "must not be empty");
      if (!crit.id.empty()) {
        auto [it, fresh] = seen.emplace(crit.id, c);
        if (!fresh)
          diag_.error(pointer(path, "id"), code::duplicate, "duplicate of " + pointer(pointer("/criteria", it->second), "id") +
                                               " " + describe(j["id"]));
      }
      crit.name = j.contains("name") ? text(j["name"], LazyPath(crit_path, "name")) : crit.id;
      if (j.contains("weight")) {
        const UncertainInput where = input_at(UncertainInput::Target::weight, c, 0);
        crit.weight = number(j["weight"], LazyPath(crit_path, "weight"), NumberRule{0, true}, &s.uncertain, where);
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
  void load_source(const Json& v, const std::string& path, Criterion& crit) {
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

  void load_scale(const Json& j, const std::string& path, Criterion& crit) {
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

  void load_items(const Json& doc, Scenario& s) {
    if (!doc.contains("items")) {
      diag_.error("/items", code::missing, "missing: the document needs a list of items");
      return;
    }
    const Json& list = doc["items"];
    if (!list.is_array()) {
      diag_.error("/items", code::wrong_type, std::string("must be a list (got ") + kind_of(list) + ")");
      return;
    }
    if (list.size() > limits::items) {
      diag_.error("/items", code::too_large, "has " + std::to_string(list.size()) + " items; the limit is " +
                                std::to_string(limits::items));
      return;
    }
    const std::size_t n = list.size();
    s.items.resize(n);
    for (auto& col : s.fields) col.assign(n, kMissing);
    for (auto& col : s.scores) col.assign(n, kMissing);
    std::unordered_map<std::string, std::size_t> seen;
    seen.reserve(n);
    for (std::size_t i = 0; i < n; ++i) load_item(list[i], i, s, seen);
    s.index_items();
    check_dependencies(list, s);
  }

  void load_item(const Json& j, std::size_t i, Scenario& s,
                 std::unordered_map<std::string, std::size_t>& seen) {
    static const std::string kItems = "/items";
    const LazyPath items(kItems);
    const LazyPath path(items, i);
    ItemInfo& item = s.items[i];
    if (!j.is_object()) {
      diag_.error(path, code::out_of_range, std::string("must be an object with at least an id (got ") + kind_of(j) + ")");
      return;
    }
    if (!j.contains("id")) {
      diag_.error(LazyPath(path, "id"), code::missing, "missing: every item needs a unique id");
    } else {
      item.id = text(j["id"], LazyPath(path, "id"), limits::id_bytes);
      if (j["id"].is_string() && j["id"].get_ref<const std::string&>().empty())
        diag_.error(LazyPath(path, "id"), code::invalid_value, "must not be empty");
      if (!item.id.empty()) {
        auto [it, fresh] = seen.emplace(item.id, i);
        if (!fresh)
          diag_.error(LazyPath(path, "id"), code::duplicate, "duplicate of " + pointer(pointer("/items", it->second), "id") +
                                                " " + describe(j["id"]));
      }
    }
    item.title = j.contains("title") ? text(j["title"], LazyPath(path, "title")) : item.id;
    if (j.contains("description")) item.description = text(j["description"], LazyPath(path, "description"));
    if (j.contains("tags")) item.tags = text_list(j["tags"], LazyPath(path, "tags"));
    if (j.contains("depends_on")) item.depends_on = text_list(j["depends_on"], LazyPath(path, "depends_on"));
    if (j.contains("moscow")) load_moscow(j["moscow"], LazyPath(path, "moscow"), item);
    for (const auto& [key, value] : j.items()) {
      if (auto f = field_from_name(key)) {
        load_field(value, LazyPath(path, key), *f, i, s);
      } else if (!is_known_item_field(key)) {
        unknown_field(LazyPath(path, key), key, true);
      }
    }
    if (j.contains("scores")) load_scores(j["scores"], LazyPath(path, "scores"), i, s);
  }

  void load_moscow(const Json& v, const LazyPath& path, ItemInfo& item) {
    static const std::pair<const char*, Moscow> kNames[] = {
        {"must", Moscow::must}, {"should", Moscow::should}, {"could", Moscow::could}, {"wont", Moscow::wont}};
    if (v.is_string()) {
      for (auto [name, m] : kNames)
        if (v.get_ref<const std::string&>() == name) {
          item.moscow = m;
          return;
        }
    }
    diag_.error(path, code::invalid_value, "must be one of must, should, could, wont (got " + describe(v) + ")");
  }

  void load_field(const Json& v, const LazyPath& path, Field f, std::size_t i, Scenario& s) {
    const UncertainInput where = input_at(UncertainInput::Target::field, static_cast<std::size_t>(f), i);
    const double x = number(v, path, rule_for(f), &s.uncertain, where);
    s.column(f)[i] = x;
    if (f == Field::impact && !is_missing(x) && x != 3 && x != 2 && x != 1 && x != 0.5 && x != 0.25)
      diag_.warning(path, code::unusual_value, "is " + number_text(x) + ", not on Intercom's impact scale 3, 2, 1, 0.5, 0.25");
  }

  void load_scores(const Json& v, const LazyPath& path, std::size_t i, Scenario& s) {
    if (!v.is_object()) {
      diag_.error(path, code::wrong_type, std::string("must be an object {criterion id: number} (got ") + kind_of(v) + ")");
      return;
    }
    for (const auto& [key, value] : v.items()) {
      const std::size_t c = s.criterion_index(key);
      if (c == Scenario::npos) {
        diag_.error(LazyPath(path, key), code::unknown_reference, "no criterion with id " + describe(Json(key)) +
                                            (s.criteria.empty() ? " (the document has no criteria)" : ""));
        continue;
      }
      if (s.criteria[c].source == CriterionSource::field) {
        const std::string field(field_name(s.criteria[c].field));
        diag_.error(LazyPath(path, key), code::duplicate,
                    "criterion " + describe(Json(key)) + " takes its values from each item's " + field + " (\"source\": \"" +
                        field + "\"); remove this score and give " + field + " instead");
        continue;
      }
      const UncertainInput where = input_at(UncertainInput::Target::score, c, i);
      s.scores[c][i] = number(value, LazyPath(path, key), NumberRule{}, &s.uncertain, where);
    }
  }

  void check_dependencies(const Json& list, Scenario& s) {
    for (std::size_t i = 0; i < s.items.size(); ++i) {
      const auto& deps = s.items[i].depends_on;
      for (std::size_t k = 0; k < deps.size(); ++k) {
        const std::string path = pointer(pointer(pointer("/items", i), "depends_on"), k);
        const std::size_t d = s.item_index(deps[k]);
        if (d == Scenario::npos)
          diag_.error(path, code::unknown_reference, "no item with id " + describe(Json(deps[k])));
        else if (d == i)
          diag_.error(path, code::dependency_cycle, "an item cannot depend on itself");
      }
    }
    (void)list;
    report_cycle(s);
  }

  /// A cycle in depends_on means none of its items can ever be planned: name it.
  void report_cycle(const Scenario& s) {
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
};

} // namespace

std::optional<Scenario> load_scenario(Json document, Diagnostics& diag) {
  Scenario s;
  try {
    Loader(diag).load(document, s);
  } catch (const std::exception& ex) { // defensive: the loader checks types before reading
    diag.error("", code::internal_error, std::string("could not read the document: ") + ex.what());
  }
  if (!diag.ok()) return std::nullopt;
  s.document = std::move(document);
  return s;
}

std::optional<Scenario> load_scenario_text(std::string_view text, Diagnostics& diag) {
  auto doc = parse_json_text(text, diag);
  if (!doc) return std::nullopt;
  return load_scenario(std::move(*doc), diag);
}

} // namespace gapscore
