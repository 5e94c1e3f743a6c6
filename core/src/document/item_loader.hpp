#pragma once
// One item of the "items" list into the scenario's columns: the checks and the order they
// report in, in one place for both readers of a document. The reader over a Json
// (load_scenario.cpp) points an ItemMembers at an item's values; the reader over the text's
// events (scenario_reader.cpp) fills one as the item streams past. Either way the loader
// checks an item the same way, whatever order its members come in.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document/field_checks.hpp"

namespace gapscore {

/// What an item's key is to the loader: a numeric field, one of the members it reads
/// itself, a member a section reads (section), one nobody reads (ignored: "notes"), or a key
/// the format does not know.
enum class ItemKey : std::uint8_t { field, id, title, description, tags, depends_on, moscow, scores, section, ignored, unknown };
struct ItemKeyClass {
  ItemKey kind = ItemKey::unknown;
  Field field = Field::reach; ///< ItemKey::field
};
/// The class of an item key, by its length first: this runs for every key of every item.
/// Agrees with schema.hpp's field names (tests/document_reader_test.cpp checks).
ItemKeyClass classify_item_key(std::string_view key);

/// One value as a reader met it: a number or a string read straight from the text (the
/// common case, with no Json made for it), or any JSON value.
struct ItemValue {
  enum class Kind : std::uint8_t { absent, number, text, json };
  Kind kind = Kind::absent;
  double number = 0;          ///< Kind::number
  std::string text;           ///< Kind::text
  const Json* json = nullptr; ///< Kind::json: the value in a Json document, or else...
  Json owned;                 ///< ...the value, built by the reader of the text

  bool given() const { return kind != Kind::absent; }
  /// Kind::json's value.
  const Json& value() const { return json ? *json : owned; }
  void clear() {
    kind = Kind::absent;
    json = nullptr;
    if (!owned.is_null()) owned = nullptr;
  }
};

/// Entries kept with their buffers from item to item: `size` are in use.
template <class T> struct Entries {
  std::vector<T> items;
  std::size_t size = 0;
  T& add() {
    if (size == items.size()) items.emplace_back();
    return items[size++];
  }
};

/// tags or depends_on: a list, entry by entry, or (`value`) whatever else it is.
struct ItemList {
  bool given = false, is_list = false;
  ItemValue value;              ///< when it is not a list
  Entries<ItemValue> entries;   ///< the first limits::list_entries: a longer list is refused whole
  std::size_t size = 0;         ///< the list's length
  void clear() {
    given = is_list = false;
    value.clear();
    entries.size = 0;
    size = 0;
  }
  /// The next entry, or nullptr once past what is kept (then it is only counted).
  ItemValue* add_entry() {
    if (size++ >= limits::list_entries) return nullptr;
    ItemValue& v = entries.add();
    v.clear();
    return &v;
  }
};

/// scores: an object, member by member, or (`value`) whatever else it is.
struct ItemScores {
  bool given = false, is_object = false;
  ItemValue value; ///< when it is not an object
  struct Entry {
    std::string key;
    ItemValue value;
  };
  Entries<Entry> entries;
  void clear() {
    given = is_object = false;
    value.clear();
    entries.size = 0;
  }
  ItemValue& add_entry(std::string_view key) {
    Entry& e = entries.add();
    e.key.assign(key);
    e.value.clear();
    return e.value;
  }
};

/// An item's members, sorted the way the loader checks them.
struct ItemMembers {
  bool is_object = true;
  Json::value_t kind = Json::value_t::object; ///< what the item is when it is not an object
  ItemValue id, title, description, moscow;
  ItemList tags, depends_on;
  ItemScores scores;
  /// The numeric fields and the unknown keys, in document order (their problems are
  /// reported in that order).
  struct Member {
    bool unknown = false;
    Field field = Field::reach;
    std::string key; ///< unknown keys only
    ItemValue value; ///< numeric fields only
  };
  Entries<Member> in_order;

  /// Empties it for the next item (keeping the buffers).
  void clear();
  /// The next member, in document order.
  Member& add_member() {
    Member& m = in_order.add();
    m.value.clear();
    return m;
  }
};

/// The item ids met so far, for the duplicate check: open addressing over item indices (the
/// ids themselves are in the scenario's items), so an id costs no allocation. A map from id
/// to index, which copied every id into a node of its own, was a tenth of loading 100,000 items.
class ItemIdSet {
public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  /// The index of an earlier item among `items` with `items[i].id`; npos (and `i` recorded)
  /// when it is the first.
  std::size_t find_or_add(const std::vector<ItemInfo>& items, std::size_t i);
  void clear() {
    std::vector<std::uint64_t>().swap(slots_);
    size_ = 0;
  }

private:
  std::vector<std::uint64_t> slots_; ///< (hash's high 32 bits << 32) | (index + 1); 0: empty
  std::size_t size_ = 0;
  void grow(const std::vector<ItemInfo>& items);
};

class ItemLoader {
public:
  /// Reports to `diag`; ranges go to `ranges`.
  ItemLoader(Diagnostics& diag, std::vector<UncertainInput>& ranges) : checks_(diag), ranges_(ranges) {}

  /// Checks item `i` and fills s.items[i] and the item's cells in s.fields and s.scores (the
  /// caller has sized them). Text values may be taken from `m`.
  void load(ItemMembers& m, std::size_t i, Scenario& s);
  /// Frees the ids seen so far (once every item is loaded).
  void forget_ids() { seen_.clear(); }

private:
  FieldChecks checks_;
  std::vector<UncertainInput>& ranges_;
  ItemIdSet seen_; ///< the ids of the items loaded

  std::string text(ItemValue& v, const LazyPath& path, std::size_t limit = limits::string_bytes);
  std::vector<std::string> text_list(ItemList& l, const LazyPath& path);
  void load_moscow(const ItemValue& v, const LazyPath& path, ItemInfo& item);
  void load_field(const ItemValue& v, const LazyPath& path, Field f, std::size_t i, Scenario& s);
  void load_scores(const ItemScores& v, const LazyPath& path, std::size_t i, Scenario& s);
};

/// The value as a Json (`scratch` holds it when it was read as a plain number or text).
const Json& as_json(const ItemValue& v, Json& scratch);

} // namespace gapscore
