#include "document/item_loader.hpp"

#include <functional>

#include "document/section_reader.hpp"

namespace gapscore {
using detail::kind_of; // "text", "a list", ... (section_reader.hpp)

const Json& as_json(const ItemValue& v, Json& scratch) {
  switch (v.kind) {
  case ItemValue::Kind::json: return v.value();
  case ItemValue::Kind::number: scratch = v.number; return scratch;
  case ItemValue::Kind::text: scratch = v.text; return scratch;
  case ItemValue::Kind::absent: break;
  }
  scratch = nullptr;
  return scratch;
}

namespace {
bool is_empty_text(const ItemValue& v) {
  if (v.kind == ItemValue::Kind::text) return v.text.empty();
  return v.kind == ItemValue::Kind::json && v.value().is_string() && v.value().get_ref<const std::string&>().empty();
}
} // namespace

ItemKeyClass classify_item_key(std::string_view k) {
  const auto field = [](Field f) { return ItemKeyClass{ItemKey::field, f}; };
  const auto member = [](ItemKey m) { return ItemKeyClass{m, Field::reach}; };
  switch (k.size()) {
  case 2:
    if (k == "id") return member(ItemKey::id);
    break;
  case 4:
    if (k == "ease") return field(Field::ease);
    if (k == "tags") return member(ItemKey::tags);
    if (k == "kano" || k == "team") return member(ItemKey::section);
    break;
  case 5:
    if (k == "reach") return field(Field::reach);
    if (k == "title") return member(ItemKey::title);
    if (k == "value") return field(Field::value);
    if (k == "notes") return member(ItemKey::ignored);
    break;
  case 6:
    if (k == "impact") return field(Field::impact);
    if (k == "effort") return field(Field::effort);
    if (k == "moscow") return member(ItemKey::moscow);
    if (k == "scores") return member(ItemKey::scores);
    if (k == "status") return member(ItemKey::section);
    break;
  case 8:
    if (k == "job_size") return field(Field::job_size);
    if (k == "outcomes" || k == "released") return member(ItemKey::section);
    break;
  case 10:
    if (k == "confidence") return field(Field::confidence);
    if (k == "ice_impact") return field(Field::ice_impact);
    if (k == "depends_on") return member(ItemKey::depends_on);
    break;
  case 11:
    if (k == "description") return member(ItemKey::description);
    if (k == "contributes") return member(ItemKey::section);
    break;
  case 14:
    if (k == "business_value") return field(Field::business_value);
    if (k == "risk_reduction") return field(Field::risk_reduction);
    if (k == "ice_confidence") return field(Field::ice_confidence);
    break;
  case 16:
    if (k == "time_criticality") return field(Field::time_criticality);
    break;
  default:
    break;
  }
  return member(ItemKey::unknown);
}

std::size_t ItemIdSet::find_or_add(const std::vector<ItemInfo>& items, std::size_t i) {
  if (2 * (size_ + 1) > slots_.size()) grow(items); // at most half full
  const std::string& id = items[i].id;
  const std::uint64_t h = std::hash<std::string>()(id);
  const std::uint64_t tag = h >> 32 << 32;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t k = static_cast<std::size_t>(h) & mask;; k = (k + 1) & mask) {
    const std::uint64_t slot = slots_[k];
    if (slot == 0) {
      slots_[k] = tag | (i + 1);
      ++size_;
      return npos;
    }
    const std::size_t j = static_cast<std::size_t>(slot & 0xffffffffu) - 1;
    if ((slot & ~std::uint64_t{0xffffffffu}) == tag && items[j].id == id) return j;
  }
}

void ItemIdSet::grow(const std::vector<ItemInfo>& items) {
  std::vector<std::uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), 0);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t slot : old) {
    if (slot == 0) continue;
    const std::size_t j = static_cast<std::size_t>(slot & 0xffffffffu) - 1;
    std::size_t k = static_cast<std::size_t>(std::hash<std::string>()(items[j].id)) & mask;
    while (slots_[k] != 0) k = (k + 1) & mask;
    slots_[k] = slot;
  }
}

void ItemMembers::clear() {
  is_object = true;
  id.clear();
  title.clear();
  description.clear();
  moscow.clear();
  tags.clear();
  depends_on.clear();
  scores.clear();
  in_order.size = 0;
}

std::string ItemLoader::text(ItemValue& v, const LazyPath& path, std::size_t limit) {
  if (v.kind == ItemValue::Kind::text) return checks_.text(std::move(v.text), path, limit);
  Json scratch;
  return checks_.text(as_json(v, scratch), path, limit);
}

void ItemLoader::load(ItemMembers& m, std::size_t i, Scenario& s) {
  static const std::string kItems = "/items";
  const LazyPath items(kItems);
  const LazyPath path(items, i);
  Diagnostics& diag = checks_.diag();
  ItemInfo& item = s.items[i];
  if (!m.is_object) {
    diag.error(path, code::out_of_range, std::string("must be an object with at least an id (got ") + kind_of(Json(m.kind)) + ")");
    return;
  }
  // The members are checked in this order whatever their order in the document, so a
  // document lists its problems the same way however it was written or read.
  if (!m.id.given()) {
    diag.error(LazyPath(path, "id"), code::missing, "missing: every item needs a unique id");
  } else {
    const bool empty = is_empty_text(m.id);
    item.id = text(m.id, LazyPath(path, "id"), limits::id_bytes);
    if (empty) diag.error(LazyPath(path, "id"), code::invalid_value, "must not be empty");
    if (!item.id.empty()) {
      const std::size_t first = seen_.find_or_add(s.items, i);
      if (first != ItemIdSet::npos)
        diag.error(LazyPath(path, "id"), code::duplicate, "duplicate of " + pointer(pointer("/items", first), "id") +
                                             " " + describe(Json(item.id)));
    }
  }
  item.title = m.title.given() ? text(m.title, LazyPath(path, "title")) : item.id;
  if (m.description.given()) item.description = text(m.description, LazyPath(path, "description"));
  if (m.tags.given) item.tags = text_list(m.tags, LazyPath(path, "tags"));
  if (m.depends_on.given) item.depends_on = text_list(m.depends_on, LazyPath(path, "depends_on"));
  if (m.moscow.given()) load_moscow(m.moscow, LazyPath(path, "moscow"), item);
  for (std::size_t k = 0; k < m.in_order.size; ++k) {
    ItemMembers::Member& member = m.in_order.items[k];
    if (member.unknown) checks_.unknown_field(LazyPath(path, member.key), member.key, true);
    else load_field(member.value, LazyPath(path, field_name(member.field)), member.field, i, s);
  }
  if (m.scores.given) load_scores(m.scores, LazyPath(path, "scores"), i, s);
}

std::vector<std::string> ItemLoader::text_list(ItemList& l, const LazyPath& path) {
  std::vector<std::string> out;
  Diagnostics& diag = checks_.diag();
  if (!l.is_list) {
    Json scratch;
    diag.error(path, code::wrong_type, std::string("must be a list of text (got ") + kind_of(as_json(l.value, scratch)) + ")");
    return out;
  }
  if (l.size > limits::list_entries) {
    diag.error(path, code::too_large, "has " + std::to_string(l.size) + " entries; the limit is " +
                         std::to_string(limits::list_entries));
    return out;
  }
  out.reserve(l.size);
  for (std::size_t k = 0; k < l.size; ++k) out.push_back(text(l.entries.items[k], LazyPath(path, k), limits::id_bytes));
  return out;
}

void ItemLoader::load_moscow(const ItemValue& v, const LazyPath& path, ItemInfo& item) {
  static const std::pair<const char*, Moscow> kNames[] = {
      {"must", Moscow::must}, {"should", Moscow::should}, {"could", Moscow::could}, {"wont", Moscow::wont}};
  Json scratch;
  const Json& j = as_json(v, scratch);
  if (j.is_string()) {
    for (auto [name, m] : kNames)
      if (j.get_ref<const std::string&>() == name) {
        item.moscow = m;
        return;
      }
  }
  checks_.diag().error(path, code::invalid_value, "must be one of must, should, could, wont (got " + describe(j) + ")");
}

void ItemLoader::load_field(const ItemValue& v, const LazyPath& path, Field f, std::size_t i, Scenario& s) {
  const UncertainInput where = input_at(UncertainInput::Target::field, static_cast<std::size_t>(f), i);
  Json scratch;
  const double x = v.kind == ItemValue::Kind::number ? checks_.number(v.number, path, rule_for(f))
                                                     : checks_.number(as_json(v, scratch), path, rule_for(f), &ranges_, where);
  s.column(f)[i] = x;
  if (is_missing(x)) return;
  if (std::string note = unusual_value_note(f, x); !note.empty())
    checks_.diag().warning(path, code::unusual_value, std::move(note));
}

void ItemLoader::load_scores(const ItemScores& v, const LazyPath& path, std::size_t i, Scenario& s) {
  Diagnostics& diag = checks_.diag();
  if (!v.is_object) {
    Json scratch;
    diag.error(path, code::wrong_type, std::string("must be an object {criterion id: number} (got ") + kind_of(as_json(v.value, scratch)) + ")");
    return;
  }
  for (std::size_t k = 0; k < v.entries.size; ++k) {
    const std::string& key = v.entries.items[k].key;
    const ItemValue& value = v.entries.items[k].value;
    const std::size_t c = s.criterion_index(key);
    if (c == Scenario::npos) {
      diag.error(LazyPath(path, key), code::unknown_reference, "no criterion with id " + describe(Json(key)) +
                                         (s.criteria.empty() ? " (the document has no criteria)" : ""));
      continue;
    }
    if (s.criteria[c].source == CriterionSource::field) {
      const std::string field(field_name(s.criteria[c].field));
      diag.error(LazyPath(path, key), code::duplicate,
                 "criterion " + describe(Json(key)) + " takes its values from each item's " + field + " (\"source\": \"" +
                     field + "\"); remove this score and give " + field + " instead");
      continue;
    }
    const UncertainInput where = input_at(UncertainInput::Target::score, c, i);
    Json scratch;
    s.scores[c][i] = value.kind == ItemValue::Kind::number
                         ? checks_.number(value.number, LazyPath(path, key), NumberRule{})
                         : checks_.number(as_json(value, scratch), LazyPath(path, key), NumberRule{}, &ranges_, where);
  }
}

} // namespace gapscore
