// JSON text -> Scenario without a DOM of the document. A backlog is mostly items, and an
// item mostly numbers and short text: those go from nlohmann's SAX events (json::sax_parse,
// through JsonReader's limits) straight into the scenario's columns, and so do the entries of
// its tags, depends_on and scores. What is not an item is small and is kept as a Json
// (`rest_`): the top-level fields, the criteria, the sections. Of an item, only values that
// are neither plain numbers nor text (a range, a value of the wrong type) become a small Json
// while the item is read, and the members the sections read (outcomes, contributes, kano,
// status, released, team) one small Json per item that has any. The document itself is kept
// as its text (Scenario::source): a DOM of a backlog takes about eight times its text.
//
// The checks, and the order they report in, are the loader's (document_loader.hpp,
// item_loader.hpp). Problems found while the text streams past go to lists of their own
// (the criteria's, the items') and join the caller's in the loader's order at the end, so a
// document whose "items" come before its "title" lists its problems as load_scenario does.
// One order cannot be streamed: items scoring criteria that the document gives only after
// them (their scores cannot be checked before the criteria are known). Such a document is
// read through the DOM instead; the documents this project writes list the criteria first.
#include "document/scenario_reader.hpp"

#include <algorithm>

#include "document/document_loader.hpp"
#include "document/item_loader.hpp"
#include "document/json_reader.hpp"
#include "document/schema.hpp"
#include "document/sections.hpp"
#include "gapscore/load.hpp"

namespace gapscore {
namespace {

class ScenarioReader final : public JsonReader<ScenarioReader> {
public:
  explicit ScenarioReader(Scenario& s) : s_(s), items_(items_diag_, item_ranges_) {}

  // ---- events (JsonReader) ----
  bool on_null() { return scalar(Json(nullptr)); }
  bool on_boolean(bool v) { return scalar(Json(v)); }
  bool on_integer(number_integer_t v) { return number(static_cast<double>(v)) || scalar(Json(v)); }
  bool on_unsigned(number_unsigned_t v) { return number(static_cast<double>(v)) || scalar(Json(v)); }
  bool on_float(number_float_t v) { return number(v) || scalar(Json(v)); }
  bool on_string(string_t& v) {
    if (!text_here()) return scalar(Json(v));
    ItemValue* slot = depth() == 3 ? value_ : open_ == Open::scores ? entry_ : list_->add_entry();
    if (slot) { // (no slot: a list entry past the limit, only counted)
      slot->kind = ItemValue::Kind::text;
      slot->text.assign(v); // a copy: the parser keeps its buffer for the next string
    }
    return true;
  }
  bool on_start(bool array);
  bool on_key(string_t& k);
  bool on_end();

  enum class Outcome { read, needs_dom };
  /// After the text was read: the loader's steps, in its order, into `diag`.
  Outcome finish(Diagnostics& diag);
  /// Frees what was built, without allocating (before an out-of-memory error is reported).
  void release() noexcept;

private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  /// Where a value goes when it is neither built nor skipped, by the depth it is at: only
  /// the items list, an item and its tags, depends_on and scores are read event by event.
  enum class Target : std::uint8_t { root, top_level, items_value, item, member, entry };
  /// The item member whose entries are being read (depth 4).
  enum class Open : std::uint8_t { none, list, scores };

  Scenario& s_;
  JsonBuilder builder_;               ///< building a value of rest_, of an item or of slim_
  std::size_t skip_depth_ = kNone;    ///< skipping the container opened at this depth

  Json::value_t root_kind_ = Json::value_t::null;
  Json rest_ = Json::object();        ///< the document without "items"
  Json* top_slot_ = nullptr;          ///< the value of the top-level key just read
  bool top_kept_ = false;             ///< that value is read (not an unknown field or notes)
  bool top_is_criteria_ = false;
  bool items_key_ = false;            ///< the top-level key just read is "items"

  bool items_present_ = false;
  Json::value_t items_kind_ = Json::value_t::null;
  bool reading_items_ = false;        ///< inside the "items" list
  std::size_t item_count_ = 0;        ///< items met, including any over the limit
  bool in_item_ = false;              ///< inside an item object being read
  std::size_t item_index_ = 0;
  ItemMembers record_;                ///< the item being read
  ItemKey member_ = ItemKey::unknown; ///< the class of its key just read
  ItemValue* value_ = nullptr;        ///< where that key's value goes (fields, id, title, ...)
  Json* section_slot_ = nullptr;      ///< or, for a section member, here in slim_
  Open open_ = Open::none;
  ItemList* list_ = nullptr;          ///< Open::list: tags or depends_on
  ItemValue* entry_ = nullptr;        ///< Open::scores: the value of the score key just read
  Json slim_;                         ///< per item: the members the sections read (null: none)

  Diagnostics criteria_diag_, items_diag_;    ///< problems found while streaming, by step
  std::vector<UncertainInput> item_ranges_;   ///< after the criteria's in Scenario::uncertain
  ItemLoader items_;
  bool okr_criteria_ = false;         ///< a criterion takes its values from the OKRs
  bool any_scores_ = false;           ///< an item has "scores"
  bool needs_dom_ = false;
  bool customer_items_ = false;       ///< an item names a customer section

  bool structural() const { return !builder_.building() && skip_depth_ == kNone; }
  Target target() const {
    switch (depth()) {
    case 0: return Target::root;
    case 1: return items_key_ ? Target::items_value : Target::top_level;
    case 2: return Target::item; // only reached inside "items": any other container is built or skipped
    case 3: return Target::member;
    default: return Target::entry; // depth 4: an entry of a list or of scores
    }
  }
  /// Where a number read now goes as a number: a numeric field, or a score.
  bool number(double x) {
    if (!structural()) return false;
    ItemValue* slot = nullptr;
    if (member_ == ItemKey::field && depth() == 3) slot = value_;
    else if (open_ == Open::scores && depth() == 4) slot = entry_;
    if (!slot) return false;
    slot->kind = ItemValue::Kind::number;
    slot->number = x;
    return true;
  }
  /// Whether a string read now is kept as text: id, title, description, moscow, a list
  /// entry, a score (a mistake, but its message shows it the same).
  bool text_here() const {
    if (!structural()) return false;
    if (depth() == 3)
      return member_ == ItemKey::id || member_ == ItemKey::title || member_ == ItemKey::description ||
             member_ == ItemKey::moscow;
    return depth() == 4 && open_ != Open::none;
  }
  void skip(std::size_t depth) { skip_depth_ = depth; }
  /// Builds the value starting now (a container) into `target`.
  void build(Json& target, bool array) {
    builder_.start(target);
    builder_.open(array);
  }

  bool scalar(Json&& v);
  void member_key(const std::string& k);
  void member_start(bool array);
  void begin_item();
  void non_object_item(Json::value_t kind);
  void load_item();
  Json& slim_slot(std::size_t item, const std::string& key);
  void top_value_done();
};

bool ScenarioReader::scalar(Json&& v) {
  if (builder_.building()) {
    builder_.scalar(std::move(v)); // a scalar never completes a value the builder started
    return true;
  }
  if (skip_depth_ != kNone) return true;
  switch (target()) {
  case Target::root: root_kind_ = v.type(); break;
  case Target::top_level:
    if (top_kept_) *top_slot_ = std::move(v);
    top_value_done();
    break;
  case Target::items_value:
    items_present_ = true;
    items_kind_ = v.type();
    break;
  case Target::item: non_object_item(v.type()); break;
  case Target::member:
    if (member_ == ItemKey::section) {
      *section_slot_ = std::move(v);
    } else if (value_) {
      value_->kind = ItemValue::Kind::json;
      value_->owned = std::move(v);
    }
    break;
  case Target::entry: {
    ItemValue* slot = open_ == Open::scores ? entry_ : list_->add_entry();
    if (slot) {
      slot->kind = ItemValue::Kind::json;
      slot->owned = std::move(v);
    }
    break;
  }
  }
  return true;
}

bool ScenarioReader::on_start(bool array) {
  if (builder_.building()) {
    builder_.open(array);
    return true;
  }
  if (skip_depth_ != kNone) return true;
  switch (target()) {
  case Target::root:
    root_kind_ = array ? Json::value_t::array : Json::value_t::object;
    if (array) skip(0); // not a document: its kind is all the error needs
    break;
  case Target::top_level:
    if (top_kept_) build(*top_slot_, array);
    else skip(1);
    break;
  case Target::items_value:
    items_present_ = true;
    items_kind_ = array ? Json::value_t::array : Json::value_t::object;
    if (array) reading_items_ = true;
    else skip(1);
    break;
  case Target::item:
    if (array) {
      non_object_item(Json::value_t::array);
      skip(2);
    } else {
      begin_item();
    }
    break;
  case Target::member: member_start(array); break;
  case Target::entry: { // a range as a score, or a list entry that is not text
    ItemValue* slot = open_ == Open::scores ? entry_ : list_->add_entry();
    if (!slot) {
      skip(4);
      break;
    }
    slot->kind = ItemValue::Kind::json;
    build(slot->owned, array);
    break;
  }
  }
  return true;
}

void ScenarioReader::member_start(bool array) {
  switch (member_) {
  case ItemKey::tags:
  case ItemKey::depends_on:
    if (array) {
      list_ = member_ == ItemKey::tags ? &record_.tags : &record_.depends_on;
      list_->is_list = true;
      open_ = Open::list;
      return;
    }
    break;
  case ItemKey::scores:
    if (!array) {
      record_.scores.is_object = true;
      open_ = Open::scores;
      return;
    }
    break;
  case ItemKey::section: build(*section_slot_, array); return;
  case ItemKey::ignored:
  case ItemKey::unknown: skip(3); return; // kept in the text; nothing reads it
  default: break;
  }
  value_->kind = ItemValue::Kind::json; // a range, or a value of the wrong type
  build(value_->owned, array);
}

bool ScenarioReader::on_key(string_t& k) {
  if (builder_.building()) {
    builder_.key(k);
    return true;
  }
  if (skip_depth_ != kNone) {
    // An item over the limit is not read, but whether it names a customer section still
    // decides which sections apply, as it does for load_scenario.
    if (skip_depth_ == 2 && reading_items_ && depth() == 3 && item_names_customer_section(k)) customer_items_ = true;
    return true;
  }
  switch (depth()) {
  case 1: {
    items_key_ = k == "items";
    if (items_key_) break;
    // Keys are unique here (JsonReader checked): append without ordered_map's search.
    // An unknown field keeps only its key, for the warning: its value is in the text, and
    // nothing reads it (a hostile one can be millions of values).
    auto& object = rest_.get_ref<Json::object_t&>();
    object.Json::object_t::Container::emplace_back(k, nullptr);
    top_slot_ = &object.back().second;
    top_kept_ = is_known_top_level_field(k) && k != "notes";
    top_is_criteria_ = k == "criteria";
    break;
  }
  case 3: member_key(k); break;
  default: entry_ = &record_.scores.add_entry(k); break; // depth 4: inside scores
  }
  return true;
}

bool ScenarioReader::on_end() {
  if (builder_.building()) {
    if (builder_.close() && depth() == 1) top_value_done();
    return true;
  }
  if (skip_depth_ != kNone) {
    if (depth() == skip_depth_) skip_depth_ = kNone;
    return true;
  }
  switch (depth()) {
  case 1: reading_items_ = false; break; // the items list (any other container was built or skipped)
  case 2: load_item(); break;
  case 3: open_ = Open::none; break;     // tags, depends_on or scores
  default: break;
  }
  return true;
}

void ScenarioReader::member_key(const std::string& k) {
  const ItemKeyClass c = classify_item_key(k);
  member_ = c.kind;
  value_ = nullptr;
  switch (c.kind) {
  case ItemKey::field: {
    ItemMembers::Member& m = record_.add_member();
    m.unknown = false;
    m.field = c.field;
    value_ = &m.value;
    break;
  }
  case ItemKey::unknown: {
    ItemMembers::Member& m = record_.add_member();
    m.unknown = true;
    m.key.assign(k);
    break;
  }
  case ItemKey::id: value_ = &record_.id; break;
  case ItemKey::title: value_ = &record_.title; break;
  case ItemKey::description: value_ = &record_.description; break;
  case ItemKey::moscow: value_ = &record_.moscow; break;
  case ItemKey::tags:
    record_.tags.given = true;
    value_ = &record_.tags.value; // unless it is a list (member_start)
    break;
  case ItemKey::depends_on:
    record_.depends_on.given = true;
    value_ = &record_.depends_on.value;
    break;
  case ItemKey::scores:
    record_.scores.given = true;
    value_ = &record_.scores.value; // unless it is an object (member_start)
    any_scores_ = true;
    break;
  case ItemKey::section:
    if (item_names_customer_section(k)) customer_items_ = true;
    section_slot_ = &slim_slot(item_index_, k);
    break;
  case ItemKey::ignored: break;
  }
}

void ScenarioReader::begin_item() {
  item_index_ = item_count_++;
  if (item_index_ >= limits::items) {
    skip(2); // over the limit: counted for the error, not read
    return;
  }
  in_item_ = true;
  record_.clear();
}

void ScenarioReader::non_object_item(Json::value_t kind) {
  item_index_ = item_count_++;
  if (item_index_ >= limits::items) return;
  record_.clear();
  record_.is_object = false;
  record_.kind = kind;
  load_item();
}

/// A Json of the scores (for the OKR check in the sections, which only asks for the keys).
Json scores_json(const ItemScores& scores) {
  Json scratch;
  if (!scores.is_object) return as_json(scores.value, scratch);
  Json out = Json::object();
  for (std::size_t k = 0; k < scores.entries.size; ++k)
    out[scores.entries.items[k].key] = as_json(scores.entries.items[k].value, scratch);
  return out;
}

void ScenarioReader::load_item() {
  in_item_ = false;
  const std::size_t i = item_index_;
  s_.items.emplace_back();
  for (auto& col : s_.fields) col.push_back(kMissing);
  for (auto& col : s_.scores) col.push_back(kMissing);
  items_.load(record_, i, s_);
  // "source": "okr" criteria refuse scores given by hand; that check reads the item's scores.
  if (okr_criteria_ && record_.scores.given) slim_slot(i, "scores") = scores_json(record_.scores);
  record_.clear();
}

Json& ScenarioReader::slim_slot(std::size_t item, const std::string& key) {
  if (!slim_.is_array()) slim_ = Json::array();
  auto& list = slim_.get_ref<Json::array_t&>();
  while (list.size() <= item) list.emplace_back(); // null: an item without such members
  Json& entry = list[item];
  if (!entry.is_object()) entry = Json::object();
  auto& object = entry.get_ref<Json::object_t&>();
  object.Json::object_t::Container::emplace_back(key, nullptr); // an item's keys are unique
  return object.back().second;
}

void ScenarioReader::top_value_done() {
  if (!top_is_criteria_) return;
  // Read now, so that the items after them can check their scores.
  DocumentLoader(criteria_diag_).load_criteria(rest_, s_);
  okr_criteria_ = std::any_of(s_.criteria.begin(), s_.criteria.end(),
                              [](const Criterion& c) { return c.source == CriterionSource::okr; });
  if (item_count_ > 0 && any_scores_) needs_dom_ = true;
}

ScenarioReader::Outcome ScenarioReader::finish(Diagnostics& diag) {
  if (needs_dom_) return Outcome::needs_dom;
  DocumentLoader loader(diag);
  if (!loader.check_object(Json(root_kind_))) return Outcome::read;
  loader.load_top_level(rest_, s_);
  diag.add(criteria_diag_);
  const std::size_t n = item_count_;
  items_.forget_ids();
  if (check_item_list(items_present_, items_kind_, n, diag)) {
    diag.add(items_diag_);
    for (auto& col : s_.scores) col.resize(n, kMissing); // criteria given after the items
    s_.uncertain.insert(s_.uncertain.end(), item_ranges_.begin(), item_ranges_.end());
    // The columns grew as the items came (their number is known only now): give back what
    // they grew past it, a quarter of the scenario on a large backlog.
    for (auto& col : s_.fields) col.shrink_to_fit();
    for (auto& col : s_.scores) col.shrink_to_fit();
    s_.items.shrink_to_fit();
  } else {
    // As load_scenario: a list that cannot be read has none of its items read.
    s_.items.clear();
    for (auto& col : s_.fields) col.clear();
    for (auto& col : s_.scores) col.clear();
    slim_ = nullptr;
  }
  loader.check_dependencies(s_);
  const bool customer = customer_items_ || uses_customer_sections(rest_);
  if (slim_.is_array()) rest_.get_ref<Json::object_t&>().Json::object_t::Container::emplace_back("items", std::move(slim_));
  read_sections(rest_, customer, s_, diag);
  return Outcome::read;
}

void ScenarioReader::release() noexcept {
  release_json(rest_);
  release_json(slim_);
  for (ItemValue* v : {&record_.id, &record_.title, &record_.description, &record_.moscow, &record_.tags.value,
                       &record_.depends_on.value, &record_.scores.value})
    release_json(v->owned);
  for (auto& m : record_.in_order.items) release_json(m.value.owned);
  for (auto& e : record_.tags.entries.items) release_json(e.owned);
  for (auto& e : record_.depends_on.entries.items) release_json(e.owned);
  for (auto& e : record_.scores.entries.items) release_json(e.value.owned);
}

} // namespace

std::optional<Scenario> read_scenario(std::string_view text, Diagnostics& diag, SourceDocument source) {
  Scenario s;
  bool needs_dom = false;
  try {
    ScenarioReader reader(s);
    if (!read_json_text(text, reader, diag, "", [&] { reader.release(); })) return std::nullopt;
    needs_dom = reader.finish(diag) == ScenarioReader::Outcome::needs_dom;
  } catch (const std::exception& ex) { // defensive: the loader checks types before reading
    diag.error("", code::internal_error, std::string("could not read the document: ") + ex.what());
  }
  if (needs_dom) {
    auto document = parse_json_text(text, diag);
    if (!document) return std::nullopt;
    auto loaded = load_scenario(std::move(*document), diag);
    if (loaded) loaded->source = std::move(source);
    return loaded;
  }
  if (!diag.ok()) return std::nullopt;
  s.source = std::move(source);
  return s;
}

std::optional<Scenario> load_scenario_text(std::string_view text, Diagnostics& diag) {
  return read_scenario(text, diag, SourceDocument::copy_of(text));
}

} // namespace gapscore
